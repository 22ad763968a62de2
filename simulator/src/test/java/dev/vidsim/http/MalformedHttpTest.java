package dev.vidsim.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.faults.SimFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client's HTTP-level mistakes are 4xx answers in the envelope of the dialect the path belongs
 * to, saying what was wrong and naming any limit: never a 500, Jetty's HTML, or a class name.
 */
class MalformedHttpTest {
  private static final String CREATE = "{\"model\":\"task-1\",\"prompt\":\"a cat\"}";
  private final SimFixture fx = new SimFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  private RawHttp.Response send(String request) {
    List<RawHttp.Response> all = RawHttp.exchange(fx.server.port(),
        request.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(all).as("responses to " + request.lines().findFirst().orElse("")).isNotEmpty();
    return all.get(0);
  }

  private static String post(String path, String headers, String body) {
    return "POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sk-alice\r\n"
        + "x-goog-api-key: sk-alice\r\nContent-Type: application/json\r\n" + headers + "\r\n"
        + body;
  }

  private static void assertError(RawHttp.Response r, int status, String path, String says) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(Envelope.forPath(path).problem(r)).as(r.body()).isNull();
    assertThat(Envelope.leak(r.body())).as(r.body()).isNull();
    assertThat(r.body()).contains(says);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1/videos", "/openai/v1/videos",
      "/gemini/v1beta/models/task-1:predictLongRunning"})
  void a_body_shorter_than_its_content_length_is_a_400_in_the_paths_envelope(String path) {
    RawHttp.Response r = send(post(path, "Content-Length: 100\r\n", CREATE));
    assertError(r, 400, path, "the request body ended before its Content-Length of 100 bytes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ZZ\r\nabc\r\n0\r\n\r\n", "5\r\nab", "3\r\nabcdef\r\n0\r\n\r\n"})
  void broken_chunked_encoding_is_a_400_not_a_500(String chunks) {
    RawHttp.Response r = send(post("/openai/v1/videos", "Transfer-Encoding: chunked\r\n",
        chunks));
    assertError(r, 400, "/openai/v1/videos", "chunked request body");
  }

  @Test
  void a_declared_body_over_the_limit_is_a_413_naming_the_limit() {
    String path = "/gemini/v1beta/models/task-1:predictLongRunning";
    RawHttp.Response r = send(post(path, "Content-Length: 50000000\r\n", CREATE));
    assertError(r, 413, path, "limit of " + RequestLimits.BODY_BYTES_MAX + " bytes");
    assertThat(r.body()).contains("\"status\":\"INVALID_ARGUMENT\"");
  }

  @Test
  void a_declared_body_over_the_limit_on_openrouter_is_its_413_with_an_integer_code() {
    String path = "/openrouter/api/v1/videos";
    RawHttp.Response r = send(post(path, "Content-Length: 60000000\r\n", CREATE));
    assertError(r, 413, path, "limit of " + RequestLimits.BODY_BYTES_MAX + " bytes");
    assertThat(r.body()).contains("\"code\":413");
  }

  @Test
  void a_chunked_body_over_the_limit_is_a_413_naming_the_limit() {
    int chunk = 64 * 1024;
    StringBuilder body = new StringBuilder();
    String bytes = "x".repeat(chunk);
    for (int sent = 0; sent <= RequestLimits.BODY_BYTES_MAX; sent += chunk) {
      body.append(Integer.toHexString(chunk)).append("\r\n").append(bytes).append("\r\n");
    }
    body.append("0\r\n\r\n");
    RawHttp.Response r = send(post("/v1/videos", "Transfer-Encoding: chunked\r\n", body
        .toString()));
    assertError(r, 413, "/v1/videos", "limit of " + RequestLimits.BODY_BYTES_MAX + " bytes");
  }

  @Test
  void a_uri_over_the_limit_is_a_414_in_the_paths_envelope_naming_the_limit() {
    String path = "/openai/v1/videos";
    String query = "?after=" + "a".repeat(RequestLimits.URI_BYTES_MAX);
    RawHttp.Response r = send("GET " + path + query + " HTTP/1.1\r\nHost: x\r\n\r\n");
    assertError(r, 414, path, "limit of " + RequestLimits.URI_BYTES_MAX + " bytes");
  }

  @Test
  void a_request_line_over_the_header_limit_is_a_414_in_vidsims_envelope() {
    String path = "/gemini/v1beta/" + "a".repeat(RequestLimits.HEADER_BYTES_MAX);
    RawHttp.Response r = send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
    // Jetty stops reading the line before its end, so the path (and its dialect) is unknown
    assertError(r, 414, "/", "limit of " + RequestLimits.URI_BYTES_MAX + " bytes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1/models", "/openai/v1/models", "/vertex/v1/publishers/google/models"})
  void headers_over_the_limit_are_a_431_in_the_paths_envelope(String path) {
    String header = "X-Big: " + "h".repeat(RequestLimits.HEADER_BYTES_MAX) + "\r\n";
    RawHttp.Response r = send("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + header + "\r\n");
    assertError(r, 431, path, "limit of " + RequestLimits.HEADER_BYTES_MAX + " bytes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GARBAGE\r\n\r\n", "GET\r\n\r\n", "GET /v1/models\u0001 HTTP/1.1\r\n\r\n",
      " / HTTP/1.1\r\nHost: x\r\n\r\n"})
  void a_bad_request_line_is_a_400_in_vidsims_envelope(String request) {
    assertError(send(request), 400, "/", "the request is malformed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/3.7", "HTTP/2.0", "HTTQ/1.1", "HTTP/1.1x"})
  void an_unsupported_http_version_is_a_4xx_not_a_505(String version) {
    RawHttp.Response r = send("GET /v1/models " + version + "\r\nHost: x\r\n\r\n");
    // HTTP/2.0 in an HTTP/1 request line is Jetty's 426 Upgrade Required
    assertThat(r.status()).as(r.body()).isIn(400, 426);
    assertThat(r.body()).contains("vidsim speaks HTTP/1.1");
    assertThat(Envelope.VIDSIM.problem(r)).isNull();
    assertThat(Envelope.leak(r.body())).isNull();
  }

  @Test
  void a_body_that_ends_early_is_journaled_with_what_was_wrong() {
    send(post("/v1/videos", "Content-Length: 100\r\n", CREATE));
    String journal = fx.sim.call(e -> e.journal().toJsonl());
    assertThat(journal).contains("\"bodyError\":\"the request body ended before its"
        + " Content-Length of 100 bytes\"");
    int jobs = fx.sim.call(e -> e.jobs().all().size());
    assertThat(jobs).isZero();
  }
}
