package dev.vidsim.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.random.SimRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The active fault rules of one simulator run, with how often each matched and fired. Rules are
 * checked in the order they were added. Not thread-safe: the engine's lock guards it.
 */
public final class Faults {
  /** Bounds the rule list so a runaway test cannot grow it forever. */
  public static final int RULES_MAX = 1000;
  private final Map<String, Active> rules = new LinkedHashMap<>();
  private final SimRandom random;
  private final Instant start;
  private long nextId = 1;

  /** A rule with its counters. */
  public static final class Active {
    private final FaultRule rule;
    private long matched;
    private long fired;

    Active(FaultRule rule) {
      this.rule = rule;
    }

    public FaultRule rule() { return rule; }
    public long matched() { return matched; }
    public long fired() { return fired; }
  }

  public Faults(SimRandom random, Instant start) {
    this.random = random;
    this.start = start;
  }

  /** Parses and adds a rule; returns its id (the rule's own "id" field, else flt_N). */
  public FaultRule add(JsonNode json) {
    if (rules.size() >= RULES_MAX) {
      throw new FaultSpecException("/", "at most " + RULES_MAX + " fault rules; clear some first");
    }
    JsonNode given = json.get("id");
    if (given != null && (!given.isTextual() || !given.asText().matches("[A-Za-z0-9._-]{1,64}"))) {
      throw new FaultSpecException("/id", "expected 1 to 64 letters, digits, '.', '_' or '-'");
    }
    String id = given != null ? given.asText() : freshId();
    if (rules.containsKey(id)) throw new FaultSpecException("/id", "a rule " + id + " exists");
    FaultRule rule = FaultParser.parse(id, json);
    rules.put(id, new Active(rule));
    return rule;
  }

  /** flt_1, flt_2, ...: skipping ids a rule already took for itself. */
  private String freshId() {
    String id;
    do {
      id = "flt_" + nextId++;
    } while (rules.containsKey(id));
    return id;
  }

  public boolean remove(String id) {
    return rules.remove(id) != null;
  }

  public void clear() {
    rules.clear();
  }

  public List<Active> list() {
    return List.copyOf(rules.values());
  }

  /** Counts the request against every selecting rule and folds the effects of those that fire. */
  public Decision evaluate(RequestFacts facts, Instant now) {
    FaultRule response = null;
    JobOutcome outcome = null;
    WebhookFault webhook = null;
    Duration latency = Duration.ZERO;
    List<String> fired = new ArrayList<>();
    for (Active a : rules.values()) {
      if (!fires(a, facts, now)) continue;
      Effect e = a.rule.effect();
      fired.add(a.rule.id());
      if (e.latency() != null) latency = latency.plus(e.latency().draw(stream(a)));
      if (response == null && (e.status() != null || e.drop() || e.lostResponse())) {
        response = a.rule;
      }
      if (outcome == null) outcome = e.outcome();
      if (webhook == null) webhook = e.webhook();
    }
    return fired.isEmpty() ? Decision.NONE
        : new Decision(response, latency, outcome, webhook, List.copyOf(fired));
  }

  private boolean fires(Active a, RequestFacts facts, Instant now) {
    Match m = a.rule.when();
    if (!m.selects(facts, start, now)) return false;
    a.matched++;
    if (m.nth() != null && a.matched < m.nth()) return false;
    if (a.fired >= m.timesOrDefault()) return false;
    if (m.probability() != null && stream(a).nextDouble() >= m.probability()) return false;
    a.fired++;
    return true;
  }

  private SplittableRandom stream(Active a) {
    return random.stream("faults/" + a.rule.id());
  }
}
