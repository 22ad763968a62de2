package dev.vidsim.tck;

import dev.vidsim.tck.internal.Chains;
import dev.vidsim.tck.internal.Coverage;
import dev.vidsim.tck.internal.FailureReport;
import dev.vidsim.tck.internal.World;
import java.util.List;
import java.util.Random;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import net.jqwik.api.state.ActionChain;

/**
 * Runs the TCK's action chains outside a jqwik property: a fixed number of tries from a fixed
 * seed, no shrinking, stopping at the first failure. Fast and repeatable, for checking that the
 * suite catches a known-broken client.
 */
public final class ContractRunner {
  /** Generation size handed to jqwik: as for a property of this many tries. */
  static final int GEN_SIZE = 1000;

  private ContractRunner() {}

  /**
   * The first failing try, if any.
   *
   * @param actions the failing chain's actions, as run up to the failure
   */
  public record Failure(int tryNumber, List<String> actions, Throwable error) {
    @Override
    public String toString() {
      return "try " + tryNumber + " failed after " + actions.size() + " actions: "
          + error.getMessage();
    }
  }

  /** Null when every try passed. */
  public static Failure firstFailure(ClientFactory factory, int tries, long seed) {
    return firstFailure(factory, tries, seed, null);
  }

  /**
   * As {@link #firstFailure(ClientFactory, int, long)}, writing the failing chain as a scenario
   * file named after {@code reportAs} (as a failing property of that class would).
   *
   * @return null when every try passed
   */
  public static Failure firstFailure(ClientFactory factory, int tries, long seed,
                                     Class<?> reportAs) {
    JqwikSession.start();
    try {
      RandomGenerator<ActionChain<World>> generator = Chains.of(factory).generator(GEN_SIZE);
      Random random = new Random(seed);
      long requests = 0;
      long polls = 0;
      java.util.Map<Coverage.Case, Integer> met = new java.util.EnumMap<>(Coverage.Case.class);
      for (int i = 1; i <= tries; i++) {
        ActionChain<World> chain = generator.next(random).value();
        try {
          Coverage.Facts f = reportAs == null ? Chains.run(chain)
              : FailureReport.around(chain, reportAs, () -> Chains.run(chain));
          requests += f.requests();
          polls += f.polls();
          Coverage.count(f, met);
        } catch (Throwable t) {
          List<String> steps = chain.finalState().map(World::steps).orElse(List.of());
          return new Failure(i, steps, t);
        }
        JqwikSession.finishTry();
      }
      System.out.println("vidsim TCK: " + tries + " tries, " + requests + " requests, " + polls
          + " of them status polls; cases covered:" + Coverage.counts(met, tries));
      return null;
    } finally {
      JqwikSession.finish();
    }
  }
}
