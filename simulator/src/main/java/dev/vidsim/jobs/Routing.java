package dev.vidsim.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.aggregator.Aggregator;
import dev.vidsim.aggregator.Aggregators;
import dev.vidsim.aggregator.Attempt;
import dev.vidsim.aggregator.Pool;
import dev.vidsim.aggregator.Route;
import dev.vidsim.aggregator.Upstream;
import dev.vidsim.catalog.ModelSpec;
import dev.vidsim.clock.SimClock;
import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.faults.Decision;
import dev.vidsim.faults.JobOutcome;
import dev.vidsim.faults.RequestFacts;
import dev.vidsim.journal.Journal;
import dev.vidsim.money.Money;
import dev.vidsim.pricing.JobSpec;
import dev.vidsim.pricing.PriceCalculator;
import dev.vidsim.tenants.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An aggregator's create: tries the pool's upstreams in preference order and runs the job on the
 * first one available to the tenant and not failing. Each attempt is journaled as an
 * {@code upstream} line; the job keeps its {@link Route}. When every upstream fails nothing is
 * created and nothing charged.
 */
final class Routing {
  private final Aggregators aggregators;
  private final Function<RequestFacts, Decision> outages;
  private final SimClock clock;
  private final Journal journal;
  private final JobRunner runner;

  /** @param outages the fault rules that fire for one upstream attempt */
  Routing(Aggregators aggregators, Function<RequestFacts, Decision> outages, SimClock clock,
          Journal journal, JobRunner runner) {
    this.aggregators = aggregators;
    this.outages = outages;
    this.clock = clock;
    this.journal = journal;
    this.runner = runner;
  }

  /** The aggregator a dialect serves, or null. */
  Aggregator servedBy(String dialect) {
    return aggregators.servedBy(dialect).orElse(null);
  }

  /** The pool a create names, or the dialect's 404: the aggregator has its own model ids. */
  static Pool pool(Aggregator a, String model) {
    if (model == null || model.isBlank()) {
      throw SimException.invalid("model", "required; list the models you may use");
    }
    return a.pool(model).orElseThrow(() -> new SimException(ErrorCode.MODEL_NOT_FOUND,
        "model '" + model + "' does not exist on " + a.dialect() + "; models: "
            + a.pools().stream().map(Pool::id).toList(), Map.of("field", "model")));
  }

  Job run(Tenant t, Aggregator a, Pool pool, CreateRequest req, String key,
          JobOutcome outcome) {
    List<Attempt> attempts = new ArrayList<>();
    SimException rejected = null;
    boolean outage = false;
    for (Upstream u : pool.upstreams()) {
      ModelSpec m = aggregators.available(u, t.tier(), t.region(), clock.instant()).orElse(null);
      if (m == null) {
        attempt(attempts, pool, u, Attempt.UNAVAILABLE, 0,
            aggregators.whyUnavailable(u, t.tier(), t.region(), clock.instant()));
        continue;
      }
      JobSpec spec;
      try {
        spec = CreateValidation.spec(t, m, req);
      } catch (SimException e) {
        if (e.code() != ErrorCode.INVALID_REQUEST) throw e;
        rejected = rejected == null ? e : rejected;
        attempt(attempts, pool, u, Attempt.REJECTED, 0, e.getMessage());
        continue;
      }
      Decision d = outages.apply(RequestFacts.upstream(t.apiKey(), u.provider(), u.model(),
          t.region(), t.tier()));
      if (d.response() != null) {
        outage = true;
        var effect = d.response().effect();
        attempt(attempts, pool, u, Attempt.FAILED, effect.status() == null ? 0 : effect.status(),
            (effect.drop() ? "no answer (connection dropped)" : "error") + " from fault rule "
                + d.response().id());
        continue;
      }
      return ran(t, a, pool, u, m, spec, req, key, outcome != null ? outcome : d.outcome(),
          attempts);
    }
    throw allFailed(pool, attempts, outage, rejected);
  }

  private Job ran(Tenant t, Aggregator a, Pool pool, Upstream u, ModelSpec m, JobSpec spec,
                  CreateRequest req, String key, JobOutcome outcome, List<Attempt> before) {
    ModelSpec sold = m.withPricing(m.pricing().withMarkup(a.markupPercent()));
    Money price = PriceCalculator.quote(sold.pricing(), spec).total();
    Money extra = price.minus(firstChoicePrice(t, a, pool, req, price));
    assert u != pool.preferred() || extra.isZero() : "the first choice costs no extra";
    List<Attempt> attempts = new ArrayList<>(before);
    attempts.add(new Attempt(u.provider(), u.model(), Attempt.RAN, 0, "accepted"));
    Route route = new Route(a.dialect(), pool.id(), u, attempts, a.markupPercent(), extra);
    Job job = runner.create(t, sold, req, spec, key, outcome, route);
    journal.append("upstream", fields(pool, u, Attempt.RAN, 0, "accepted")
        .put("job", job.id()).put("price", price.toString())
        .put("fallbackExtra", extra.toString()).put("attempts", route.summary()));
    return job;
  }

  /** What the pool's first choice charges for this request (marked up), else {@code orElse}. */
  private Money firstChoicePrice(Tenant t, Aggregator a, Pool pool, CreateRequest req,
                                 Money orElse) {
    ModelSpec first = aggregators.declared(pool.preferred()).orElse(null);
    if (first == null) return orElse;
    try {
      JobSpec spec = CreateValidation.spec(t, first, req);
      return PriceCalculator.quote(first.pricing().withMarkup(a.markupPercent()), spec).total();
    } catch (SimException e) {
      return orElse; // the first choice cannot take this request: no comparable price
    }
  }

  private void attempt(List<Attempt> attempts, Pool pool, Upstream u, String outcome,
                       int status, String detail) {
    attempts.add(new Attempt(u.provider(), u.model(), outcome, status, detail));
    journal.append("upstream", fields(pool, u, outcome, status, detail));
  }

  private static ObjectNode fields(Pool pool, Upstream u, String outcome, int status,
                                   String detail) {
    ObjectNode f = Journal.fields().put("aggregatorModel", pool.id())
        .put("provider", u.provider()).put("upstreamModel", u.model()).put("outcome", outcome);
    if (status != 0) f.put("status", status);
    return f.put("detail", detail);
  }

  private static SimException allFailed(Pool pool, List<Attempt> attempts, boolean outage,
                                        SimException rejected) {
    String tried = String.join(", ", attempts.stream().map(Attempt::summary).toList());
    Map<String, Object> details = Map.of("attempts", tried, "model", pool.id());
    if (outage) {
      return new SimException(ErrorCode.BAD_GATEWAY, "every provider of " + pool.id()
          + " failed (" + tried + "); nothing was charged, retry later", details);
    }
    if (rejected != null) return rejected;
    return new SimException(ErrorCode.REGION_UNAVAILABLE, "no provider of " + pool.id()
        + " is available to you now (" + tried + "); nothing was charged", details);
  }
}
