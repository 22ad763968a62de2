package dev.vidsim.tck.internal;

import dev.vidsim.tck.Generation;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.Transformer;

/**
 * The things that happen to a client in production, as jqwik actions: a user asks for videos,
 * waits, polls, cancels, the process restarts, time passes, money runs out and comes back, and
 * the provider misbehaves ({@link FaultAction}).
 */
public final class Actions {
  static final List<String> MODELS = List.of("reel-1", "studio-credits", "clip-video",
      "quick-task", "fusion-pro");
  static final String IMAGE = "https://example.com/cat.png";

  private Actions() {}

  /** Any generation a user might ask for, some of which no model can render. */
  static Arbitrary<Generation> generations() {
    Arbitrary<List<String>> models = Arbitraries.of(MODELS).list().ofMaxSize(2).uniqueElements();
    Arbitrary<String> mode = Arbitraries.of("text-to-video", "text-to-video", "image-to-video");
    Arbitrary<BigDecimal> seconds = Arbitraries.integers().between(1, 12).map(BigDecimal::valueOf)
        .injectNull(0.3);
    Arbitrary<String> resolution = Arbitraries.of("720p", "1080p", "480p").injectNull(0.5);
    Arbitrary<Boolean> webhook = Arbitraries.of(true, false);
    return Combinators.combine(models, mode, seconds, resolution, webhook).as((m, md, s, r, w) ->
        new Generation(null, "a cat surfing", m, md, s, r,
            md.equals("image-to-video") ? IMAGE : null, w));
  }

  public static final class Submit implements Action.Independent<World> {
    @Override
    public Arbitrary<Transformer<World>> transformer() {
      return generations().map(g -> Transformer.mutate("submit " + g.describe(),
          w -> submit(w, g)));
    }

    private static void submit(World w, Generation spec) {
      Generation g = new Generation(w.newGenerationId(), spec.prompt(), spec.models(),
          spec.mode(), spec.seconds(), spec.resolution(), spec.image(), spec.webhook());
      w.step("submit " + g);
      w.remember(g);
      try {
        w.guarded("submit " + g.id(), () -> w.client().submit(g));
      } catch (RuntimeException refused) {
        w.step("  refused: " + refused.getMessage());
      }
    }
  }

  /**
   * Two threads of the user's app submit the same new generation at once, on the synchronous
   * model: the first thread's create is held until the video is done, so the second one's
   * create with the same key is {@code 409 idempotency_in_flight}, a conflict to wait out
   * (retry with the same key), never a reason to create again under another key.
   */
  public static final class SubmitTwice implements Action.Independent<World> {
    static final String SYNC_MODEL = "clip-sync";

    @Override
    public Arbitrary<Transformer<World>> transformer() {
      return Arbitraries.of(true, false).map(webhook -> Transformer.mutate(
          "submit the next generation from two threads at once" + (webhook ? ", webhook" : ""),
          w -> {
            Generation g = new Generation(w.newGenerationId(), "a cat surfing",
                List.of(SYNC_MODEL), "text-to-video", null, null, null, webhook);
            w.step("submit from two threads at once " + g);
            w.remember(g);
            w.twice("submit " + g.id(), () -> w.client().submit(g));
          }));
    }
  }

  /**
   * The client process dies in the middle of a submit: the create is made and charged, its
   * response is lost, and the process dies while backing off to retry. The restarted client must
   * find that job by its key, never pay for the generation again.
   */
  public static final class DieMidCreate implements Action.Independent<World> {
    @Override
    public Arbitrary<Transformer<World>> transformer() {
      return generations().map(g -> Transformer.mutate("die in the middle of submitting the "
          + g.describe(), w -> {
            w.step("fault create charged, response lost; the process dies at its next sleep");
            w.addFault(FaultAction.LOST_CREATE);
            Generation mine = new Generation(w.newGenerationId(), g.prompt(), g.models(),
                g.mode(), g.seconds(), g.resolution(), g.image(), g.webhook());
            w.step("submit " + mine);
            w.remember(mine);
            w.dyingAtNextSleep(() -> {
              try {
                w.guarded("submit " + mine.id(), () -> w.client().submit(mine));
              } catch (RuntimeException refused) {
                w.step("  refused: " + refused.getMessage());
              }
            });
          }));
    }
  }

  /** Acts on one of the generations submitted so far, picked by index. */
  abstract static class OnGeneration implements Action.Independent<World> {
    private final String verb;

    OnGeneration(String verb) {
      this.verb = verb;
    }

    @Override
    public Arbitrary<Transformer<World>> transformer() {
      return Arbitraries.integers().between(0, 49).map(i -> Transformer.mutate(
          verb + " #" + i, w -> {
            String id = w.generationAt(i);
            if (id == null) return;
            w.step(verb + " " + id);
            try {
              apply(w, id);
            } catch (RuntimeException refused) {
              w.step("  failed: " + refused.getMessage());
            }
          }));
    }

    abstract void apply(World w, String generationId);
  }

  public static final class Await extends OnGeneration {
    public Await() {
      super("await");
    }

    @Override
    void apply(World w, String id) {
      w.await(id);
    }
  }

  public static final class Poll extends OnGeneration {
    public Poll() {
      super("poll");
    }

    @Override
    void apply(World w, String id) {
      w.guarded("poll " + id, () -> {
        w.client().poll(id);
        return null;
      });
    }
  }

  public static final class Cancel extends OnGeneration {
    public Cancel() {
      super("cancel");
    }

    @Override
    void apply(World w, String id) {
      w.guarded("cancel " + id, () -> {
        w.client().cancel(id);
        return null;
      });
    }
  }

  public static final class AdvanceClock implements Action.Independent<World> {
    @Override
    public Arbitrary<Transformer<World>> transformer() {
      return Arbitraries.of(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(45),
          Duration.ofMinutes(2), Duration.ofMinutes(11), Duration.ofMinutes(31))
          .map(d -> Transformer.mutate("advance " + d, w -> {
            w.step("advance " + d.toSeconds() + "s");
            w.host().advance(d);
          }));
    }
  }

  /** The process dies and comes back: memory lost, durable storage kept. */
  public static final class Restart extends Action.JustMutate<World> {
    @Override
    public void mutate(World w) {
      w.step("restart");
      w.restart();
    }

    @Override
    public String description() {
      return "restart client";
    }
  }

  public static final class TopUp implements Action.Independent<World> {
    @Override
    public Arbitrary<Transformer<World>> transformer() {
      return Arbitraries.of("0.50", "5.00", "20.00").map(a -> Transformer.mutate("top up " + a,
          w -> {
            w.step("top up " + a);
            w.topUp(a);
          }));
    }
  }
}
