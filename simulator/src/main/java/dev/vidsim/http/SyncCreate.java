package dev.vidsim.http;

import dev.vidsim.jobs.JobView;
import dev.vidsim.engine.Commands;
import dev.vidsim.engine.Engine;
import dev.vidsim.engine.Simulator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Holds a sync model's create request until its job ends or the model's wait limit passes
 * (simulated time, so on the virtual clock someone must advance it). The engine lock is not
 * held while waiting. A client that gives up earlier does not stop the job: it is charged and
 * stays findable.
 */
public final class SyncCreate {
  /** Real-time bound on a held request, so a virtual clock nobody advances cannot pin a thread. */
  static final long HOLD_MILLIS_MAX = 5 * 60_000;

  private SyncCreate() {}

  /** A create and what a sync model's answer waits for (null for other models). */
  public record Started(JobView view, CompletableFuture<JobView> answer) {
    /** The job to answer with: at once, or once a sync model's wait is over. */
    public JobView await(Simulator sim) {
      return answer == null ? view : SyncCreate.await(sim, answer, view);
    }
  }

  /** Runs a create and asks for its sync answer in the same lock hold (one engine call). */
  public static Started start(Engine e, Commands.Create create) {
    JobView view = e.run(create);
    return new Started(view, e.run(new Commands.SyncAnswer(view.id())));
  }

  public static JobView await(Simulator sim, CompletableFuture<JobView> answer, JobView created) {
    try {
      return answer.get(HOLD_MILLIS_MAX, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return sim.call(en -> en.jobs().snapshot(created.id()));
    } catch (ExecutionException e) {
      return created;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return created;
    }
  }
}
