package dev.vidsim.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.clock.ClockMode;
import dev.vidsim.clock.InstantText;
import dev.vidsim.errors.SimException;
import dev.vidsim.faults.Endpoint;
import dev.vidsim.faults.FaultRule;
import dev.vidsim.faults.JobOutcome;
import dev.vidsim.gate.Admission;
import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.jobs.JobView;
import dev.vidsim.journal.Journal;
import dev.vidsim.limits.LimitSpec;
import dev.vidsim.limits.RateLimitFacts;
import dev.vidsim.money.Money;
import dev.vidsim.pricing.FailureKind;
import dev.vidsim.tenants.Tenant;
import dev.vidsim.webhooks.Webhooks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Every command that changes the engine's state, one record each: what dialects, the admin API
 * and the clock run through {@link Engine#run}. Reads need none. Their arguments are all a replay
 * needs, so nothing here may read a wall clock, a thread or a network answer of its own.
 */
public final class Commands {
  private Commands() {}

  /** A request arrives: journaled, checked against its dialect, then faults and limits. */
  public record Admit(String dialect, Endpoint endpoint, String apiKey, String model,
                      String jobId, String digest) implements Command<Admission> {
    public Admission apply(Engine e) {
      ObjectNode facts = Journal.fields().put("dialect", dialect)
          .put("endpoint", endpoint.wireName());
      if (model != null) facts.put("model", model);
      if (jobId != null) facts.put("job", jobId);
      if (digest != null) facts.put("request", digest);
      e.journal().append("call", facts);
      if (jobId != null && apiKey != null) e.jobs().requireMadeThrough(apiKey, jobId, dialect);
      return e.gate().admit(endpoint, apiKey, model, jobId);
    }
  }

  /** The concurrent-job slot an admitted create held is given back. */
  public record Release(String slotOf) implements Command<Void> {
    public Void apply(Engine e) {
      e.gate().release(new Admission(null, false, RateLimitFacts.NONE, Duration.ZERO, null,
          null, slotOf, null));
      return null;
    }
  }

  public record Create(String apiKey, CreateRequest request, String idempotencyKey,
                       JobOutcome outcome) implements Command<JobView> {
    public JobView apply(Engine e) {
      return e.jobs().create(apiKey, request, idempotencyKey, outcome);
    }
  }

  /** A status poll (it may charge a poll fee). */
  public record Poll(String apiKey, String jobId) implements Command<JobView> {
    public JobView apply(Engine e) {
      return e.jobs().get(apiKey, jobId);
    }
  }

  public record Cancel(String apiKey, String jobId) implements Command<JobView> {
    public JobView apply(Engine e) {
      return e.jobs().cancel(apiKey, jobId);
    }
  }

  public record Delete(String apiKey, String jobId) implements Command<JobView> {
    public JobView apply(Engine e) {
      return e.jobs().delete(apiKey, jobId);
    }
  }

  public record Fail(String jobId, FailureKind kind, String message) implements Command<JobView> {
    public JobView apply(Engine e) {
      return e.jobs().fail(jobId, kind, message);
    }
  }

  public record CancelAfter(String apiKey, String jobId, Duration after)
      implements Command<Void> {
    public Void apply(Engine e) {
      e.jobs().cancelAfter(apiKey, jobId, after);
      return null;
    }
  }

  public record AwaitEnd(String apiKey, String jobId, Duration limit)
      implements Command<CompletableFuture<JobView>> {
    public CompletableFuture<JobView> apply(Engine e) {
      return e.jobs().awaitEnd(apiKey, jobId, limit);
    }
  }

  public record SyncAnswer(String jobId) implements Command<CompletableFuture<JobView>> {
    public CompletableFuture<JobView> apply(Engine e) {
      return e.jobs().syncAnswer(jobId);
    }
  }

  /**
   * A journal line written from outside the engine (a request, a response, a dropped one);
   * answers its seq. The journal renders the fields at once and keeps none of them.
   */
  public record Note(String kind, ObjectNode fields) implements Command<Long> {
    public Long apply(Engine e) {
      return e.journal().append(kind, fields);
    }
  }

  public record TopUp(String apiKey, Money amount) implements Command<Void> {
    public Void apply(Engine e) {
      e.topUp(apiKey, amount);
      return null;
    }
  }

  /** A new tenant; a null key gets a seeded one. {@code limits} may be null. */
  public record CreateTenant(String apiKey, String tier, String region, Money balance,
                             LimitSpec limits) implements Command<Tenant> {
    public Tenant apply(Engine e) {
      Tenant t = e.createTenant(apiKey, tier, region, balance);
      if (limits != null) e.setLimits(t.apiKey(), limits);
      return t;
    }
  }

  public record AddFault(JsonNode rule) implements Command<FaultRule> {
    public FaultRule apply(Engine e) {
      FaultRule r = e.faults().add(rule);
      e.journal().append("fault_added", Journal.fields().put("id", r.id()).set("rule",
          r.source()));
      return r;
    }
  }

  public record RemoveFault(String id) implements Command<Boolean> {
    public Boolean apply(Engine e) {
      if (!e.faults().remove(id)) return false;
      e.journal().append("fault_removed", Journal.fields().put("id", id));
      return true;
    }
  }

  public record ClearFaults() implements Command<Integer> {
    public Integer apply(Engine e) {
      int n = e.faults().list().size();
      e.faults().clear();
      e.journal().append("faults_cleared", Journal.fields().put("removed", n));
      return n;
    }
  }

  /** A model leaves the catalog {@code delay} from now (renamed when {@code renamedTo}). */
  public record RemoveModel(String id, Duration delay, String renamedTo)
      implements Command<Instant> {
    public Instant apply(Engine e) {
      Instant when = e.clock().instant().plus(delay);
      try {
        e.catalog().remove(id, when, renamedTo);
      } catch (IllegalArgumentException ex) {
        throw SimException.invalid("id", ex.getMessage());
      }
      e.journal().append("catalog_change", Journal.fields().put("model", id)
          .put("removedAt", InstantText.of(when)).put("renamedTo", renamedTo));
      return when;
    }
  }

  public record SetWebhookUrl(String apiKey, String url) implements Command<Void> {
    public Void apply(Engine e) {
      e.authenticate(apiKey);
      if (url != null) {
        String problem = e.webhooks().problem(url);
        if (problem != null) throw SimException.invalid("url", problem);
      }
      e.webhooks().setTenantUrl(apiKey, url);
      e.journal().append("webhook_endpoint_set", Journal.fields().put("tenant", apiKey)
          .put("url", url));
      return null;
    }
  }

  /** One round of an advance: time moves towards {@code target} until a webhook goes out. */
  public record AdvanceRound(Instant target) implements Command<Boolean> {
    public Boolean apply(Engine e) {
      return e.clock().advanceUntil(target, () -> e.webhooks().hasInFlight());
    }
  }

  /** Webhook receivers answered: these answers, exactly, are recorded and retries scheduled. */
  public record Settle(List<Webhooks.Answer> answers) implements Command<Integer> {
    public Integer apply(Engine e) {
      return e.webhooks().settle(answers);
    }
  }

  /** A real or accelerated clock's tick: at most {@code max} due tasks run. */
  public record Tick(int max) implements Command<Integer> {
    public Integer apply(Engine e) {
      return e.clock().runDue(max);
    }
  }

  public record SetClock(ClockMode mode, long factor) implements Command<Void> {
    public Void apply(Engine e) {
      e.clock().setMode(mode, factor);
      return null;
    }
  }

  /**
   * The process restarted: a running clock goes on from where it was at the last wall reading
   * of the previous process ({@code lastWallNanos}), not counting the time it was down.
   */
  public record Resume(long lastWallNanos) implements Command<Void> {
    public Void apply(Engine e) {
      e.clock().rebase(lastWallNanos);
      return null;
    }
  }
}
