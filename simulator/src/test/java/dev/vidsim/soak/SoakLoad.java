package dev.vidsim.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One client of the soak: create a job (with an idempotency key every other time, replayed
 * once), poll it until it ends (the accelerated clock finishes it in milliseconds), now and then
 * list, read the balance and cancel; counts every status and remembers every job it was told of.
 */
final class SoakLoad implements Runnable {
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z_]+)\"");
  private static final List<String> ENDED = List.of("succeeded", "failed", "timed_out",
      "cancelled", "expired");
  /** Polls of one job before the client gives up on it (it is left to the store's bound). */
  private static final int POLLS_PER_JOB_MAX = 2_000;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String key;
  private final BooleanSupplier running;
  final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
  final Map<String, String> acknowledged = new ConcurrentHashMap<>();
  final AtomicLong requests = new AtomicLong();

  SoakLoad(String base, String key, BooleanSupplier running) {
    this.base = base;
    this.key = key;
    this.running = running;
  }

  @Override
  public void run() {
    for (long i = 0; running.getAsBoolean(); i++) {
      String model = i % 2 == 0 ? "per-task" : "per-second";
      String body = "{\"model\":\"" + model + "\",\"prompt\":\"soak " + i + "\",\"seconds\":4}";
      String idem = i % 2 == 0 ? key + "-" + i : null;
      String created = send("POST", "/v1/videos", body, idem);
      if (idem != null) send("POST", "/v1/videos", body, idem); // a retry: replayed, not paid
      Matcher id = ID.matcher(created);
      if (!id.find()) continue;
      acknowledged.put(id.group(1), model);
      if (i % 7 == 3) send("POST", "/v1/videos/" + id.group(1) + "/cancel", "{}", null);
      for (int poll = 0; poll < POLLS_PER_JOB_MAX && running.getAsBoolean(); poll++) {
        Matcher s = STATUS.matcher(send("GET", "/v1/videos/" + id.group(1), null, null));
        if (!s.find() || ENDED.contains(s.group(1))) break;
      }
      if (i % 10 == 0) {
        send("GET", "/v1/videos?limit=20", null, null);
        send("GET", "/v1/account/balance", null, null);
      }
    }
  }

  private String send(String method, String path, String body, String idempotencyKey) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) b.header("Content-Type", "application/json");
    if (idempotencyKey != null) b.header("Idempotency-Key", idempotencyKey);
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      requests.incrementAndGet();
      statuses.computeIfAbsent(r.statusCode(), s -> new AtomicLong()).incrementAndGet();
      return r.body();
    } catch (IOException e) {
      statuses.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
