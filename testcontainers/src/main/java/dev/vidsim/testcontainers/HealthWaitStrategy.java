package dev.vidsim.testcontainers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Polls {@code /_sim/health} until it answers 200. Unlike {@code Wait.forHttp}, it needs no
 * mapped port, so it also works with host networking; and it fails at once, with the container's
 * last log lines, when the simulator exits (e.g. on a bad scenario file).
 */
final class HealthWaitStrategy extends AbstractWaitStrategy {
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static final int LOG_LINES_MAX = 20;
  private final Supplier<String> baseUrl;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(1)).build();

  HealthWaitStrategy(Supplier<String> baseUrl) {
    this.baseUrl = baseUrl;
    withStartupTimeout(Duration.ofSeconds(60));
  }

  @Override
  protected void waitUntilReady() {
    URI health = URI.create(baseUrl.get() + "/_sim/health");
    long deadline = System.nanoTime() + startupTimeout.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(health)
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) return;
        last = "HTTP " + r.statusCode() + ": " + r.body();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ContainerLaunchException("interrupted while waiting for " + health, e);
      }
      if (!waitStrategyTarget.isRunning()) {
        throw new ContainerLaunchException("vidsim exited before " + health + " answered."
            + " Its last output:\n" + tail(waitStrategyTarget.getLogs()));
      }
      pause();
    }
    throw new ContainerLaunchException("vidsim did not answer 200 on " + health + " within "
        + startupTimeout.toSeconds() + " s (last: " + last + "). Its last output:\n"
        + tail(waitStrategyTarget.getLogs()));
  }

  private static String tail(String logs) {
    List<String> lines = logs.lines().toList();
    int from = Math.max(0, lines.size() - LOG_LINES_MAX);
    return String.join("\n", lines.subList(from, lines.size()));
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerLaunchException("interrupted while waiting for vidsim", e);
    }
  }
}
