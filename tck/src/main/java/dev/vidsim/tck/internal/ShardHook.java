package dev.vidsim.tck.internal;

import java.util.Optional;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Runs a contract property as one {@link Shard} of the run: its share of the tries, from its own
 * seed. On failure it names the seed and the scenario file to replay, for the CI log.
 */
public final class ShardHook implements AroundPropertyHook {
  /** jqwik's own default when nothing says otherwise. */
  static final int TRIES_DEFAULT = 1000;

  /** Registered on a contract class: applies to its properties and its subclasses'. */
  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context,
                                                PropertyExecutor property) {
    Shard shard = Shard.current();
    Class<?> contract = context.containerClass();
    if (!shard.isSharded()) return unsharded(context, property);
    int total = context.attributes().tries().orElseGet(() -> declaredTries(contract));
    long base = baseSeed(context.attributes().seed());
    long seed = shard.seed(base);
    context.attributes().setTries(shard.tries(total));
    context.attributes().setSeed(Long.toString(seed));
    System.out.println("vidsim TCK " + contract.getSimpleName() + ": " + shard + ", "
        + shard.tries(total) + " of " + total + " tries, base seed " + base + ", seed " + seed);
    PropertyExecutionResult result = property.execute();
    if (result.status() == PropertyExecutionResult.Status.FAILED) {
      System.out.println("vidsim TCK " + contract.getSimpleName() + ": " + shard + " FAILED"
          + " with seed " + seed + " (rerun: -D" + Shard.SHARDS + "=" + shard.count() + " -D"
          + Shard.SHARD + "=" + shard.index() + " -D" + Shard.SEED + "=" + base
          + ", or @Property(seed = \"" + seed + "\") unsharded); the shrunk chain: "
          + FailureReport.fileFor(contract).toAbsolutePath());
    }
    return result;
  }

  /**
   * The whole run in this JVM: from {@code -Dvidsim.tck.seed} when given (a repeatable CI gate),
   * unless the property pins its own seed (a regression seed stays itself); else jqwik's random
   * seed, exploring new chains each run.
   */
  private static PropertyExecutionResult unsharded(PropertyLifecycleContext context,
                                                   PropertyExecutor property) {
    Long fromCommandLine = Long.getLong(Shard.SEED);
    boolean pinned = context.attributes().seed().filter(s -> !s.isBlank()).isPresent();
    if (fromCommandLine != null && !pinned) {
      context.attributes().setSeed(Long.toString(fromCommandLine));
    }
    return property.execute();
  }

  private static long baseSeed(Optional<String> pinned) {
    Long fromCommandLine = Long.getLong(Shard.SEED);
    if (fromCommandLine != null) return fromCommandLine;
    return pinned.filter(s -> !s.isBlank()).map(Long::parseLong)
        .orElse(Shard.BASE_SEED_DEFAULT);
  }

  /** The tries of the nearest {@code @PropertyDefaults} up the class hierarchy. */
  private static int declaredTries(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      PropertyDefaults d = c.getAnnotation(PropertyDefaults.class);
      if (d != null && d.tries() > 0) return d.tries();
    }
    return TRIES_DEFAULT;
  }
}
