package dev.vidsim.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.vidsim.client.wire.ProviderWire;
import dev.vidsim.client.wire.WireCall;

/**
 * Sends one request with java.net.http; no retries here. With a provider wire, each of the
 * client's {@code /v1} calls goes out in the provider's dialect instead.
 */
final class Http {
  private final HttpClient client;
  private final String baseUrl;
  private final String apiKey;
  private final Duration requestTimeout;
  private ProviderWire wire;

  /** @param shared a client to reuse (its connect timeout applies), or null for a new one */
  Http(String baseUrl, String apiKey, Duration connectTimeout, Duration requestTimeout,
       HttpClient shared) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.apiKey = apiKey;
    this.requestTimeout = requestTimeout;
    this.client = shared != null ? shared : HttpClient.newBuilder().connectTimeout(connectTimeout)
        .version(HttpClient.Version.HTTP_1_1).build();
  }

  String baseUrl() {
    return baseUrl;
  }

  /** Speaks {@code wire}'s dialect from now on (null: vidsim's own /v1). */
  Http speaking(ProviderWire w) {
    this.wire = w;
    return this;
  }

  ApiResponse send(Call call) throws IOException {
    if (wire != null) {
      return wire.exchange(new WireCall(call.method(), call.path(), call.body(),
          call.idempotencyKey()), this::raw);
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + call.path()))
        .timeout(requestTimeout)
        .header("Authorization", "Bearer " + apiKey)
        .header("Accept", "application/json");
    if (call.idempotencyKey() != null) b.header("Idempotency-Key", call.idempotencyKey());
    if (call.body() != null) {
      b.header("Content-Type", "application/json")
          .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
    } else {
      b.method(call.method(), HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new ApiResponse(r.statusCode(), lowerCase(r.headers().map()), r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling " + call.path(), e);
    }
  }

  /** One request of the provider's own API: exactly the headers given. */
  private ApiResponse raw(String method, String path, Map<String, String> headers, String body)
      throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(requestTimeout);
    headers.forEach(b::header);
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new ApiResponse(r.statusCode(), lowerCase(r.headers().map()), r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling " + path, e);
    }
  }

  private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new HashMap<>();
    headers.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    return out;
  }
}
