package dev.vidsim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.clock.ClockMode;
import dev.vidsim.clock.InstantText;
import dev.vidsim.clock.SimClock;
import dev.vidsim.clock.SimDuration;
import dev.vidsim.engine.Commands;
import dev.vidsim.engine.Engine;
import dev.vidsim.errors.SimException;
import dev.vidsim.engine.Simulator;
import dev.vidsim.http.console.LedgerRows;
import dev.vidsim.limits.LimitSpec;
import dev.vidsim.jobs.JobStore;
import dev.vidsim.ledger.Balance;
import dev.vidsim.money.Money;
import dev.vidsim.pricing.FailureKind;
import dev.vidsim.scenario.Scenario;
import dev.vidsim.scenario.ScenarioException;
import dev.vidsim.scenario.ScenarioLoader;
import dev.vidsim.tenants.Tenant;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Function;

/** The admin API under /_sim: drive the clock, inspect money and jobs, reset, load scenarios. */
final class AdminRoutes {
  private final Simulator sim;
  private final String version;

  AdminRoutes(Simulator sim, String version) {
    this.sim = sim;
    this.version = version;
  }

  /** Status, and how full each memory bound is (jobs held, journal lines kept). */
  void health(Context ctx) {
    Json.write(ctx, 200, sim.call(e -> {
      ObjectNode o = Json.object().put("status", "ok").put("version", version)
          .put("scenario", e.scenario().name());
      JobStore store = e.jobs().store();
      ObjectNode bounds = o.putObject("bounds");
      bounds.putObject("jobs").put("held", store.asMap().size())
          .put("unfinished", store.unfinished()).put("max", store.capacity())
          .put("forgotten", store.evicted());
      bounds.putObject("journal").put("lines", e.journal().size())
          .put("max", e.scenario().journalMaxEntries()).put("dropped", e.journal().dropped());
      var log = sim.logBounds();
      if (log != null) {
        bounds.putObject("log").put("bytes", log.bytes()).put("max", log.maxBytes())
            .put("fsync", log.fsync());
      }
      return o;
    }));
  }

  void reset(Context ctx) {
    sim.reset();
    Json.write(ctx, 200, Json.object().put("status", "reset").put("scenario", sim.scenario()
        .name()));
  }

  void getScenario(Context ctx) {
    Scenario s = sim.scenario();
    Json.write(ctx, 200, Json.object().put("name", s.name()).put("description", s.description())
        .put("seed", s.seed()).put("source", s.source()).put("currency", s.currency())
        .put("clock", s.clock().wireName()));
  }

  /** Body: the scenario file's text; ?format=json for JSON (YAML otherwise). */
  void loadScenario(Context ctx) {
    String name = "json".equals(ctx.queryParam("format")) ? "request.json" : "request.yaml";
    try {
      String text = ScenarioLoader.text(name, ctx.bodyAsBytes());
      Scenario s = ScenarioLoader.parse(name, text);
      sim.load(s, name, text);
      Json.write(ctx, 200, Json.object().put("status", "loaded").put("scenario", s.name()));
    } catch (ScenarioException e) {
      throw SimException.invalid("scenario", e.getMessage());
    }
  }

  void createTenant(Context ctx) {
    ObjectNode body = Json.body(ctx, Set.of("apiKey", "tier", "region", "balance", "limits"));
    Money balance = money(Json.string(body, "balance"), "balance", Money.ofUnits(100));
    LimitSpec limits = body.has("limits") ? Limits.parse(body.get("limits")) : null;
    Tenant t = sim.execute(new Commands.CreateTenant(Json.string(body, "apiKey"),
        Json.string(body, "tier"), Json.string(body, "region"), balance, limits));
    Json.write(ctx, 201, Json.object().put("apiKey", t.apiKey()).put("tier", t.tier())
        .put("region", t.region()).put("balance", balance.toString()));
  }

  void listTenants(Context ctx) {
    Json.write(ctx, 200, sim.call(e -> {
      ArrayNode data = Json.array();
      e.tenantList().forEach(t -> {
        Balance b = e.ledger().balance(t.apiKey());
        data.addObject().put("apiKey", t.apiKey()).put("tier", t.tier())
            .put("region", t.region()).put("balance", b.balance().toString())
            .put("held", b.held().toString()).put("available", b.available().toString());
      });
      ObjectNode o = Json.object();
      o.set("data", data);
      return o;
    }));
  }

  void topUp(Context ctx) {
    ObjectNode body = Json.body(ctx, Set.of("amount"));
    Money amount = money(Json.string(body, "amount"), "amount", null);
    String key = ctx.pathParam("apiKey");
    Json.write(ctx, 200, sim.call(e -> {
      e.run(new Commands.TopUp(key, amount));
      return Wire.balance(e.ledger().balance(key), e.currency());
    }));
  }

  void getClock(Context ctx) {
    Json.write(ctx, 200, sim.call(e -> clock(e.clock())));
  }

  /** Body {"by":"10m"} or {"to":"2026-01-01T01:00:00Z"}: runs everything due on the way. */
  void advanceClock(Context ctx) {
    ObjectNode body = Json.body(ctx, Set.of("by", "to"));
    String by = Json.string(body, "by");
    String to = Json.string(body, "to");
    if ((by == null) == (to == null)) {
      throw SimException.invalid("by",
          "give exactly one of 'by' (e.g. \"10m\") or 'to' (an instant)");
    }
    Duration step = sim.call(e -> {
      Duration d = by != null ? parse("by", by, SimDuration::parse)
          : Duration.between(e.clock().instant(), parse("to", to, Instant::parse));
      if (d.isNegative()) throw SimException.invalid("to", "is in the simulated past");
      if (d.compareTo(SimDuration.MAX) > 0) {
        throw SimException.invalid(by != null ? "by" : "to", "at most "
            + SimDuration.MAX.toDays() + "d ahead in one step");
      }
      if (e.clock().mode() != ClockMode.VIRTUAL) {
        throw SimException.invalid("by", "the clock is " + e.clock().mode().wireName()
            + "; switch it to virtual (POST /_sim/clock {\"mode\":\"virtual\"}) to advance it");
      }
      return d;
    });
    // "by" adds to advances still running, so concurrent callers add up; "to" is a target
    int rounds = by != null ? sim.advance(step) : sim.advanceTo(Instant.parse(to));
    Json.write(ctx, 200, sim.call(e -> clock(e.clock()).put("webhookRounds", rounds)));
  }

  /** Body {"mode":"accelerated","factor":60}. */
  void setClock(Context ctx) {
    ObjectNode body = Json.body(ctx, Set.of("mode", "factor"));
    ClockMode mode = parse("mode", Json.string(body, "mode"), ClockMode::parse);
    JsonNode f = body.path("factor");
    if (!f.isMissingNode() && !(f.canConvertToExactIntegral() && f.canConvertToLong()
        && f.asLong() >= 1 && f.asLong() <= SimClock.FACTOR_MAX)) {
      throw SimException.invalid("factor", "expected a whole number from 1 to "
          + SimClock.FACTOR_MAX + ", got " + f);
    }
    long factor = f.isMissingNode() ? 60 : f.asLong();
    sim.setClockMode(mode, factor);
    getClock(ctx);
  }

  void ledger(Context ctx) {
    String tenant = ctx.queryParam("tenant");
    Json.write(ctx, 200, sim.call(e -> {
      if (tenant != null) e.tenant(tenant);
      ObjectNode o = Json.object();
      ArrayNode data = o.putArray("data");
      // each line with its signed effect and the tenant's running balance after it
      data.addAll(LedgerRows.of(tenant == null ? e.ledger().all() : e.ledger().entries(tenant)));
      if (tenant != null) o.set("balance", Wire.balance(e.ledger().balance(tenant), e.currency()));
      return o;
    }));
  }

  void jobs(Context ctx) {
    String tenant = ctx.queryParam("tenant");
    Json.write(ctx, 200, sim.call(e -> {
      ObjectNode o = Json.object();
      ArrayNode data = o.putArray("data");
      e.jobs().all().stream()
          .filter(j -> tenant == null || tenant.equals(e.jobs().tenantOf(j.id())))
          .forEach(j -> data.add(Wire.job(j).put("tenant", e.jobs().tenantOf(j.id()))
              .put("dialect", j.dialect())));
      return o;
    }));
  }

  /** Body {"kind":"timeout","message":"..."}: ends a running job as that failure. */
  void failJob(Context ctx) {
    ObjectNode body = Json.body(ctx, Set.of("kind", "message"));
    FailureKind kind = parse("kind", Json.string(body, "kind"), FailureKind::parse);
    String message = body.path("message").asText("failed by the admin API");
    String id = ctx.pathParam("id");
    Json.write(ctx, 200, Wire.job(sim.execute(new Commands.Fail(id, kind, message))));
  }

  /**
   * The journal as JSONL; {@code ?after=SEQ&limit=N} pages through it. Headers say how many old
   * lines the bounded journal has dropped and the newest seq, so a reader knows what it missed.
   */
  void journal(Context ctx) {
    long after = Json.longParam(ctx, "after", 0);
    int limit = Json.intParam(ctx, "limit", Integer.MAX_VALUE);
    if (limit < 1) throw SimException.invalid("limit", "must be at least 1");
    String body = sim.call((Engine e) -> {
      ctx.header("X-Vidsim-Journal-Dropped", Long.toString(e.journal().dropped()));
      ctx.header("X-Vidsim-Journal-Last-Seq", Long.toString(e.journal().lastSeq()));
      return e.journal().toJsonl(after, limit);
    });
    // NDJSON is UTF-8; without the charset the servlet would write ISO-8859-1 and lose text
    ctx.status(200).contentType("application/x-ndjson; charset=utf-8").result(body);
  }

  void openApi(Context ctx) {
    ctx.status(200).contentType("application/json").result(OPENAPI);
  }

  private static final String OPENAPI = resource("/dev/vidsim/http/openapi.json");
  private static final String DASHBOARD = resource("/dev/vidsim/http/dashboard.html");

  /** The dashboard: one self-contained page over this admin API (works offline). */
  void dashboard(Context ctx) {
    ctx.status(200).contentType("text/html; charset=utf-8").result(DASHBOARD);
  }

  private static String resource(String path) {
    try (var in = AdminRoutes.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  void schema(Context ctx) {
    ctx.status(200).contentType("application/schema+json; charset=utf-8")
        .result(ScenarioLoader.schemaText());
  }

  private static ObjectNode clock(SimClock c) {
    return Json.object().put("now", InstantText.of(c.instant())).put("mode", c.mode().wireName())
        .put("factor", c.factor()).put("pendingTasks", c.pendingTasks());
  }

  private static Money money(String text, String field, Money fallback) {
    if (text == null) {
      if (fallback == null) throw SimException.invalid(field, "required, e.g. \"10.00\"");
      return fallback;
    }
    return parse(field, text, Money::parse);
  }

  private static <T> T parse(String field, String text, Function<String, T> parser) {
    if (text == null) throw SimException.invalid(field, "required");
    try {
      return parser.apply(text);
    } catch (RuntimeException e) {
      throw SimException.invalid(field, e.getMessage());
    }
  }
}
