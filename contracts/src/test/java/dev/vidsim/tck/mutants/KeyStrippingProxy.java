package dev.vidsim.tck.mutants;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * Sits between a client and the simulator and drops the Idempotency-Key header from creates:
 * the behaviour of a client that never sends one, without touching the client's code.
 */
final class KeyStrippingProxy {
  private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length",
      "host", "expect", "upgrade", "idempotency-key");
  private static KeyStrippingProxy shared;
  private final HttpServer server;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).build();
  private final String target;

  private KeyStrippingProxy(String target) throws IOException {
    this.target = target;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        0);
    server.createContext("/", this::forward);
    server.start();
  }

  /** The proxy's base URL in front of {@code target} (one per JVM: the TCK host never moves). */
  static synchronized String before(String target) {
    try {
      if (shared == null) shared = new KeyStrippingProxy(target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "http://127.0.0.1:" + shared.server.getAddress().getPort();
  }

  private void forward(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      URI uri = URI.create(target + ex.getRequestURI());
      HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(ex.getRequestMethod(),
          body.length == 0 ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
      ex.getRequestHeaders().forEach((name, values) -> {
        boolean strip = NOT_FORWARDED.contains(name.toLowerCase())
            && !(name.equalsIgnoreCase("idempotency-key") && !isCreate(ex));
        if (!strip) values.forEach(v -> b.header(name, v));
      });
      HttpResponse<byte[]> r;
      try {
        r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException dropped) {
        return; // the simulator dropped the connection: so does the proxy
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      r.headers().map().forEach((name, values) -> {
        if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
          ex.getResponseHeaders().put(name, values);
        }
      });
      ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
      if (r.body().length > 0) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(r.body());
        }
      }
    }
  }

  private static boolean isCreate(HttpExchange ex) {
    return ex.getRequestMethod().equals("POST")
        && ex.getRequestURI().getPath().equals("/v1/videos");
  }
}
