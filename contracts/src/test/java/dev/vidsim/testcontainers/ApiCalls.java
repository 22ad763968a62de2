package dev.vidsim.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** vidsim's /v1 API over java.net.http, as a client in another process would call it. */
final class ApiCalls {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String apiKey;

  ApiCalls(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  JsonNode create(String idempotencyKey, String body, int expectedStatus) {
    HttpResponse<String> r = send(request("/v1/videos")
        .header("Idempotency-Key", idempotencyKey).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    return json(r, expectedStatus);
  }

  JsonNode get(String jobId) {
    return getJson("/v1/videos/" + jobId, null, 200);
  }

  JsonNode getJson(String path, String adminToken, int expectedStatus) {
    HttpRequest.Builder b = request(path).GET();
    if (adminToken != null) b.header("X-Vidsim-Admin-Token", adminToken);
    return json(send(b), expectedStatus);
  }

  HttpResponse<String> post(String path, String body, String adminToken) {
    HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
    if (adminToken != null) b.header("X-Vidsim-Admin-Token", adminToken);
    return send(b);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + apiKey);
  }

  private HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> r, int expectedStatus) {
    assertThat(r.statusCode()).as("%s %s -> %s", r.request().method(), r.request().uri(), r.body())
        .isEqualTo(expectedStatus);
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
