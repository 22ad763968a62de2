package dev.vidsim.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A scripted loopback HTTP server (mockwebserver-style): enqueue responses per route, run the
 * client, then read the recorded requests. Unscripted requests get 500 "unscripted".
 */
final class StubServer implements AutoCloseable {
  /** A scripted answer; {@code drop} closes the connection without answering. */
  record Reply(int status, Map<String, String> headers, String body, boolean drop,
               long stallMillis) {
    static Reply json(int status, String body) {
      return new Reply(status, Map.of(), body, false, 0);
    }

    static Reply dropConnection() {
      return new Reply(0, Map.of(), "", true, 0);
    }

    /** Answers only after a real-time stall, to trigger the client's request timeout. */
    static Reply stall(long millis, int status, String body) {
      return new Reply(status, Map.of(), body, false, millis);
    }

    Reply header(String name, String value) {
      Map<String, String> h = new java.util.HashMap<>(headers);
      h.put(name, value);
      return new Reply(status, h, body, drop, stallMillis);
    }
  }

  record Recorded(String method, String path, String query, Map<String, List<String>> headers,
                  String body) {
    String header(String name) {
      List<String> v = headers.get(name);
      return v == null ? null : v.get(0);
    }
  }

  private final HttpServer server;
  private final Map<String, Deque<Reply>> scripts = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<Recorded> requests = java.util.Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch closing = new CountDownLatch(1);

  StubServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Route is "METHOD /path" without the query string, e.g. "POST /v1/videos". */
  StubServer enqueue(String route, Reply... replies) {
    Deque<Reply> q = scripts.computeIfAbsent(route, k -> new ConcurrentLinkedDeque<>());
    q.addAll(List.of(replies));
    return this;
  }

  /** Drops what was scripted for the route and scripts these replies instead. */
  StubServer replace(String route, Reply... replies) {
    scripts.remove(route);
    return enqueue(route, replies);
  }

  List<Recorded> requests() {
    return List.copyOf(requests);
  }

  List<Recorded> requests(String route) {
    return requests().stream().filter(r -> route.equals(r.method() + " " + r.path())).toList();
  }

  private void handle(HttpExchange ex) throws IOException {
    String body;
    try (InputStream in = ex.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, List<String>> headers = new java.util.HashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v));
    String path = ex.getRequestURI().getRawPath();
    String query = ex.getRequestURI().getRawQuery();
    requests.add(new Recorded(ex.getRequestMethod(), path, query, headers, body));
    Deque<Reply> q = scripts.get(ex.getRequestMethod() + " " + path);
    Reply r = q == null ? null : q.size() > 1 ? q.pollFirst() : q.peekFirst();
    if (r == null) r = Reply.json(500, "{\"error\":{\"code\":\"unscripted\",\"message\":\""
        + ex.getRequestMethod() + " " + path + "\"}}");
    if (r.drop()) {
      ex.close();
      return;
    }
    if (r.stallMillis() > 0) {
      try {
        closing.await(r.stallMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.getResponseHeaders().add("Content-Type", "application/json");
    byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
  }
}
