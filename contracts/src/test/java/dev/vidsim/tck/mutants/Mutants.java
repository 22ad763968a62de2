package dev.vidsim.tck.mutants;

import dev.vidsim.client.BackoffRetryPolicy;
import dev.vidsim.client.Failure;
import dev.vidsim.client.GrowingPollPolicy;
import dev.vidsim.client.catalog.ModelChoice;
import dev.vidsim.client.catalog.ModelChooser;
import dev.vidsim.client.catalog.NoModelException;
import dev.vidsim.client.webhook.WebhookInbox;
import dev.vidsim.money.Money;
import dev.vidsim.tck.ClientFactory;
import dev.vidsim.tck.reference.ReferenceClientFactory;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deliberately broken variants of the reference client, one bug each, each with the invariant
 * that should catch it. They prove the suite has teeth: a suite that passes them is worthless.
 */
final class Mutants {
  private Mutants() {}

  /** A broken client and the check expected to report it. */
  record Mutant(String name, ClientFactory factory, String caughtBy) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final ReferenceClientFactory REFERENCE = new ReferenceClientFactory();

  static List<Mutant> all() {
    return List.of(
        new Mutant("creates without an idempotency key",
            REFERENCE.withBaseUrl(KeyStrippingProxy::before),
            "creates_use_idempotency_key|one_generation_one_key"),
        new Mutant("ignores Retry-After", REFERENCE.withBuilder(b -> b.retryPolicy(
            new IgnoresRetryAfter())), "waits_at_least_retry_after"),
        new Mutant("retries 402 and 422", REFERENCE.withBuilder(b -> b.retryPolicy(
            new RetriesPaymentErrors())), "no_retry_of_non_retryable_errors"),
        new Mutant("no backoff cap", REFERENCE.withBuilder(b -> b.retryPolicy(
            new BackoffRetryPolicy(Duration.ofSeconds(1), Duration.ofDays(1), 8,
                Duration.ofMinutes(5)))), "backoff_within_bounds"),
        new Mutant("polls below the floor", REFERENCE.withBuilder(b -> b.pollPolicy(
            new GrowingPollPolicy(Duration.ofSeconds(1), 200, Duration.ofMinutes(5), 120,
                Duration.ofSeconds(1)))), "polling_bounded"),
        new Mutant("no deadline on stuck jobs", REFERENCE.withBuilder(b -> b.jobDeadline(
            Duration.ofDays(365))), "stuck_jobs_flagged_or_cancelled"),
        new Mutant("processes duplicate webhooks twice", REFERENCE.withInbox(
            v -> new WebhookInbox(v) {
              @Override
              protected boolean isDuplicate(String webhookId) {
                return false;
              }
            }), "webhook_duplicates_processed_once"),
        new Mutant("refuses every webhook as if forged", REFERENCE.withInbox(
            v -> new WebhookInbox(v) {
              @Override
              public Delivery receive(String id, String timestamp, String signature,
                                      String body) {
                return new Delivery(Outcome.REJECTED, id, "signature mismatch", null);
              }
            }), "authentic_webhooks_acted_on"),
        new Mutant("hard-codes a model id", REFERENCE.withBuilder(b -> b.modelChooser(
            new HardCodedModel("clip-video"))), "models_from_live_catalog"),
        new Mutant("trusts its own cost estimate", REFERENCE.withBelievedSpend(c -> new Money(
            c.ledger().lines().stream().mapToLong(l -> l.quote().total().micros()).sum())),
            "client_cost_reconciles_with_ledger"),
        new Mutant("polls a job it was told had ended", new PollsFinishedJobs(REFERENCE),
            "final_means_final"),
        new Mutant("retries a failed create under a fresh key", REFERENCE.withBuilder(
            b -> b.idempotency(new FreshKeyOnRetry())), "one_generation_one_key"),
        new Mutant("backs off without jitter", REFERENCE.withBuilder(b -> b.retryPolicy(
            new NoJitter())), "retry_delays_spread"),
        new Mutant("forgets what it spent before a restart", REFERENCE.withBuilder(
            b -> b.costLedger(new dev.vidsim.client.cost.CostLedger())),
            "client_cost_reconciles_with_ledger"),
        new Mutant("recreates under a fresh key after a 409 in flight",
            new RecreatesAfterInFlight(REFERENCE),
            "one_generation_one_key|lost_responses_settle_to_one_job"),
        new Mutant("crashes on a generation submitted before a restart",
            new CrashesAfterRestart(REFERENCE), "client_crashed"),
        new Mutant("crashes on a duplicate webhook", REFERENCE.withInbox(
            v -> new WebhookInbox(v) {
              // meant to log the first delivery's job; nothing ever fills it
              private final java.util.Map<String, String> firstJob =
                  new java.util.concurrent.ConcurrentHashMap<>();

              @Override
              protected boolean isDuplicate(String webhookId) {
                return super.isDuplicate(webhookId) && !firstJob.get(webhookId).isEmpty();
              }
            }), "client_crashed"));
  }

  /**
   * Keeps the generation's key in its store but sends a new one on every retry of a create
   * (after a 409, a timeout or a 5xx), and never looks the old one up.
   */
  static final class FreshKeyOnRetry implements dev.vidsim.client.IdempotencyPolicy {
    @Override
    public String header(String savedKey, int attempt) {
      return attempt == 1 ? savedKey : savedKey + "-retry-" + attempt;
    }

    @Override
    public boolean lookUpBeforeRetry() {
      return false;
    }
  }

  /** Waits its jittered backoff whatever Retry-After says. */
  static final class IgnoresRetryAfter extends BackoffRetryPolicy {
    IgnoresRetryAfter() {
      super(Duration.ofSeconds(1), Duration.ofSeconds(30), 8, Duration.ofMinutes(5));
    }

    @Override
    public Duration delay(int retry, Duration retryAfter, SplittableRandom random) {
      return super.delay(retry, null, random);
    }
  }

  /** Exponential backoff, capped, honouring Retry-After, but every client waits the same. */
  static final class NoJitter extends BackoffRetryPolicy {
    NoJitter() {
      super(Duration.ofSeconds(1), Duration.ofSeconds(30), 8, Duration.ofMinutes(5));
    }

    @Override
    public Duration delay(int retry, Duration retryAfter, SplittableRandom random) {
      Duration d = ceiling(retry);
      return retryAfter != null && retryAfter.compareTo(d) > 0 ? retryAfter : d;
    }
  }

  /** Treats "no credit" and "key reused" as transient. */
  static final class RetriesPaymentErrors extends BackoffRetryPolicy {
    RetriesPaymentErrors() {
      super(Duration.ofSeconds(1), Duration.ofSeconds(30), 8, Duration.ofMinutes(5));
    }

    @Override
    public boolean isRetryable(Failure f) {
      return f.status() == 402 || f.status() == 422 || super.isRetryable(f);
    }
  }

  /** Always renders with one model, remembered from the first catalog that had it. */
  static final class HardCodedModel implements ModelChooser {
    private final String id;
    private ModelChoice remembered;

    HardCodedModel(String id) {
      this.id = id;
    }

    @Override
    public synchronized ModelChoice choose(List<dev.vidsim.client.catalog.ModelInfo> catalog,
                                           dev.vidsim.client.catalog.JobShape shape,
                                           List<String> preferred, String tier) {
      try {
        ModelChoice c = ModelChooser.byCapability().choose(catalog, shape, List.of(id), tier);
        if (c.model().id().equals(id)) remembered = c;
      } catch (NoModelException gone) {
        if (remembered == null) throw gone;
      }
      if (remembered == null) throw new NoModelException(id + " has never been in the catalog");
      return remembered;
    }
  }
}
