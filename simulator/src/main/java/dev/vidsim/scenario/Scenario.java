package dev.vidsim.scenario;

import dev.vidsim.catalog.ModelSpec;
import dev.vidsim.clock.ClockMode;
import dev.vidsim.jobs.JobStore;
import dev.vidsim.tenants.Account;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A loaded, validated scenario: everything the simulator needs to start.
 *
 * @param maxJobs jobs held in memory (see {@code JobStore}); the journal has its own bounds
 * @param check the script and expectations `vidsim check` replays, or null
 */
public record Scenario(String name, String description, long seed, ClockMode clock,
                       long clockFactor, Instant startTime, String currency, Duration contentTtl,
                       Duration idempotencyTtl, int journalMaxEntries, Duration journalMaxAge,
                       int maxJobs, List<Account> accounts, List<ModelSpec> models, String source,
                       Conditions conditions, Check check) {
  public Scenario {
    accounts = List.copyOf(accounts);
    models = List.copyOf(models);
    conditions = conditions == null ? Conditions.NONE : conditions;
  }

  /** A scenario without limits, faults or script. */
  public Scenario(String name, String description, long seed, ClockMode clock, long clockFactor,
                  Instant startTime, String currency, Duration contentTtl,
                  Duration idempotencyTtl, int journalMaxEntries, Duration journalMaxAge,
                  List<Account> accounts, List<ModelSpec> models, String source) {
    this(name, description, seed, clock, clockFactor, startTime, currency, contentTtl,
        idempotencyTtl, journalMaxEntries, journalMaxAge, JobStore.DEFAULT_CAPACITY, accounts,
        models, source, Conditions.NONE, null);
  }

  public Scenario withSeed(long newSeed) {
    return new Scenario(name, description, newSeed, clock, clockFactor, startTime, currency,
        contentTtl, idempotencyTtl, journalMaxEntries, journalMaxAge, maxJobs, accounts, models,
        source, conditions, check);
  }

  public Scenario withClock(ClockMode newClock, long newFactor) {
    return new Scenario(name, description, seed, newClock, newFactor, startTime, currency,
        contentTtl, idempotencyTtl, journalMaxEntries, journalMaxAge, maxJobs, accounts, models,
        source, conditions, check);
  }

  /** The same scenario with other memory bounds (the command line's --max-jobs, --max-journal). */
  public Scenario withBounds(int newMaxJobs, int newJournalMaxEntries) {
    return new Scenario(name, description, seed, clock, clockFactor, startTime, currency,
        contentTtl, idempotencyTtl, newJournalMaxEntries, journalMaxAge, newMaxJobs, accounts,
        models, source, conditions, check);
  }
}
