package dev.vidsim.client.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A tiny HTTP endpoint (JDK httpserver, loopback only) that feeds deliveries to a
 * {@link WebhookInbox}. In a real service, call {@link WebhookInbox#receive} from your own
 * framework's handler instead.
 */
public final class WebhookReceiver implements AutoCloseable {
  public static final String PATH = "/webhooks";
  private static final int BODY_BYTES_MAX = 1 << 20;
  private final HttpServer server;

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  /** Listens on 127.0.0.1:{@code port} (0 picks a free one). */
  public static WebhookReceiver start(WebhookInbox inbox, int port) throws IOException {
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext(PATH, exchange -> handle(inbox, exchange));
    server.start();
    return new WebhookReceiver(server);
  }

  private static void handle(WebhookInbox inbox, HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes;
      try (InputStream in = exchange.getRequestBody()) {
        bytes = in.readNBytes(BODY_BYTES_MAX);
      }
      var delivery = inbox.receive(exchange.getRequestHeaders(),
          new String(bytes, StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(delivery.httpStatus(), -1);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
