package dev.vidsim.check;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * A loopback webhook receiver: records every delivery and answers from a script of statuses
 * (then 200). Used by {@code vidsim check} and by tests.
 */
public final class HookReceiver implements AutoCloseable {
  /** Deliveries remembered; a bound so a runaway retry loop cannot exhaust memory. */
  public static final int DELIVERIES_MAX = 10_000;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "vidsim-hook-receiver");
    t.setDaemon(true);
    return t;
  });
  private final Deque<Answer> answers = new ArrayDeque<>();
  private final List<Delivery> deliveries = new ArrayList<>();
  private long stallMillis;

  /**
   * One request as received, and the status it was answered with.
   *
   * @param headers every request header's first value, by name in any case
   */
  public record Delivery(String id, String timestamp, String signature, String body, int status,
                         Map<String, String> headers) {
    public Delivery {
      var copy = new java.util.TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
      copy.putAll(headers);
      headers = java.util.Collections.unmodifiableMap(copy);
    }

    public String header(String name) {
      return headers.get(name);
    }
  }

  public HookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback webhook receiver", e);
    }
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
  }

  /** An answer to one delivery: a status and headers (e.g. a 301's Location). */
  public record Answer(int status, Map<String, String> headers) {
    public Answer {
      headers = Map.copyOf(headers);
    }

    /** From a scenario step: a status number, or {@code {status, headers}}. */
    static Answer of(com.fasterxml.jackson.databind.JsonNode n) {
      if (n.isNumber()) return new Answer(n.asInt(), Map.of());
      Map<String, String> h = new java.util.LinkedHashMap<>();
      n.path("headers").fields().forEachRemaining(e -> h.put(e.getKey(), e.getValue().asText()));
      return new Answer(n.path("status").asInt(), h);
    }
  }

  /** The next deliveries are answered with these statuses, in order, then 200. */
  public synchronized void answer(List<Integer> next) {
    next.forEach(s -> answers.add(new Answer(s, Map.of())));
  }

  /** The next deliveries are answered with these statuses and headers, in order, then 200. */
  public synchronized void answerWith(List<Answer> next) {
    answers.addAll(next);
  }

  /** Holds the next answer this long (real time), to exercise the sender's timeout once. */
  public synchronized void stallNext(long millis) {
    stallMillis = millis;
  }

  public synchronized List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Answer answer;
    long stall;
    synchronized (this) {
      answer = answers.isEmpty() ? new Answer(200, Map.of()) : answers.poll();
      int status = answer.status();
      stall = stallMillis;
      stallMillis = 0;
      if (deliveries.size() < DELIVERIES_MAX) {
        Map<String, List<String>> h = ex.getRequestHeaders();
        deliveries.add(new Delivery(first(h, "webhook-id"), first(h, "webhook-timestamp"),
            first(h, "webhook-signature"), body, stall > 0 ? 0 : status, firsts(h)));
      }
    }
    if (stall > 0) pause(stall);
    answer.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.sendResponseHeaders(answer.status(), -1);
    ex.close();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, String> firsts(Map<String, List<String>> headers) {
    Map<String, String> out = new java.util.TreeMap<>();
    headers.forEach((k, v) -> {
      if (!v.isEmpty()) out.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0));
    });
    return out;
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
