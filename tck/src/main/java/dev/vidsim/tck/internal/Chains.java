package dev.vidsim.tck.internal;

import dev.vidsim.checker.InvariantChecker;
import dev.vidsim.tck.ClientFactory;
import java.util.List;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;

/** The action chains every client is put through: what users do and what providers do. */
public final class Chains {
  /** Longest chain: long enough for faults to meet retries, short enough to shrink well. */
  public static final int ACTIONS_MAX = 50;
  static final boolean EVERY_ACTION = !Boolean.getBoolean("vidsim.tck.endOnly");

  private Chains() {}

  /**
   * The chains' actions. Two threads submitting at once ({@link Actions.SubmitTwice}) are told
   * apart by the call each request came from ({@link CallSenders}), so their interleaved retries
   * are judged each as its own call's.
   */
  public static ActionChainArbitrary<World> of(ClientFactory factory) {
    return ActionChain.<World>startWith(() -> new World(factory))
        .withAction(6, new Actions.Submit())
        .withAction(3, new Actions.Await())
        .withAction(2, new Actions.Poll())
        .withAction(1, new Actions.Cancel())
        .withAction(3, new Actions.AdvanceClock())
        .withAction(1, new Actions.Restart())
        .withAction(1, new Actions.DieMidCreate())
        .withAction(1, new Actions.SubmitTwice())
        .withAction(1, new Actions.TopUp())
        .withAction(4, new FaultAction())
        .withAction(1, new ForgedWebhook())
        .withMaxTransformations(ACTIONS_MAX);
  }

  /**
   * Runs a chain with the invariants checked after every action, then lets the client finish
   * every generation it knows and checks once more, cost reconciliation included.
   *
   * @return what the run covered, for the coverage statistics
   */
  public static Coverage.Facts run(ActionChain<World> chain) {
    try {
      World end = runChecked(chain);
      finish(end);
      return Coverage.facts(end.evidence(true), end.restartsMidCreate());
    } finally {
      chain.finalState().ifPresent(World::close);
    }
  }

  /**
   * Runs the chain and waits for the verdict on its last action ({@link CheckPipeline}). When an
   * action fails, a rule the action before it broke is the failure to report: it came first.
   */
  private static World runChecked(ActionChain<World> chain) {
    World end;
    try {
      end = (EVERY_ACTION ? withInvariants(chain) : chain).run();
    } catch (Throwable failed) {
      if (!CheckPipeline.isBroken(failed)) {
        chain.finalState().ifPresent(w -> earlierBreak(w, failed));
      }
      throw failed;
    }
    end.heldToTheEnd();
    return end;
  }

  private static void earlierBreak(World w, Throwable failed) {
    try {
      w.heldToTheEnd();
    } catch (CheckPipeline.Broken broken) {
      broken.addSuppressed(failed);
      throw broken;
    }
  }

  /**
   * One jqwik invariant per rule, named as the rule ({@code backoff_within_bounds} for
   * {@code BackoffWithinBounds}), so jqwik's own message names the broken one. The evidence is
   * taken once per action, by the first, and checked while the next action runs; each rule's
   * invariant reads the report of the action before ({@link CheckPipeline}).
   */
  static ActionChain<World> withInvariants(ActionChain<World> chain) {
    ActionChain<World> checked = chain;
    List<String> rules = InvariantChecker.standard().checkNames();
    for (int i = 0; i < rules.size(); i++) {
      String rule = rules.get(i);
      boolean first = i == 0;
      checked = checked.withInvariant(rule, w -> w.holds(rule, first));
    }
    return checked;
  }

  /**
   * The provider recovers (every fault rule cleared), the user waits for everything still
   * pending, so the client can learn how each job ended; then the whole evidence must hold,
   * the client's belief about its spend included.
   */
  static void finish(World w) {
    w.step("finish: faults cleared, await every generation");
    w.host().simulator().run(e -> e.faults().clear());
    for (String id : w.generations().keySet()) {
      try {
        w.await(id);
      } catch (RuntimeException refused) {
        w.step("  " + id + " failed: " + refused.getMessage());
      }
    }
    w.check(true);
  }
}
