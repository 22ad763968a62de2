package dev.vidsim.http.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The request log, read back from the journal: one row per request with who sent it, through
 * which dialect, what it was (the dialect's endpoint), its answer and error code, whether an
 * official SDK marked it as a retry, and the jobs it created or touched. A response names its
 * request's seq; a call or job creation belongs to the newest request still waiting for its
 * answer (of the same dialect, or the same tenant), as the engine handles a request in one go.
 */
public final class RequestLog {
  /** The dialect of a request to the admin API (/_sim), which no dialect serves. */
  public static final String ADMIN = "admin";
  private static final Set<String> KINDS = Set.of("request", "call", "job_created", "response");
  private final Map<Long, ObjectNode> rows = new LinkedHashMap<>();
  private final List<ObjectNode> open = new ArrayList<>();

  private RequestLog() {}

  /** Every request the journal still holds, oldest first. */
  public static List<ObjectNode> read(List<String> journalLines) {
    RequestLog log = new RequestLog();
    for (String text : journalLines) log.line(Json.parse(text));
    return new ArrayList<>(log.rows.values());
  }

  public static boolean wanted(String kind) {
    return KINDS.contains(kind);
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
    ObjectNode row = newestOpen(r -> r.path("tenant").asText().equals(text(l, "tenant")));
    if (row == null) return;
    row.put("model", text(l, "model"));
    ((ArrayNode) row.get("created")).add(text(l, "job"));
    addJob(row, text(l, "job"));
  }

  private void response(JsonNode l) {
    ObjectNode row = rows.get(l.path("request").asLong(-1));
    if (row == null) return;
    row.put("status", l.get("status").asInt()).put("errorCode", text(l, "errorCode"))
        .put("answeredAt", text(l, "t"));
    open.remove(row);
  }

  private ObjectNode newestOpen(java.util.function.Predicate<ObjectNode> test) {
    for (int i = open.size() - 1; i >= 0; i--) {
      ObjectNode row = open.get(i);
      if (test.test(row)) return row;
    }
    return null;
  }

  private static void addJob(ObjectNode row, String id) {
    ArrayNode jobs = (ArrayNode) row.get("jobs");
    for (JsonNode j : jobs) if (j.asText().equals(id)) return;
    jobs.add(id);
  }

  private static String text(JsonNode l, String field) {
    JsonNode v = l.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
