package dev.vidsim.client.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.client.ApiException;
import dev.vidsim.client.ApiResponse;
import dev.vidsim.client.JsonSupport;
import dev.vidsim.client.store.StoredGeneration;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A provider's dialect behind the client's {@code /v1} calls: routes each call to the
 * provider's operation and turns answers into {@code /v1} jobs and {@code /v1} error codes.
 * Lookups by key are answered from the job store when the job is known, else by listing the
 * provider's recent jobs and matching what this generation sent (when the provider can list).
 */
abstract class DialectWire implements ProviderWire {
  /** The client's error codes a wire maps provider errors to (see {@code Submitter}). */
  static final String MODEL_NOT_FOUND = "model_not_found";
  static final String INSUFFICIENT_BALANCE = "insufficient_balance";
  static final String NOT_CANCELLABLE = "job_not_cancellable";
  protected final WireContext context;

  DialectWire(WireContext context) {
    this.context = context;
  }

  /** The provider's name, for messages. */
  abstract String provider();

  abstract ApiResponse models(Transport t) throws IOException;

  /** @param seed made from the generation's key: the same on every resend, else null */
  abstract ApiResponse create(CreateSpec spec, Long seed, Transport t) throws IOException;

  abstract ApiResponse get(String jobId, Transport t) throws IOException;

  abstract ApiResponse cancel(String jobId, Transport t) throws IOException;

  /** Recent jobs as {@code /v1} jobs (with their prompt), newest first; only if it can list. */
  List<JsonNode> recent(Transport t) throws IOException, ListingFailed {
    throw new IllegalStateException(provider() + " cannot list jobs");
  }

  @Override
  public final ApiResponse exchange(WireCall call, Transport t) throws IOException {
    String path = call.path();
    int q = path.indexOf('?');
    String query = q < 0 ? "" : path.substring(q + 1);
    String route = q < 0 ? path : path.substring(0, q);
    String[] parts = route.split("/");
    boolean get = call.method().equals("GET");
    if (get && route.equals("/v1/models")) return models(t);
    if (route.equals("/v1/videos")) {
      if (call.method().equals("POST")) {
        return create(CreateSpec.of(JsonSupport.parseOrEmpty(call.body())),
            call.idempotencyKey() == null ? null : seedOf(call.idempotencyKey()), t);
      }
      String key = param(query, "idempotency_key");
      if (get && key != null) return lookup(key, t);
    }
    if (parts.length == 4 && route.startsWith("/v1/videos/") && get) {
      return get(decode(parts[3]), t);
    }
    if (parts.length == 5 && route.startsWith("/v1/videos/") && route.endsWith("/cancel")) {
      if (!capabilities().cancel()) {
        throw new ApiException(501, "cancel_unsupported", provider() + " has no way to cancel"
            + " a running job; the client flags it at its deadline instead", 0);
      }
      return cancel(decode(parts[3]), t);
    }
    throw new ApiException(501, "not_offered", provider() + " has no equivalent of "
        + call.method() + " " + route + " (vidsim's own API only)", 0);
  }

  /**
   * The job this generation's create made: known from the store, else found among the
   * provider's recent jobs by what was sent; without a listing the answer is unknown.
   */
  private ApiResponse lookup(String key, Transport t) throws IOException {
    Optional<StoredGeneration> g = context.generation(key);
    if (g.isPresent() && g.get().jobId() != null) {
      // known: the next poll tells its state (a lookup here would be a paid status poll)
      ObjectNode job = JobJson.job(g.get().jobId(), g.get().model(), "queued");
      return list(List.of(job));
    }
    if (g.isEmpty() || !capabilities().findsLostCreate()) {
      throw new ApiException(0, "lookup_unsupported", provider() + " has no idempotency key and"
          + " no job listing: whether the create of key " + key + " made a job is unknown, so"
          + " it is not sent again", 0);
    }
    try {
      return list(match(g.get(), seedOf(key), recent(t)).map(List::of).orElse(List.of()));
    } catch (ListingFailed failed) {
      return failed.answer;
    }
  }

  /**
   * The oldest unclaimed job made after the generation was saved, with what it sent. Two lost
   * creates that ask alike (the same prompt and model, one leaving seconds to the provider)
   * both fit either job: a job that fewer other unresolved generations also fit is taken first,
   * so one generation does not take the job only the other one fits.
   */
  private Optional<JsonNode> match(StoredGeneration g, long seed, List<JsonNode> jobs) {
    Set<String> claimed = context.claimedJobs();
    List<StoredGeneration> others = context.store().all().stream()
        .filter(o -> o.jobId() == null && !o.isRefused()
            && !o.idempotencyKey().equals(g.idempotencyKey())).toList();
    return jobs.stream().filter(j -> !claimed.contains(JsonSupport.text(j, "id")))
        .filter(j -> fits(g, seed, j))
        .min(Comparator.comparingLong((JsonNode j) -> others.stream()
                .filter(o -> fits(o, seedOf(o.idempotencyKey()), j)).count())
            .thenComparing(DialectWire::createdAt));
  }

  /**
   * A status read the wire makes of its own, before a cancel: a poll as far as the provider is
   * concerned, so it comes no sooner than the poll floor after the last read (however that one
   * ended), and what it finds is the client's news, so the client does not read it again.
   */
  final ApiResponse readBeforeCancel(LastSeen seen, String jobId, Transport t)
      throws IOException {
    Instant last = seen.readAt(jobId);
    if (last != null) {
      java.time.Duration left = java.time.Duration.between(context.clock().now(),
          last.plus(context.pollFloor()));
      if (left.compareTo(java.time.Duration.ZERO) > 0) context.clock().sleep(left);
    }
    ApiResponse now = get(jobId, t);
    if (now.isSuccess()) context.statusRead().accept(now.json());
    return now;
  }

  /**
   * Whether a job could be what this generation's create made: it asked what was sent. A create
   * that left the length to the provider asked for the model's default length (when the sheet
   * says it): it is not the job of another generation that asked for a length of its own.
   */
  private boolean fits(StoredGeneration g, long seed, JsonNode j) {
    CreateSpec sent = CreateSpec.of(JsonSupport.parseOrEmpty(g.requestBody()));
    Instant from = g.savedAt() == null ? Instant.EPOCH : g.savedAt().minusSeconds(1);
    java.math.BigDecimal asked = sent.seconds() != null ? sent.seconds()
        : JsonSupport.decimal(context.sheetModel(sent.model()), "defaultSeconds", null);
    return sent.model().equals(JsonSupport.text(j, "model"))
        && sent.prompt().equals(JsonSupport.text(j, "prompt"))
        && (asked == null || (sent.seconds() == null && !j.has("seconds"))
            || asked.compareTo(JsonSupport.decimal(j, "seconds", java.math.BigDecimal.ZERO)) == 0)
        && (sent.resolution() == null
            || sent.resolution().equals(JsonSupport.text(j, "resolution")))
        && !createdAt(j).isBefore(from)
        && (!j.has("seed") || j.get("seed").asLong() == seed);
  }

  /**
   * A generation's seed, from its key: a resend asks exactly the same, another generation
   * (whatever it asks) differs, and where the provider echoes its input the seed finds the job.
   */
  static long seedOf(String key) {
    return key.hashCode() & 0x7fffffffL;
  }

  private static Instant createdAt(JsonNode j) {
    String t = JsonSupport.text(j, "createdAt");
    return t == null ? Instant.EPOCH : Instant.parse(t);
  }

  /** The listing failed: its answer (status, Retry-After) is the lookup's answer. */
  static final class ListingFailed extends Exception {
    final transient ApiResponse answer;

    ListingFailed(ApiResponse answer) {
      super("listing failed: HTTP " + answer.status(), null, false, false);
      this.answer = answer;
    }
  }

  static ApiResponse ok(ApiResponse from, JsonNode body) {
    return new ApiResponse(200, from == null ? Map.of() : from.headers(), body.toString());
  }

  static ApiResponse list(List<? extends JsonNode> jobs) {
    ObjectNode o = JsonSupport.object().put("object", "list");
    ArrayNode data = o.putArray("data");
    jobs.forEach(data::add);
    return new ApiResponse(200, Map.of(), o.toString());
  }

  /** The provider's error in the client's terms: same status and headers, {@code /v1} body. */
  static ApiResponse error(ApiResponse from, int status, String code, String message) {
    ObjectNode body = JsonSupport.object();
    ObjectNode e = body.putObject("error").put("message", message);
    if (code != null) e.put("code", code);
    return new ApiResponse(status, from.headers(), body.toString());
  }

  /** The integrator's price sheet entries whose ids pass {@code offered}. */
  ApiResponse sheet(ApiResponse from, java.util.function.Predicate<String> offered) {
    ArrayNode data = JsonSupport.MAPPER.createArrayNode();
    context.priceSheet().forEach(m -> {
      if (offered.test(JsonSupport.text(m, "id"))) data.add(m);
    });
    ObjectNode o = JsonSupport.object().put("object", "list");
    o.set("data", data);
    return new ApiResponse(200, from == null ? Map.of() : from.headers(), o.toString());
  }

  Map<String, String> json(Map<String, String> auth) {
    java.util.LinkedHashMap<String, String> h = new java.util.LinkedHashMap<>(auth);
    h.put("Content-Type", "application/json");
    return h;
  }

  static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  static String param(String query, String name) {
    for (String p : query.split("&")) {
      if (p.startsWith(name + "=")) return decode(p.substring(name.length() + 1));
    }
    return null;
  }
}
