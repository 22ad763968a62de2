package dev.vidsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.catalog.CatalogChange;
import dev.vidsim.clock.SimDuration;
import dev.vidsim.faults.FaultParser;
import dev.vidsim.faults.FaultSpecException;
import dev.vidsim.limits.LimitSpec;
import dev.vidsim.webhooks.Targets;
import dev.vidsim.webhooks.WebhookConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Binds limits (scenario-wide and per account) and fault rules, locating every problem. */
final class ConditionsBinder {
  /** Replicate's Prefer: wait holds a request at most 60 seconds. */
  static final Duration SYNC_WAIT_DEFAULT = Duration.ofSeconds(60);
  private final LocatedTree tree;
  private final Problems problems;

  ConditionsBinder(LocatedTree tree, Problems problems) {
    this.tree = tree;
    this.problems = problems;
  }

  Conditions bind() {
    JsonNode r = tree.root();
    Map<String, LimitSpec> perAccount = new HashMap<>();
    JsonNode accounts = r.path("accounts");
    for (int i = 0; i < accounts.size(); i++) {
      String at = "/accounts/" + i + "/limits";
      if (accounts.get(i).has("limits")) {
        perAccount.put(accounts.get(i).get("apiKey").asText(),
            problems.attempt(() -> limits(at), LimitSpec.NONE));
      }
    }
    return new Conditions(problems.attempt(() -> limits("/limits"), LimitSpec.NONE),
        perAccount, faults(), catalogChanges(),
        problems.attempt(this::webhooks, WebhookConfig.DEFAULT), syncModels(), emitExpired(),
        keyless(), new AggregatorsBinder(tree).bind(), runwayMonthlyCredits());
  }

  /** {@code dialects.runway.maxMonthlyCreditSpend}: credits per tier (the schema checked it). */
  private Map<String, Long> runwayMonthlyCredits() {
    Map<String, Long> out = new HashMap<>();
    tree.root().path("dialects").path("runway").path("maxMonthlyCreditSpend").fields()
        .forEachRemaining(t -> out.put(t.getKey(), t.getValue().asLong()));
    return out;
  }

  /** Dialects told to show lapsed content as {@code expired} (dialects.NAME.emitExpired). */
  private java.util.Set<String> emitExpired() {
    java.util.Set<String> out = new java.util.HashSet<>();
    tree.root().path("dialects").fields().forEachRemaining(d -> {
      if (d.getValue().path("emitExpired").asBoolean(false)) out.add(d.getKey());
    });
    return out;
  }

  /** Models declared {@code idempotency: ignored} (and their new ids after a rename). */
  private java.util.Set<String> keyless() {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (JsonNode m : tree.root().path("models")) {
      if (!"ignored".equals(m.path("idempotency").asText("honoured"))) continue;
      out.add(m.get("id").asText());
      if (m.has("renamedTo")) out.add(m.get("renamedTo").asText());
    }
    return out;
  }

  /** Model id (and its new id after a rename) → how long a create waits for the job. */
  private Map<String, Duration> syncModels() {
    Map<String, Duration> out = new HashMap<>();
    JsonNode models = tree.root().path("models");
    ScenarioBinder helper = new ScenarioBinder(tree);
    for (int i = 0; i < models.size(); i++) {
      JsonNode m = models.get(i);
      String at = "/models/" + i;
      if (!m.path("sync").asBoolean(false)) {
        if (m.has("syncWait")) {
          problems.add(tree.error(at + "/syncWait", "syncWait needs sync: true"));
        }
        continue;
      }
      Duration wait = problems.attempt(() -> helper.parse(at + "/syncWait", SimDuration::parse,
          SYNC_WAIT_DEFAULT), SYNC_WAIT_DEFAULT);
      if (wait.isZero()) problems.add(tree.error(at + "/syncWait", "must be longer than 0s"));
      out.put(m.get("id").asText(), wait);
      if (m.has("renamedTo")) out.put(m.get("renamedTo").asText(), wait);
    }
    return out;
  }

  private WebhookConfig webhooks() {
    JsonNode w = tree.root().path("webhooks");
    if (w.isMissingNode()) return WebhookConfig.DEFAULT;
    ScenarioBinder helper = new ScenarioBinder(tree);
    List<Duration> retries = new ArrayList<>();
    if (w.has("retries")) {
      for (int i = 0; i < w.get("retries").size(); i++) {
        retries.add(helper.parse("/webhooks/retries/" + i, SimDuration::parse, null));
      }
    } else {
      retries.addAll(WebhookConfig.STANDARD_RETRIES);
    }
    List<String> allow = new ArrayList<>();
    w.path("allow").forEach(h -> allow.add(h.asText().toLowerCase(java.util.Locale.ROOT)));
    Map<String, String> urls = new HashMap<>();
    for (var it = w.path("endpoints").fields(); it.hasNext(); ) {
      var entry = it.next();
      String problem = Targets.problem(entry.getValue().asText(), allow);
      if (problem != null) {
        throw tree.error("/webhooks/endpoints/" + LocatedTree.escape(entry.getKey()), problem);
      }
      urls.put(entry.getKey(), entry.getValue().asText());
    }
    return new WebhookConfig(retries,
        helper.parse("/webhooks/timeout", SimDuration::parse, WebhookConfig.DEFAULT.timeout()),
        allow, urls);
  }

  private List<CatalogChange> catalogChanges() {
    List<CatalogChange> out = new ArrayList<>();
    JsonNode models = tree.root().path("models");
    java.util.Set<String> ids = new java.util.HashSet<>();
    models.forEach(m -> ids.add(m.path("id").asText()));
    for (int i = 0; i < models.size(); i++) {
      JsonNode m = models.get(i);
      String at = "/models/" + i;
      if (m.has("renamedTo") && !m.has("removedAt")) {
        problems.add(tree.error(at + "/renamedTo", "give removedAt too: the moment of the "
            + "rename"));
      }
      if (!m.has("removedAt")) continue;
      String rename = m.has("renamedTo") ? m.get("renamedTo").asText() : null;
      if (rename != null && !ids.add(rename)) {
        problems.add(tree.error(at + "/renamedTo", "model id \"" + rename
            + "\" is already taken"));
        continue;
      }
      Duration removedAt = problems.attempt(() -> new ScenarioBinder(tree).parse(at
          + "/removedAt", SimDuration::parse, null), null);
      if (removedAt != null) out.add(new CatalogChange(m.get("id").asText(), removedAt, rename));
    }
    return out;
  }

  private LimitSpec limits(String at) {
    JsonNode l = tree.root().at(at);
    if (l.isMissingNode()) return LimitSpec.NONE;
    LimitSpec spec = new LimitSpec(integer(l, "requestsPerMinute"), integer(l, "burst"),
        integer(l, "concurrentJobs"), integer(l, "pollsPerJobPerMinute"),
        l.has("overLimit") ? LimitSpec.OverLimit.parse(l.get("overLimit").asText()) : null,
        integer(l, "createsPerDay"));
    if (spec.burst() != null && spec.requestsPerMinute() == null) {
      throw tree.error(at + "/burst", "burst sizes the request bucket: give requestsPerMinute too");
    }
    return spec;
  }

  private static Integer integer(JsonNode o, String field) {
    return o.has(field) ? o.get(field).asInt() : null;
  }

  private List<JsonNode> faults() {
    List<JsonNode> out = new ArrayList<>();
    java.util.Set<String> ids = new java.util.HashSet<>();
    JsonNode list = tree.root().path("faults");
    for (int i = 0; i < list.size(); i++) {
      String at = "/faults/" + i;
      String id = list.get(i).path("id").asText(null);
      if (id != null && !ids.add(id)) {
        problems.add(tree.error(at + "/id", "duplicate fault id \"" + id + "\""));
        continue;
      }
      try {
        FaultParser.parse("flt_" + (i + 1), list.get(i));
        out.add(list.get(i));
      } catch (FaultSpecException e) {
        problems.add(tree.error(at + e.pointer(), e.getMessage()));
      }
    }
    return out;
  }
}
