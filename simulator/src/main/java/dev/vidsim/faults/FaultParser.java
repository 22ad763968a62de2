package dev.vidsim.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.catalog.Latency;
import dev.vidsim.clock.SimDuration;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a fault rule ({@code {"when": {...}, "do": {...}}}) from JSON, the same for scenario
 * files and {@code POST /_sim/faults}. Every problem names the field it is about.
 */
public final class FaultParser {
  static final List<String> RULE_FIELDS = List.of("id", "when", "do");
  static final List<String> WHEN_FIELDS = List.of("endpoint", "tenant", "model", "region", "tier",
      "event", "nth", "times", "from", "until", "probability", "upstream");
  static final List<String> DO_FIELDS = List.of("status", "message", "retryAfter",
      "retryAfterDate", "latency", "drop", "lostResponse", "outcome", "after",
      "deliveredSeconds", "stage", "webhook", "delay", "location", "headers");
  /** Headers a fault may not set: vidsim frames the response itself, location has a field. */
  static final List<String> HEADERS_RESERVED = List.of("content-length", "transfer-encoding",
      "connection", "location");

  private FaultParser() {}

  public static FaultRule parse(String id, JsonNode rule) {
    object(rule, "", RULE_FIELDS);
    JsonNode when = rule.path("when");
    JsonNode effect = rule.get("do");
    if (effect == null) throw new FaultSpecException("/do", "required: what the fault does");
    if (!when.isMissingNode()) object(when, "/when", WHEN_FIELDS);
    object(effect, "/do", DO_FIELDS);
    Effect e = effect(effect);
    Match m = match(when, e);
    return new FaultRule(id, m, e, rule.deepCopy());
  }

  private static Match match(JsonNode w, Effect e) {
    Endpoint endpoint = scalar(w, "/when/endpoint", Endpoint::parse, null);
    if (e.webhook() != null) {
      if (w.has("endpoint") && endpoint != Endpoint.WEBHOOK) {
        throw new FaultSpecException("/when/endpoint", "a webhook fault applies to webhook "
            + "deliveries: use endpoint webhook or leave it out");
      }
      endpoint = Endpoint.WEBHOOK;
    } else if (e.lostResponse() || e.outcome() != null) {
      if (w.has("endpoint") && endpoint != Endpoint.CREATE) {
        throw new FaultSpecException("/when/endpoint", (e.lostResponse() ? "lostResponse"
            : "outcome") + " applies to create requests: use endpoint create or leave it out");
      }
      endpoint = Endpoint.CREATE;
    }
    if (endpoint == Endpoint.WEBHOOK && e.webhook() == null) {
      throw new FaultSpecException("/do/webhook", "webhook deliveries take a webhook effect: "
          + "drop, duplicate, delay or reorder");
    }
    if (endpoint != Endpoint.WEBHOOK && w.has("event")) {
      throw new FaultSpecException("/when/event", "event only applies to webhook faults");
    }
    if (w.has("upstream") && (endpoint != null && endpoint != Endpoint.CREATE
        || e.lostResponse())) {
      throw new FaultSpecException("/when/upstream", "an upstream rule is that provider's outage"
          + " on an aggregator's creates: give a status, drop, latency or outcome, no endpoint");
    }
    Integer nth = positive(w, "/when/nth");
    Integer times = positive(w, "/when/times");
    Duration from = scalar(w, "/when/from", SimDuration::parse, null);
    Duration until = scalar(w, "/when/until", SimDuration::parse, null);
    if (from != null && until != null && until.compareTo(from) <= 0) {
      throw new FaultSpecException("/when/until", "must be after from ("
          + SimDuration.format(from) + ")");
    }
    Double p = null;
    if (w.has("probability")) {
      JsonNode n = w.get("probability");
      if (!n.isNumber() || n.asDouble() < 0 || n.asDouble() > 1) {
        throw new FaultSpecException("/when/probability", "expected a number 0..1, got " + n);
      }
      p = n.asDouble();
    }
    return new Match(endpoint, text(w, "/when/tenant"), text(w, "/when/model"),
        text(w, "/when/region"), text(w, "/when/tier"), text(w, "/when/event"), nth, times, from,
        until, p, text(w, "/when/upstream"));
  }

  private static Effect effect(JsonNode d) {
    Integer status = null;
    if (d.has("status")) {
      JsonNode n = d.get("status");
      if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 300 || n.asInt() > 599) {
        throw new FaultSpecException("/do/status", "expected an error status 400..599 or a "
            + "redirect 300..399, got " + n);
      }
      status = n.asInt();
    }
    String location = text(d, "/do/location");
    boolean redirect = status != null && status < 400;
    if (redirect && location == null) {
      throw new FaultSpecException("/do/location", "a redirect (status " + status + ") needs "
          + "location: the URL it points to");
    }
    if (!redirect && location != null) {
      throw new FaultSpecException("/do/location", "location goes with a redirect status "
          + "300..399");
    }
    if (redirect && bool(d, "/do/lostResponse")) {
      throw new FaultSpecException("/do/status", "a lost response answers an error status "
          + "400..599 (or drops); a redirect never executes the request");
    }
    if (location != null && location.matches("(?s).*[\\r\\n].*")) {
      throw new FaultSpecException("/do/location", "must be one line");
    }
    java.util.Map<String, String> headers = headers(d, status);
    Duration retryAfter = scalar(d, "/do/retryAfter", SimDuration::parse, null);
    Duration retryAfterDate = scalar(d, "/do/retryAfterDate", SimDuration::parse, null);
    if (retryAfter != null && retryAfterDate != null) {
      throw new FaultSpecException("/do/retryAfterDate", "give retryAfter (seconds) or "
          + "retryAfterDate (HTTP-date), not both");
    }
    if ((retryAfter != null || retryAfterDate != null) && status == null) {
      throw new FaultSpecException(retryAfter != null ? "/do/retryAfter" : "/do/retryAfterDate",
          "Retry-After goes with an error status, e.g. status: 429");
    }
    Latency.Range latency = scalar(d, "/do/latency", Latency.Range::parse, null);
    boolean drop = bool(d, "/do/drop");
    boolean lost = bool(d, "/do/lostResponse");
    JobOutcome outcome = outcome(d);
    WebhookFault webhook = webhook(d);
    int main = (status != null || drop || lost ? 1 : 0) + (outcome != null ? 1 : 0)
        + (webhook != null ? 1 : 0);
    if (main == 0 && latency == null) {
      throw new FaultSpecException("/do", "no effect: give status, drop, lostResponse, "
          + "latency, outcome or webhook");
    }
    if (main > 1) {
      throw new FaultSpecException("/do", "one main effect per rule: an error response "
          + "(status/drop/lostResponse), an outcome, or a webhook fault; use two rules");
    }
    Duration retry = retryAfter != null ? retryAfter : retryAfterDate;
    return new Effect(status, text(d, "/do/message"), retry, retryAfterDate != null, latency,
        drop, lost, outcome, webhook, location, headers);
  }

  /** Extra headers of a status answer: names are HTTP tokens, values one line each. */
  private static java.util.Map<String, String> headers(JsonNode d, Integer status) {
    JsonNode h = d.get("headers");
    if (h == null || h.isNull()) return java.util.Map.of();
    if (!h.isObject()) throw new FaultSpecException("/do/headers", "expected an object of "
        + "header names and values");
    if (status == null) {
      throw new FaultSpecException("/do/headers", "headers go with a status answer");
    }
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    for (Iterator<java.util.Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
      var e = it.next();
      String at = "/do/headers/" + e.getKey();
      if (!e.getKey().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}")) {
        throw new FaultSpecException(at, "expected a header name (letters, digits, '-')");
      }
      if (HEADERS_RESERVED.contains(e.getKey().toLowerCase(java.util.Locale.ROOT))) {
        throw new FaultSpecException(at, e.getKey().toLowerCase(java.util.Locale.ROOT)
            .equals("location") ? "give the redirect target as do.location"
            : "vidsim sets " + e.getKey() + " itself");
      }
      if (!e.getValue().isTextual() || e.getValue().asText().matches("(?s).*[\\r\\n].*")) {
        throw new FaultSpecException(at, "expected a one-line string, got " + e.getValue());
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  private static JobOutcome outcome(JsonNode d) {
    JobOutcome.Kind kind = scalar(d, "/do/outcome", JobOutcome.Kind::parse, null);
    Duration after = scalar(d, "/do/after", SimDuration::parse, null);
    BigDecimal delivered = null;
    if (d.has("deliveredSeconds")) {
      JsonNode n = d.get("deliveredSeconds");
      if (!n.isNumber() || n.decimalValue().signum() <= 0) {
        throw new FaultSpecException("/do/deliveredSeconds", "expected seconds > 0, got " + n);
      }
      delivered = n.decimalValue();
    }
    if (kind == null) {
      if (after != null) throw new FaultSpecException("/do/after", "after goes with an outcome");
      if (delivered != null) {
        throw new FaultSpecException("/do/deliveredSeconds", "goes with outcome: partial");
      }
      return null;
    }
    if (kind == JobOutcome.Kind.STUCK && after != null) {
      throw new FaultSpecException("/do/after", "a stuck job never ends; leave after out");
    }
    if (kind == JobOutcome.Kind.PARTIAL && delivered == null) {
      throw new FaultSpecException("/do/deliveredSeconds", "outcome partial needs "
          + "deliveredSeconds: how much was rendered before the failure");
    }
    if (kind != JobOutcome.Kind.PARTIAL && delivered != null) {
      throw new FaultSpecException("/do/deliveredSeconds", "goes with outcome: partial");
    }
    if (kind == JobOutcome.Kind.TIMEOUT && after == null) after = JobOutcome.TIMEOUT_DEFAULT;
    String stage = d.path("stage").asText("running");
    if (d.has("stage") && kind != JobOutcome.Kind.STUCK) {
      throw new FaultSpecException("/do/stage", "goes with outcome: stuck");
    }
    if (!stage.equals("running") && !stage.equals("queued")) {
      throw new FaultSpecException("/do/stage", "expected queued or running, got \"" + stage
          + "\"");
    }
    return new JobOutcome(kind, after, delivered, stage.equals("queued"));
  }

  private static WebhookFault webhook(JsonNode d) {
    WebhookFault.Kind kind = scalar(d, "/do/webhook", WebhookFault.Kind::parse, null);
    Duration delay = scalar(d, "/do/delay", SimDuration::parse, null);
    if (kind == null) {
      if (delay != null) {
        throw new FaultSpecException("/do/delay", "delay goes with webhook: delay or reorder");
      }
      return null;
    }
    if (kind == WebhookFault.Kind.DELAY && delay == null) {
      throw new FaultSpecException("/do/delay", "webhook: delay needs delay, e.g. \"5m\"");
    }
    if (kind == WebhookFault.Kind.REORDER && delay == null) delay = WebhookFault.HOLD_DEFAULT;
    return new WebhookFault(kind, delay);
  }

  private static void object(JsonNode n, String pointer, List<String> allowed) {
    if (!n.isObject()) {
      throw new FaultSpecException(pointer.isEmpty() ? "/" : pointer, "expected an object, got "
          + n.getNodeType().toString().toLowerCase());
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw new FaultSpecException(pointer + "/" + name, "unknown field; allowed here: "
            + String.join(", ", allowed));
      }
    }
  }

  private static <T> T scalar(JsonNode o, String pointer, Function<String, T> parser, T fallback) {
    String name = pointer.substring(pointer.lastIndexOf('/') + 1);
    JsonNode n = o.get(name);
    if (n == null || n.isNull()) return fallback;
    if (!n.isTextual()) throw new FaultSpecException(pointer, "expected a string, got " + n);
    try {
      return parser.apply(n.asText());
    } catch (IllegalArgumentException ex) {
      throw new FaultSpecException(pointer, ex.getMessage());
    }
  }

  private static String text(JsonNode o, String pointer) {
    return scalar(o, pointer, s -> s, null);
  }

  private static Integer positive(JsonNode o, String pointer) {
    JsonNode n = o.get(pointer.substring(pointer.lastIndexOf('/') + 1));
    if (n == null || n.isNull()) return null;
    if (!n.isIntegralNumber() || n.asLong() < 1 || n.asLong() > Integer.MAX_VALUE) {
      throw new FaultSpecException(pointer, "expected a whole number >= 1, got " + n);
    }
    return n.asInt();
  }

  private static boolean bool(JsonNode o, String pointer) {
    JsonNode n = o.get(pointer.substring(pointer.lastIndexOf('/') + 1));
    if (n == null || n.isNull()) return false;
    if (!n.isBoolean()) throw new FaultSpecException(pointer, "expected true or false, got " + n);
    return n.asBoolean();
  }
}
