package dev.vidsim.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** vidsim's /v1 endpoints as typed calls, each retried under the client's policy. */
final class Api {
  private final Retrier retrier;
  private final IdempotencyPolicy idempotency;
  /** The provider honours the key: resending a create can never make a second job. */
  private final boolean resendsSafely;

  Api(Retrier retrier, IdempotencyPolicy idempotency) {
    this(retrier, idempotency, true);
  }

  Api(Retrier retrier, IdempotencyPolicy idempotency, boolean resendsSafely) {
    this.retrier = retrier;
    this.idempotency = idempotency;
    this.resendsSafely = resendsSafely;
  }

  JsonNode models() {
    return retrier.send(Call.get("models", "/v1/models", null)).json();
  }

  /**
   * Creates a job; every retry sends the same key and body. Before each retry that follows an
   * ambiguous failure (timeout, dropped connection, 5xx) it looks the key up first, so a create
   * whose response was lost is found rather than paid for again. Those lookups are single
   * requests (a failed one just lets the create retry, under the same key); the key is looked up
   * with retries of its own only at the end: when the retries run out, or when a retry after an
   * ambiguous failure is refused (the earlier attempt may have made the job). One logical create
   * thus sends at most three times the policy's attempts, however long the outage. To a provider
   * without keys ({@code resendsSafely} false) a create is resent only after a lookup answered
   * "no such job" ({@link UnkeyedLookup}).
   */
  VideoJob create(String key, String body) {
    Call call = new Call("create", "POST", "/v1/videos", body, key, null,
        r -> JsonSupport.amount(r.json(), "charged"));
    KeyLookups lookups = new KeyLookups(key);
    try {
      return VideoJob.fromJson(retrier.send(n -> call.withKey(idempotency.header(key, n)),
          lookups).json());
    } catch (ApiException refused) {
      if (lookups.ambiguous == null || lookups.settled) throw refused;
      Optional<ApiResponse> made;
      try {
        made = lookups.settle(null);
      } catch (ApiException lookupFailed) {
        throw outcomeUnknown(lookups.ambiguous, refused, lookupFailed);
      }
      if (made.isPresent()) return VideoJob.fromJson(made.get().json());
      throw refused;
    }
  }

  /**
   * A retry was refused, but an earlier attempt failed ambiguously and the key could not be
   * looked up: a job may exist, so the refusal is not the final word. Reported as the ambiguous
   * failure (transient), so the caller resumes with the same key instead of giving up.
   */
  private static ApiException outcomeUnknown(Failure ambiguous, ApiException refused,
                                             ApiException lookupFailed) {
    ApiException e = new ApiException(ambiguous.status(), ambiguous.code(), "create outcome "
        + "unknown: an attempt failed (" + ambiguous.describe() + "), a retry was refused ("
        + refused.getMessage() + ") and the key could not be looked up; resume with the same "
        + "key", refused.attempts());
    e.addSuppressed(refused);
    e.addSuppressed(lookupFailed);
    return e;
  }

  /** The lookups of one logical create, and what they have learnt. */
  private final class KeyLookups implements Retrier.BeforeRetry {
    private final String key;
    private final AtomicReference<Instant> notBefore = new AtomicReference<>();
    /** The last ambiguous failure, if any: a job may exist under the key. */
    private Failure ambiguous;
    /** The key was looked up with retries (the last word). */
    private boolean settled;

    KeyLookups(String key) {
      this.key = key;
    }

    @Override
    public Optional<ApiResponse> check(Failure last) {
      if (!lookingUp(last)) return Optional.empty();
      ambiguous = last;
      if (!resendsSafely) return UnkeyedLookup.check(retrier, lookupCall(key), notBefore, last);
      return lookupOnce(key, notBefore).map(Api::found);
    }

    /** @param last null when called after a refusal that followed an ambiguous failure */
    @Override
    public Optional<ApiResponse> settle(Failure last) {
      if (last != null && !lookingUp(last)) return Optional.empty();
      if (!idempotency.lookUpBeforeRetry()) return Optional.empty();
      settled = true;
      retrier.waitUntil(notBefore.get());
      return lookupJson(key).map(Api::found);
    }
  }

  private boolean lookingUp(Failure last) {
    return last.isAmbiguous() && idempotency.lookUpBeforeRetry();
  }

  private static ApiResponse found(JsonNode job) {
    return new ApiResponse(200, Map.of(), job.toString());
  }

  private static Call lookupCall(String key) {
    String path = "/v1/videos?limit=1&idempotency_key=" + encode(key);
    return new Call("lookup", "GET", path, null, key, null, r -> Amount.ZERO);
  }

  /** The job created with this key, if any ({@code GET /v1/videos?idempotency_key=K}). */
  Optional<VideoJob> lookup(String key) {
    return lookupJson(key).map(VideoJob::fromJson);
  }

  private Optional<JsonNode> lookupJson(String key) {
    JsonNode data = retrier.send(lookupCall(key)).json().path("data");
    return data.size() == 0 ? Optional.empty() : Optional.of(data.get(0));
  }

  /**
   * The job with this key, from one lookup request; empty if none, if the lookup failed, or if
   * an earlier lookup's Retry-After has not passed (then nothing is sent).
   */
  private Optional<JsonNode> lookupOnce(String key, AtomicReference<Instant> notBefore) {
    return retrier.sendOnce(lookupCall(key), notBefore).map(r -> r.json().path("data"))
        .filter(d -> d.size() > 0).map(d -> d.get(0));
  }

  /** @param waited the poll interval waited before this poll, for the request log */
  VideoJob get(String jobId, Amount pollFee, Duration waited) {
    Call call = Call.get("get", "/v1/videos/" + encode(jobId), jobId).withCost(r -> pollFee)
        .afterWaiting(waited);
    return VideoJob.fromJson(retrier.send(call).json());
  }

  VideoJob cancel(String jobId) {
    Call call = new Call("cancel", "POST", "/v1/videos/" + encode(jobId) + "/cancel", "{}", null,
        jobId, r -> Amount.ZERO);
    return VideoJob.fromJson(retrier.send(call).json());
  }

  JsonNode usage() {
    return retrier.send(Call.get("usage", "/v1/account/usage", null)).json();
  }

  JsonNode balance() {
    return retrier.send(Call.get("balance", "/v1/account/balance", null)).json();
  }

  /** {@code GET /v1/webhooks/secret} → {@code {"key":"whsec_.."}}. */
  String webhookSecret() {
    return JsonSupport.text(retrier.send(Call.get("webhook-secret", "/v1/webhooks/secret", null))
        .json(), "key");
  }

  List<VideoJob> list(String status, int limit) {
    String path = "/v1/videos?limit=" + limit + (status == null ? "" : "&status=" + encode(status));
    List<VideoJob> out = new ArrayList<>();
    retrier.send(Call.get("list", path, null)).json().path("data")
        .forEach(j -> out.add(VideoJob.fromJson(j)));
    return out;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
