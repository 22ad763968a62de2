package dev.vidsim.http.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.engine.Simulator;
import dev.vidsim.http.Json;
import dev.vidsim.journal.Journal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The request log, read from the journal: one row per request with who sent it, through which
 * dialect, what it was (the dialect's endpoint), its answer and error code, whether an official
 * SDK marked it as a retry, and the jobs it created or touched. A response names its request's
 * seq; a call or job creation belongs to the newest request still waiting for its answer (of the
 * same dialect, or the same tenant), as the engine handles a request in one go.
 *
 * <p>Read incrementally: each look parses only the lines journaled since the last one (copied
 * under the simulator's lock, parsed outside it), so a dashboard polling a long journal costs
 * little. It keeps the newest {@link #ROWS_MAX} requests and starts over on a reset.
 */
final class RequestLog {
  /** The dialect of a request to the admin API (/_sim), which no dialect serves. */
  static final String ADMIN = "admin";
  static final int ROWS_MAX = 20_000;
  private static final Set<String> KINDS = Set.of("request", "call", "job_created", "response");
  private final Simulator sim;
  private final Map<Long, ObjectNode> rows = new LinkedHashMap<>();
  private final List<ObjectNode> open = new ArrayList<>();
  private Journal journal;
  private long lastSeq;

  /** What the summary cards count: API requests (admin calls aside), errors, SDK retries. */
  record Counts(int requests, int errors, int sdkRetries) {}

  RequestLog(Simulator sim) {
    this.sim = sim;
  }

  /** Copies of the newest rows of one tenant (null: all), newest first, and how many there are. */
  synchronized List<ObjectNode> newest(String tenant, int limit, int[] total) {
    List<ObjectNode> all = select(r -> tenant == null || tenant.equals(text(r, "tenant")));
    total[0] = all.size();
    List<ObjectNode> out = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) out.add(all.get(i).deepCopy());
    return out;
  }

  /** Copies of the rows that created or touched this job, oldest first. */
  synchronized List<ObjectNode> ofJob(String id) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode r : select(r -> contains(r.get("jobs"), id))) out.add(r.deepCopy());
    return out;
  }

  synchronized Counts counts(String tenant) {
    int requests = 0;
    int errors = 0;
    int retries = 0;
    for (ObjectNode r : select(r -> tenant == null || tenant.equals(text(r, "tenant")))) {
      if (ADMIN.equals(text(r, "dialect"))) continue;
      requests++;
      if (r.path("status").asInt() >= 400) errors++;
      if (r.path("sdkRetry").asInt() > 0) retries++;
    }
    return new Counts(requests, errors, retries);
  }

  private List<ObjectNode> select(Predicate<ObjectNode> test) {
    List<String> fresh = sim.call(e -> {
      if (e.journal() != journal) {
        journal = e.journal();
        lastSeq = 0;
        rows.clear();
        open.clear();
      }
      List<String> lines = journal.lines(lastSeq, KINDS::contains);
      lastSeq = journal.lastSeq();
      return lines;
    });
    for (String text : fresh) line(Json.parse(text));
    for (Iterator<ObjectNode> it = rows.values().iterator(); rows.size() > ROWS_MAX; ) {
      open.remove(it.next());
      it.remove();
    }
    return rows.values().stream().filter(test).toList();
  }

  private void line(JsonNode l) {
    switch (l.path("kind").asText()) {
      case "request" -> request(l);
      case "call" -> call(l);
      case "job_created" -> created(l);
      case "response" -> response(l);
      default -> { }
    }
  }

  private void request(JsonNode l) {
    ObjectNode row = Json.object().put("seq", l.get("seq").asLong()).put("at", text(l, "t"))
        .put("method", text(l, "method")).put("path", text(l, "path"))
        .put("query", text(l, "query")).put("tenant", text(l, "apiKey"))
        .put("dialect", l.has("dialect") ? text(l, "dialect") : ADMIN)
        .put("idempotencyKey", text(l, "idempotencyKey"));
    row.put("sdkRetry", l.has("sdkRetry") ? l.get("sdkRetry").asInt() : 0);
    row.putNull("endpoint").putNull("status").putNull("errorCode");
    row.putArray("jobs");
    row.putArray("created");
    rows.put(row.get("seq").asLong(), row);
    open.add(row);
  }

  private void call(JsonNode l) {
    ObjectNode row = newestOpen(r -> r.path("endpoint").isNull()
        && r.path("dialect").asText().equals(l.path("dialect").asText()));
    if (row == null) return;
    row.put("endpoint", text(l, "endpoint"));
    if (l.hasNonNull("model")) row.put("model", text(l, "model"));
    if (l.hasNonNull("job")) addJob(row, text(l, "job"));
  }

  private void created(JsonNode l) {
    // the request that made it, by its "req" tag (lines written outside a request have none)
    ObjectNode row = rows.get(l.path("req").asLong(-1));
    if (row == null) return;
    row.put("model", text(l, "model"));
    ((ArrayNode) row.get("created")).add(text(l, "job"));
    addJob(row, text(l, "job"));
  }

  private void response(JsonNode l) {
    ObjectNode row = rows.get(l.path("req").asLong(-1));
    if (row == null) return;
    row.put("status", l.get("status").asInt()).put("errorCode", text(l, "errorCode"))
        .put("answeredAt", text(l, "t"));
    open.remove(row);
  }

  private ObjectNode newestOpen(Predicate<ObjectNode> test) {
    for (int i = open.size() - 1; i >= 0; i--) {
      if (test.test(open.get(i))) return open.get(i);
    }
    return null;
  }

  private static void addJob(ObjectNode row, String id) {
    if (!contains(row.get("jobs"), id)) ((ArrayNode) row.get("jobs")).add(id);
  }

  private static boolean contains(JsonNode array, String id) {
    for (JsonNode j : array) if (j.asText().equals(id)) return true;
    return false;
  }

  private static String text(JsonNode l, String field) {
    JsonNode v = l.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
