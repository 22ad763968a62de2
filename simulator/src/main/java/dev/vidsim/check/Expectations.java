package dev.vidsim.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.money.Money;
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
  private final dev.vidsim.scenario.Check check;
  private List<JsonNode> journal;

  Expectations(Http http, HookReceiver receiver, Map<String, String> aliases,
               dev.vidsim.scenario.Check check) {
    this.http = http;
    this.receiver = receiver;
    this.check = check;
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
    fields(expect.path("ledger"), (key, want) -> {
      List<String> expected = new ArrayList<>();
      want.forEach(l -> expected.add(l.asText()));
      String problem = LedgerCheck.compare(key, expected, ledgerLines(key));
      if (problem != null) problems.add(problem);
    });
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
    if (expect.has("journal")) {
      problems.addAll(new JournalCheck(journal(), aliases).compare(expect.get("journal"),
          i -> check.tree().locate("/expect/journal/" + i).line()));
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
    for (JsonNode e : journal()) {
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

  /** The whole journal, read once. */
  private List<JsonNode> journal() {
    if (journal != null) return journal;
    journal = new ArrayList<>();
    String jsonl = http.send("GET", "/_sim/journal", null, null, null, null).text();
    for (String line : jsonl.split("\n")) {
      if (!line.isBlank()) journal.add(ScriptRun.parseLine(line));
    }
    return journal;
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

  /** The key's ledger lines as the exact form writes them, each with its compact type. */
  private List<LedgerCheck.Line> ledgerLines(String key) {
    List<LedgerCheck.Line> out = new ArrayList<>();
    for (JsonNode e : ledger(key).path("data")) {
      boolean opening = e.get("type").asText().equals("topup")
          && OPENING_BALANCE.equals(e.path("rule").asText());
      if (opening) {
        continue;
      }
      String job = e.path("job").isTextual() ? " " + labels.getOrDefault(e.get("job").asText(),
          e.get("job").asText()) : "";
      String type = e.get("type").asText();
      String compactType = !type.equals("charge") ? type
          : switch (e.path("rule").asText()) {
            case "poll fee" -> "poll_fee";
            case "flat fee" -> "flat_fee";
            default -> type;
          };
      out.add(new LedgerCheck.Line(type + " " + e.get("amount").asText() + job, compactType,
          Money.parse(e.get("amount").asText())));
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
