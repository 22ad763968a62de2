package dev.vidsim.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Posts one webhook attempt on a real thread; the answer is a status, or 0 with an error.
 * Redirects are never followed (as Replicate's and most providers' senders): a 3xx is a failed
 * attempt, journaled with its Location.
 */
final class Sender {
  /**
   * Shared by every engine. A send is a blocking {@code send} on a sender thread: the client's
   * {@code sendAsync} always finishes on CompletableFuture's default pool, which on a 2-core
   * machine is a new thread per task (a thread start per delivery, and the TCK waits for each
   * answer). The client's own executor is direct: what runs there is a status read.
   */
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .executor(Runnable::run)
      .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();
  /** Reused threads; as many as attempts on the wire at once, idle ones end after a minute. */
  private static final ExecutorService SENDERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "vidsim-webhook-sender");
    t.setDaemon(true);
    return t;
  });

  /** @param location the Location of a 3xx answer (never followed), else null */
  record Result(int status, String error, String location) {
    boolean delivered() {
      return status >= 200 && status < 300;
    }

    boolean redirect() {
      return status >= 300 && status < 400;
    }
  }

  private Sender() {}

  static CompletableFuture<Result> post(String url, Map<String, String> headers, String body,
                                        Duration timeout) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    HttpRequest request = b.build();
    return CompletableFuture.supplyAsync(() -> send(request), SENDERS);
  }

  private static Result send(HttpRequest request) {
    try {
      HttpResponse<Void> r = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
      return new Result(r.statusCode(), null, r.headers().firstValue("Location").orElse(null));
    } catch (IOException | RuntimeException e) {
      return new Result(0, describe(e), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(0, "interrupted", null);
    }
  }

  private static String describe(Throwable e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    if (cause instanceof HttpTimeoutException) return "timeout";
    String m = cause.getMessage();
    return cause.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
