package dev.vidsim.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.clock.SimDuration;
import dev.vidsim.scenario.Check;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Replays a script over HTTP against a running simulator, noting every unexpected status. */
final class ScriptRun {
  static final String PROMPT_DEFAULT = "a test video";
  static final String OPENROUTER_CREATE = "/openrouter/api/v1/videos";
  private final Http http;
  private final HookReceiver receiver;
  private final String defaultKey;
  private final Check check;
  final Map<String, String> aliases = new LinkedHashMap<>();
  /** The key that created each job alias: polls and cancels act as that owner by default. */
  private final Map<String, String> owners = new java.util.HashMap<>();
  /** Bound on a poll step's {@code until: terminal} when it gives no {@code times}. */
  static final int POLLS_UNTIL_TERMINAL_MAX = 1_000;
  private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "timed_out",
      "cancelled", "expired");
  final List<String> problems = new ArrayList<>();

  ScriptRun(Http http, HookReceiver receiver, String defaultKey, Check check) {
    this.http = http;
    this.receiver = receiver;
    this.defaultKey = defaultKey;
    this.check = check;
  }

  /**
   * Runs every step; a step the simulator refuses outright (an admin error) ends the run. At the
   * end, whatever is due at the final instant (a webhook of a job just cancelled) still runs.
   */
  void run() {
    JsonNode script = check.script();
    for (int i = 0; i < script.size(); i++) {
      JsonNode step = script.get(i);
      String verb = step.fieldNames().next();
      try {
        execute(i, verb, step.get(verb));
      } catch (IllegalStateException e) {
        problems.add(where(i) + verb + ": " + e.getMessage() + " (script stopped here)");
        return;
      }
    }
    advance("0s");
  }

  private void execute(int i, String verb, JsonNode b) {
    switch (verb) {
      case "create" -> create(i, b);
      case "advance" -> advance(b.asText());
      case "poll" -> poll(i, b);
      case "cancel" -> expect(i, "cancel " + b.get("job").asText(), b.path("expectStatus"),
          http.send("POST", "/v1/videos/" + job(b) + "/cancel", ownerKey(b), null, "", null));
      case "list" -> list(i, b);
      case "topup" -> http.admin("POST", "/_sim/tenants/" + encode(b.get("apiKey").asText())
          + "/topup", "{\"amount\":\"" + b.get("amount").asText() + "\"}");
      case "fault" -> http.admin("POST", "/_sim/faults", b.toString());
      case "removeFault" -> http.admin("DELETE", "/_sim/faults/" + encode(b.asText()), null);
      case "clearFaults" -> http.admin("DELETE", "/_sim/faults", null);
      case "receiver" -> {
        List<HookReceiver.Answer> answers = new ArrayList<>();
        b.path("answer").forEach(a -> answers.add(HookReceiver.Answer.of(a)));
        receiver.answerWith(answers);
        if (b.has("stall")) {
          receiver.stallNext(SimDuration.parse(b.get("stall").asText()).toMillis());
        }
      }
      default -> throw new IllegalStateException("unknown step " + verb);
    }
  }

  private void create(int i, JsonNode b) {
    ObjectNode body = Http.JSON.createObjectNode().put("model", b.get("model").asText())
        .put("prompt", b.path("prompt").asText(PROMPT_DEFAULT));
    if (b.has("seconds")) body.set("seconds", b.get("seconds"));
    for (String f : List.of("resolution", "mode", "image", "webhookUrl")) {
      if (b.has(f)) body.put(f, b.get(f).asText());
    }
    if (b.path("webhook").asBoolean(false)) body.put("webhookUrl", receiver.url());
    Duration timeout = b.has("timeout")
        ? SimDuration.parse(b.get("timeout").asText()) : null;
    boolean aggregator = b.has("via");
    if (aggregator) body = openRouterBody(body);
    Set<String> before = jobIds();
    Http.Answer a = http.send("POST", aggregator ? OPENROUTER_CREATE : "/v1/videos", key(b),
        b.has("idempotencyKey") ? b.get("idempotencyKey").asText() : null, body.toString(),
        timeout);
    String alias = b.path("as").asText(null);
    if (alias != null) {
      owners.put(alias, key(b));
      List<String> created = new ArrayList<>(jobIds());
      created.removeAll(before);
      if (!created.isEmpty()) aliases.put(alias, created.get(created.size() - 1));
      else if (a.body() != null && a.body().hasNonNull("id")) {
        aliases.put(alias, a.body().get("id").asText());
      }
    }
    expect(i, "create" + (alias == null ? "" : " " + alias), b.path("expectStatus"), a);
  }

  /** The same create in the aggregator's wire format ({@code via: openrouter}). */
  private static ObjectNode openRouterBody(ObjectNode vidsim) {
    ObjectNode o = Http.JSON.createObjectNode().put("model", vidsim.get("model").asText())
        .put("prompt", vidsim.get("prompt").asText());
    if (vidsim.has("seconds")) o.set("duration", vidsim.get("seconds"));
    if (vidsim.has("resolution")) o.put("resolution", vidsim.get("resolution").asText());
    if (vidsim.has("webhookUrl")) o.put("callback_url", vidsim.get("webhookUrl").asText());
    return o;
  }

  private void poll(int i, JsonNode b) {
    boolean untilEnd = "terminal".equals(b.path("until").asText(null));
    int times = b.path("times").asInt(untilEnd ? POLLS_UNTIL_TERMINAL_MAX : 1);
    JsonNode each = b.path("expectStatuses");
    List<Integer> got = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (int n = 0; n < times; n++) {
      Http.Answer a = http.send("GET", "/v1/videos/" + job(b), ownerKey(b), null, null, null);
      got.add(a.status());
      String status = a.body() == null ? null : a.body().path("status").asText(null);
      if (status != null && (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status))) {
        seen.add(status);
      }
      if (!each.isArray()) {
        expect(i, "poll " + b.get("job").asText() + " #" + (n + 1), b.path("expectStatus"), a);
      }
      if (untilEnd && TERMINAL.contains(status)) break;
      if (b.has("every")) advance(b.get("every").asText());
    }
    String last = seen.isEmpty() ? "nothing" : seen.get(seen.size() - 1);
    if (untilEnd && !TERMINAL.contains(last)) {
      problems.add(where(i) + "poll " + b.get("job").asText() + ": still " + last + " after "
          + times + " polls");
    }
    if (b.has("expectJobStatuses")) {
      List<String> wanted = new ArrayList<>();
      b.get("expectJobStatuses").forEach(s -> wanted.add(s.asText()));
      if (!wanted.equals(seen)) {
        problems.add(where(i) + "poll " + b.get("job").asText() + ": expected the job to go "
            + wanted + ", saw " + seen);
      }
    }
    if (each.isArray()) {
      List<Integer> wanted = new ArrayList<>();
      each.forEach(s -> wanted.add(s.asInt()));
      if (!wanted.equals(got)) {
        problems.add(where(i) + "poll " + b.get("job").asText() + ": expected statuses "
            + wanted + ", got " + got);
      }
    }
  }

  private void list(int i, JsonNode b) {
    StringBuilder q = new StringBuilder("?limit=100");
    if (b.has("idempotencyKey")) {
      q.append("&idempotency_key=").append(encode(b.get("idempotencyKey").asText()));
    }
    if (b.has("status")) q.append("&status=").append(encode(b.get("status").asText()));
    Http.Answer a = http.send("GET", "/v1/videos" + q, key(b), null, null, null);
    expect(i, "list", b.path("expectStatus"), a);
    JsonNode data = a.body() == null ? null : a.body().path("data");
    if (b.has("expectCount") && (data == null || data.size() != b.get("expectCount").asInt())) {
      problems.add(where(i) + "list: expected " + b.get("expectCount").asInt() + " job(s), got "
          + (data == null ? "no list" : data.size()));
    }
    if (b.has("as") && data != null && data.size() > 0) {
      aliases.put(b.get("as").asText(), data.get(0).get("id").asText());
    }
  }

  /** An absent expectation means "a success (2xx)"; 0 stands for no response at all. */
  private void expect(int i, String what, JsonNode wanted, Http.Answer a) {
    boolean ok = wanted.isMissingNode() ? a.status() / 100 == 2 : wanted.asInt() == a.status();
    if (!ok) {
      problems.add(where(i) + what + ": expected status "
          + (wanted.isMissingNode() ? "2xx" : wanted.asInt()) + ", got " + a.brief());
    }
  }

  private void advance(String by) {
    http.admin("POST", "/_sim/clock/advance", "{\"by\":\"" + by + "\"}");
  }

  Set<String> jobIds() {
    Set<String> ids = new LinkedHashSet<>();
    http.admin("GET", "/_sim/jobs", null).path("data").forEach(j -> ids.add(j.get("id").asText()));
    return ids;
  }

  private String job(JsonNode b) {
    String alias = b.get("job").asText();
    String id = aliases.get(alias);
    return id != null ? id : "unbound-" + alias;
  }

  /** One journal line (the simulator wrote it: well-formed JSON). */
  static JsonNode parseLine(String line) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("unreadable journal line: " + line, e);
    }
  }

  private String key(JsonNode b) {
    return b.path("apiKey").asText(defaultKey);
  }

  /** A poll or cancel acts as the job's owner (the key that created it) unless told otherwise. */
  private String ownerKey(JsonNode b) {
    if (b.has("apiKey")) return b.get("apiKey").asText();
    return owners.getOrDefault(b.path("job").asText(), defaultKey);
  }

  private String where(int i) {
    return "step " + (i + 1) + " (line " + check.line(i) + ") ";
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
