package dev.vidsim.checker;

import dev.vidsim.jobs.Jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP request the simulator journaled, its response, and the events journaled while it ran
 * (ledger lines, job creations, faults), paired by {@link ExchangeTracker}.
 *
 * @param response null when the journal ends before it (or the connection was dropped)
 */
public final class Exchange {
  private static final Pattern JOB_PATH = Pattern.compile("^/v1/videos/([^/]+)(/[a-z]+)?$");
  private final JournalEvent request;
  private final JournalEvent response;
  private final List<JournalEvent> inside;
  private JsonNode body;
  private String signature;
  private Matcher path;
  // read once: checks ask for these for every exchange on every check
  private final String method;
  private final String pathText;
  private final String tenant;
  private final String key;
  private final int status;
  private List<String> created;
  private JournalEvent call;
  private String endpoint;
  private boolean callRead;
  private java.time.Duration retryAfter;
  private boolean retryAfterRead;
  // derived once: checks ask for them for every exchange after every action
  private String errorCode;
  private String jobInPath;
  private String model;
  private boolean derived;
  private List<JournalEvent> ledgerEvents;
  private java.util.Set<String> listedModels;

  public Exchange(JournalEvent request, JournalEvent response, List<JournalEvent> inside) {
    this.request = request;
    this.response = response;
    this.inside = List.copyOf(inside);
    this.method = request.text("method");
    this.pathText = request.text("path");
    this.tenant = request.text("apiKey");
    this.key = request.text("idempotencyKey");
    this.status = response == null ? 0 : response.fields().path("status").asInt();
  }

  public JournalEvent request() { return request; }
  /** Null when the journal ends before it, or the connection was dropped. */
  public JournalEvent response() { return response; }
  public List<JournalEvent> inside() { return inside; }

  /** Pairs every request line with its response line, oldest first ({@link ExchangeTracker}). */
  public static List<Exchange> pair(List<JournalEvent> journal) {
    ExchangeTracker t = new ExchangeTracker();
    t.add(journal);
    return t.exchanges();
  }

  public String method() { return method; }
  public String path() { return pathText; }
  public String tenant() { return tenant; }
  public String idempotencyKey() { return key; }
  public Instant at() { return request.at(); }

  /** The request body as JSON (empty object when there was none). */
  public synchronized JsonNode body() {
    if (body == null) {
      String b = request.text("body");
      JsonNode n = b == null ? null : tryParse(b);
      body = n == null ? Js.MAPPER.createObjectNode() : n;
    }
    return body;
  }

  private static JsonNode tryParse(String text) {
    try {
      return Js.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** HTTP status, or 0 when no response was journaled. */
  public int status() {
    return status;
  }

  public JsonNode responseBody() {
    return response == null ? Js.MAPPER.createObjectNode() : response.fields().path("body");
  }

  public String errorCode() {
    derive();
    return errorCode;
  }

  /** Reads the answers' fields every check asks for, once (the exchange never changes). */
  private synchronized void derive() {
    if (derived) return;
    errorCode = Js.text(responseBody().path("error"), "code");
    JournalEvent c = call();
    if (c != null) {
      jobInPath = c.text("job");
      model = c.text("model");
    } else {
      Matcher m = pathMatch();
      jobInPath = m.matches() ? m.group(1) : null;
      model = Js.text(body(), "model");
    }
    derived = true;
  }

  /**
   * What the server said this request was, in every dialect's terms ({@code call} line: dialect,
   * endpoint, model, job), or null for requests no dialect parsed (a 400 before, admin calls).
   */
  public synchronized JournalEvent call() {
    if (!callRead) {
      for (JournalEvent e : inside) {
        if (e.is("call")) {
          call = e;
          endpoint = e.text("endpoint");
          break;
        }
      }
      callRead = true;
    }
    return call;
  }

  /** The wait a 429 or 503 answer asked for ({@link RetryAfter}), or null. */
  synchronized java.time.Duration retryAfter() {
    if (!retryAfterRead) {
      retryAfter = RetryAfter.read(this);
      retryAfterRead = true;
    }
    return retryAfter;
  }

  private boolean endpointIs(String name) {
    return call() != null && name.equals(endpoint);
  }

  public boolean isCreate() {
    if (call() != null) return endpointIs("create");
    return "POST".equals(method()) && "/v1/videos".equals(path());
  }

  public boolean isModels() {
    if (call() != null) return endpointIs("models");
    return "GET".equals(method()) && "/v1/models".equals(path());
  }

  /** A status poll: GET /v1/videos/{id}, or its equivalent in another dialect. */
  public boolean isPoll() {
    if (call() != null) return endpointIs("get");
    Matcher m = pathMatch();
    return "GET".equals(method()) && m.matches() && m.group(2) == null;
  }

  /** A cancel, or a delete (OpenAI's way to stop a running video). */
  public boolean isCancel() {
    if (call() != null) return endpointIs("cancel") || endpointIs("delete");
    Matcher m = pathMatch();
    return "POST".equals(method()) && m.matches() && "/cancel".equals(m.group(2));
  }

  /** The job a poll, cancel or content request is about, else null. */
  public String jobInPath() {
    derive();
    return jobInPath;
  }

  /** The model a create asked for: as the dialect parsed it, else from a JSON body. */
  public String model() {
    derive();
    return model;
  }

  /** The model ids a catalog answer lists ({@code data[].id}). */
  synchronized java.util.Set<String> listedModels() {
    if (listedModels == null) {
      java.util.Set<String> ids = new java.util.HashSet<>();
      responseBody().path("data").forEach(m -> ids.add(Js.text(m, "id")));
      listedModels = java.util.Collections.unmodifiableSet(ids);
    }
    return listedModels;
  }

  private synchronized Matcher pathMatch() {
    if (path == null) {
      path = JOB_PATH.matcher(path() == null ? "" : path());
      path.matches();
    }
    return path;
  }

  public boolean succeeded() {
    return status() >= 200 && status() < 300;
  }

  /** A failure worth retrying: 429, 5xx, 409 in flight, or no response at all. */
  public boolean retryableFailure() {
    int s = status();
    return s == 0 || s == 429 || s >= 500 || "idempotency_in_flight".equals(errorCode());
  }

  /** Jobs created while this request ran. */
  public synchronized List<String> createdJobs() {
    if (created == null) {
      created = inside.stream().filter(e -> e.is("job_created")).map(e -> e.text("job")).toList();
    }
    return created;
  }

  /** Ledger events of this request's tenant journaled while it ran. */
  public synchronized List<JournalEvent> ledgerEvents() {
    if (ledgerEvents == null) {
      ledgerEvents = inside.stream().filter(e -> e.is("ledger"))
          .filter(e -> tenant() != null && tenant().equals(e.text("tenant"))).toList();
    }
    return ledgerEvents;
  }

  /** Tenant, method, path, key and body: what makes two requests "the same call". */
  public synchronized String signature() {
    if (signature == null) {
      String query = request.text("query");
      signature = tenant() + " " + method() + " " + path() + (query == null ? "" : "?" + query)
          + " key=" + idempotencyKey() + " " + content();
    }
    return signature;
  }

  /**
   * What was asked, comparable across requests: the digest the server journaled of the parsed
   * request (any wire encoding), else the JSON body.
   */
  public String content() {
    String digest = digest();
    return digest != null ? "digest:" + digest : body().toString();
  }

  private String digest() {
    JournalEvent c = call();
    return c == null ? null : c.text("request");
  }

  /** Whether two requests asked the same: equal digests, else equal JSON (any field order). */
  public boolean sameContentAs(Exchange other) {
    String mine = digest();
    String theirs = other.digest();
    if (mine != null && theirs != null) return mine.equals(theirs);
    return body().equals(other.body());
  }

  @Override
  public String toString() {
    return method() + " " + path() + (idempotencyKey() == null ? "" : " key=" + idempotencyKey())
        + " → " + (response == null ? "no response" : status()) + " at " + at();
  }
}
