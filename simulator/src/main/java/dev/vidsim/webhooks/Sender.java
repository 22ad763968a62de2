package dev.vidsim.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Posts one webhook attempt on a real thread; the answer is a status, or 0 with an error.
 * Redirects are never followed (as Replicate's and most providers' senders): a 3xx is a failed
 * attempt, journaled with its Location.
 */
final class Sender {
  /**
   * Shared by every engine. Each send finishes on the client's own selector thread (a direct
   * executor: what runs there is a status read): the default would finish it on
   * CompletableFuture's pool, a new thread per task on a 2-core machine, and a pool of its own
   * costs a thread hand-off per delivery (the TCK's deliveries wait for each answer).
   */
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .executor(Runnable::run)
      .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();

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
    return HTTP.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding())
        .thenApply(r -> new Result(r.statusCode(), null,
            r.headers().firstValue("Location").orElse(null)))
        .exceptionally(e -> new Result(0, describe(e), null));
  }

  private static String describe(Throwable e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    if (cause instanceof HttpTimeoutException) return "timeout";
    String m = cause.getMessage();
    return cause.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
