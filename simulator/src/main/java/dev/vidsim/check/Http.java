package dev.vidsim.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The check's HTTP client: a dropped connection or a read timeout is status 0, not an error. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration TIMEOUT_DEFAULT = Duration.ofSeconds(30);
  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  /** One answer; body is null when there was none or it was not JSON. */
  record Answer(int status, JsonNode body, String text) {
    String brief() {
      if (status == 0) return "no response (" + text + ")";
      String t = text == null ? "" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
      return status + " " + t;
    }
  }

  Http(String base) {
    this.base = base;
  }

  Answer send(String method, String path, String apiKey, String idempotencyKey, String body,
              Duration timeout) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(timeout == null ? TIMEOUT_DEFAULT : timeout)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) b.header("Content-Type", "application/json");
    if (apiKey != null) b.header("Authorization", "Bearer " + apiKey);
    if (idempotencyKey != null) b.header("Idempotency-Key", idempotencyKey);
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), parse(r.body()), r.body());
    } catch (IOException e) {
      return new Answer(0, null, e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, null, "interrupted");
    }
  }

  JsonNode admin(String method, String path, String body) {
    Answer a = send(method, path, null, null, body, null);
    if (a.status() / 100 != 2 || a.body() == null) {
      throw new IllegalStateException("admin call " + method + " " + path + " failed: "
          + a.brief());
    }
    return a.body();
  }

  private static JsonNode parse(String text) {
    if (text == null || text.isBlank()) return null;
    try {
      return JSON.readTree(text);
    } catch (IOException notJson) {
      return null;
    }
  }
}
