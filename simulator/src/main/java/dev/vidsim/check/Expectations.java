package dev.vidsim.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Compares a scenario's expect block with what the simulator and the receiver ended up with. */
final class Expectations {
  static final String OPENING_BALANCE = "opening balance";
  private final Http http;
  private final HookReceiver receiver;
  private final Map<String, String> labels = new HashMap<>();
  private final Map<String, JsonNode> jobs = new HashMap<>();
  private final List<String> problems = new ArrayList<>();

  Expectations(Http http, HookReceiver receiver, Map<String, String> aliases) {
    this.http = http;
    this.receiver = receiver;
    aliases.forEach((alias, id) -> labels.putIfAbsent(id, alias));
    int n = 0;
    for (JsonNode j : http.admin("GET", "/_sim/jobs", null).path("data")) {
      String id = j.get("id").asText();
      jobs.put(id, j);
      labels.putIfAbsent(id, "#" + ++n);
    }
  }

  List<String> compare(JsonNode expect, Map<String, String> aliases) {
    fields(expect.path("jobs"), (alias, want) -> {
      JsonNode job = jobs.get(aliases.get(alias));
      String got = job == null ? "no such job (never created)" : job.get("status").asText();
      if (!got.equals(want.asText())) {
        problems.add("job " + alias + ": expected " + want.asText() + ", got " + got);
      }
    });
    fields(expect.path("balances"), (key, want) -> {
      String got = ledger(key).path("balance").path("balance").asText();
      if (!got.equals(want.asText())) {
        problems.add("balance " + key + ": expected " + want.asText() + ", got " + got);
      }
    });
    for (String part : new String[] {"held", "available"}) {
      fields(expect.path(part), (key, want) -> {
        String got = ledger(key).path("balance").path(part).asText();
        if (!got.equals(want.asText())) {
          problems.add(part + " " + key + ": expected " + want.asText() + ", got " + got);
        }
      });
    }
    fields(expect.path("jobCount"), (key, want) -> {
      long got = jobs.values().stream().filter(j -> key.equals(tenantOf(j))).count();
      if (got != want.asLong()) {
        problems.add("jobs of " + key + ": expected " + want.asLong() + ", got " + got);
      }
    });
    fields(expect.path("ledger"), (key, want) -> listDiff("ledger " + key, want, ledgerLines(key)));
    if (expect.has("webhooks")) listDiff("webhooks", expect.get("webhooks"), webhookLines());
    fields(expect.path("requests"), (key, want) -> fields(want, (call, count) -> {
      long got = requestCounts(key).getOrDefault(call, 0L);
      if (got != count.asLong()) {
        problems.add("requests of " + key + " \"" + call + "\": expected " + count.asLong()
            + ", got " + got);
      }
    }));
    if (expect.has("webhooksAbandoned")) {
      listDiff("webhooks abandoned", expect.get("webhooksAbandoned"), abandoned());
    }
    return problems;
  }

  /**
   * This key's answered requests counted as "endpoint status" (e.g. "get 200"), from the
   * journal: the endpoint each dialect's request was (its call line), else "other".
   */
  private Map<String, Long> requestCounts(String key) {
    Map<String, Long> counts = new HashMap<>();
    String mine = null;
    String endpoint = null;
    String jsonl = http.send("GET", "/_sim/journal", null, null, null, null).text();
    for (String line : jsonl.split("\n")) {
      if (line.isBlank()) continue;
      JsonNode e = ScriptRun.parseLine(line);
      String kind = e.path("kind").asText();
      if (kind.equals("request")) {
        mine = key.equals(e.path("apiKey").asText(null)) ? key : null;
        endpoint = "other";
      } else if (kind.equals("call") && mine != null) {
        endpoint = e.path("endpoint").asText("other");
      } else if (kind.equals("response") && mine != null) {
        counts.merge(endpoint + " " + e.path("status").asInt(), 1L, Long::sum);
        mine = null;
      }
    }
    return counts;
  }

  /** The jobs (by alias) whose webhook the sender gave up on, sorted. */
  private List<String> abandoned() {
    List<String> out = new ArrayList<>();
    jobs.values().forEach(j -> {
      if ("abandoned".equals(j.path("webhook").path("status").asText())) {
        out.add(labels.getOrDefault(j.get("id").asText(), j.get("id").asText()));
      }
    });
    out.sort(null);
    return out;
  }

  private String tenantOf(JsonNode job) {
    return job.path("tenant").asText(null);
  }

  private JsonNode ledger(String key) {
    return http.admin("GET", "/_sim/ledger?tenant=" + ScriptRun.encode(key), null);
  }

  private List<String> ledgerLines(String key) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : ledger(key).path("data")) {
      boolean opening = e.get("type").asText().equals("topup")
          && OPENING_BALANCE.equals(e.path("rule").asText());
      if (opening) {
        continue;
      }
      String job = e.path("job").isTextual() ? " " + labels.getOrDefault(e.get("job").asText(),
          e.get("job").asText()) : "";
      out.add(e.get("type").asText() + " " + e.get("amount").asText() + job);
    }
    return out;
  }

  private List<String> webhookLines() {
    List<String> out = new ArrayList<>();
    for (HookReceiver.Delivery d : receiver.deliveries()) {
      JsonNode event;
      try {
        event = Http.JSON.readTree(d.body());
      } catch (java.io.IOException e) {
        out.add("unreadable " + d.status());
        continue;
      }
      String id = event.path("data").path("id").asText();
      out.add(event.path("type").asText() + " " + labels.getOrDefault(id, id) + " " + d.status());
    }
    return out;
  }

  private void listDiff(String what, JsonNode want, List<String> got) {
    List<String> expected = new ArrayList<>();
    want.forEach(l -> expected.add(l.asText()));
    if (expected.equals(got)) return;
    problems.add(what + " (- expected, + actual):\n"
        + String.join("\n", Diff.lines(expected, got)));
  }

  private static void fields(JsonNode o, java.util.function.BiConsumer<String, JsonNode> each) {
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      each.accept(e.getKey(), e.getValue());
    }
  }
}
