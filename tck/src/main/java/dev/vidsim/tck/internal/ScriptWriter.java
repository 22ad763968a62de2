package dev.vidsim.tck.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.checker.Evidence;
import dev.vidsim.checker.Exchange;
import dev.vidsim.checker.JobFacts;
import dev.vidsim.checker.JsonText;
import dev.vidsim.checker.LedgerLine;
import dev.vidsim.clock.SimDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The client's side of a run as a {@code vidsim check} script: every request it made (creates,
 * status polls, lookups, cancels), the faults and top-ups the harness injected between them, and
 * the clock moves in between; then the end state as expectations, so the replay reproduces
 * exactly what the client saw.
 */
final class ScriptWriter {
  private final StringBuilder out = new StringBuilder();
  private final Map<String, String> aliases = new HashMap<>();
  private Instant clock;

  private ScriptWriter(Instant start) {
    this.clock = start;
  }

  static String write(Evidence e, String apiKey, Instant start, List<World.Marker> markers) {
    ScriptWriter w = new ScriptWriter(start);
    w.out.append("script:\n");
    int next = 0;
    for (Exchange x : e.exchanges()) {
      if (!apiKey.equals(x.tenant())) continue;
      while (next < markers.size() && markers.get(next).seq() < x.request().seq()) {
        w.marker(markers.get(next++));
      }
      w.request(x);
    }
    while (next < markers.size()) w.marker(markers.get(next++));
    w.expect(e, apiKey);
    return w.out.toString();
  }

  private void advanceTo(Instant at) {
    if (at.isAfter(clock)) {
      out.append("  - advance: ").append(SimDuration.format(Duration.between(clock, at)))
          .append('\n');
      clock = at;
    }
  }

  private void marker(World.Marker m) {
    advanceTo(m.at());
    out.append("  - ").append(m.step()).append('\n');
  }

  private void request(Exchange x) {
    advanceTo(x.at());
    String status = ", expectStatus: " + x.status() + " }";
    if (x.isCreate()) {
      out.append("  - create: { ").append(create(x)).append(status).append('\n');
    } else if (x.isPoll() && aliases.containsKey(x.jobInPath())) {
      out.append("  - poll: { job: ").append(aliases.get(x.jobInPath())).append(status)
          .append('\n');
    } else if (x.isCancel() && aliases.containsKey(x.jobInPath())) {
      out.append("  - cancel: { job: ").append(aliases.get(x.jobInPath())).append(status)
          .append('\n');
    } else if ("GET".equals(x.method()) && "/v1/videos".equals(x.path())) {
      String key = x.request().text("query") == null ? null : keyOf(x.request().text("query"));
      out.append("  - list: { ").append(key == null ? "" : "idempotencyKey: " + key + ", ")
          .append("expectStatus: ").append(x.status()).append(" }\n");
    } else {
      out.append("  # ").append(x.method()).append(' ').append(x.path()).append(" → ")
          .append(x.status()).append(" (no script verb: not replayed)\n");
    }
  }

  private String create(Exchange x) {
    JsonNode b = x.body();
    StringBuilder s = new StringBuilder();
    if (!x.createdJobs().isEmpty()) {
      String alias = "j" + (aliases.size() + 1);
      aliases.put(x.createdJobs().get(0), alias);
      s.append("as: ").append(alias).append(", ");
    }
    s.append("apiKey: ").append(x.tenant()).append(", model: ").append(text(b, "model"))
        .append(", prompt: ").append(JsonText.quote(text(b, "prompt")));
    for (String f : List.of("mode", "resolution")) {
      if (b.hasNonNull(f)) s.append(", ").append(f).append(": ").append(text(b, f));
    }
    if (b.hasNonNull("seconds")) s.append(", seconds: ").append(b.get("seconds").asText());
    if (b.path("images").size() > 0) {
      s.append(", image: ").append(JsonText.quote(b.get("images").get(0).asText()));
    }
    if (b.hasNonNull("webhookUrl")) s.append(", webhook: true");
    if (x.idempotencyKey() != null) s.append(", idempotencyKey: ").append(x.idempotencyKey());
    return s.toString();
  }

  private static String text(JsonNode b, String field) {
    return b.path(field).asText();
  }

  private static String keyOf(String query) {
    for (String part : query.split("&")) {
      if (part.startsWith("idempotency_key=")) {
        return java.net.URLDecoder.decode(part.substring(16),
            java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private void expect(Evidence e, String apiKey) {
    out.append("expect:\n  jobs:\n");
    for (JobFacts j : e.jobFacts().values()) {
      if (aliases.containsKey(j.id())) {
        out.append("    ").append(aliases.get(j.id())).append(": ").append(j.status()).append('\n');
      }
    }
    var balance = e.reportedBalances().get(apiKey);
    if (balance != null) {
      out.append("  balances: { ").append(apiKey).append(": \"").append(balance.balance())
          .append("\" }\n");
    }
    out.append("  ledger:\n    ").append(apiKey).append(":\n");
    for (LedgerLine l : e.ledger()) {
      if (!apiKey.equals(l.tenant()) || "opening balance".equals(l.rule())) continue;
      String job = l.job() == null ? "" : " " + aliases.getOrDefault(l.job(), l.job());
      out.append("      - \"").append(l.type()).append(' ').append(l.amount()).append(job)
          .append("\"\n");
    }
  }
}
