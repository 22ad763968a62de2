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

/** Sends one request with java.net.http; no retries here. */
final class Http {
  private final HttpClient client;
  private final String baseUrl;
  private final String apiKey;
  private final Duration requestTimeout;

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

  ApiResponse send(Call call) throws IOException {
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

  private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new HashMap<>();
    headers.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    return out;
  }
}
