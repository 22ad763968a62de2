package dev.vidsim.tck;

import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;

/** The action chains every client is put through: what users do and what providers do. */
public final class Chains {
  /** Longest chain: long enough for faults to meet retries, short enough to shrink well. */
  public static final int ACTIONS_MAX = 50;

  private Chains() {}

  public static ActionChainArbitrary<World> of(ClientFactory factory) {
    return ActionChain.<World>startWith(() -> new World(factory))
        .withAction(6, new Actions.Submit())
        .withAction(3, new Actions.Await())
        .withAction(2, new Actions.Poll())
        .withAction(1, new Actions.Cancel())
        .withAction(3, new Actions.AdvanceClock())
        .withAction(1, new Actions.Restart())
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
      World end = chain.withInvariant("vidsim_invariants", w -> w.check(false)).run();
      finish(end);
      return Coverage.facts(end.evidence(true));
    } finally {
      chain.finalState().ifPresent(World::close);
    }
  }

  /** The user waits for everything still pending; then the whole evidence must hold. */
  static void finish(World w) {
    w.step("finish: await every generation");
    for (String id : w.generations().keySet()) {
      try {
        w.guarded("await " + id, () -> w.client().await(id));
      } catch (RuntimeException refused) {
        w.step("  " + id + " failed: " + refused.getMessage());
      }
    }
    w.check(true);
  }
}
