package dev.vidsim.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vidsim health}: exit 0 when a running simulator answers 200 on /_sim/health. The Docker
 * image's HEALTHCHECK uses it because its runtime has no shell, curl or wget.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
    description = "Check a running simulator: exit 0 if GET /_sim/health answers 200, else 1.")
final class HealthCommand implements Callable<Integer> {
  @Option(names = "--url", paramLabel = "URL",
      defaultValue = "http://127.0.0.1:${env:VIDSIM_PORT:-8080}/_sim/health",
      description = "Health URL (default: ${DEFAULT-VALUE}; env VIDSIM_PORT sets the port).")
  URI url;

  @Option(names = "--timeout-ms", defaultValue = "2000",
      description = "Give up after this many milliseconds (default: ${DEFAULT-VALUE}).")
  long timeoutMs;

  @Override
  public Integer call() throws InterruptedException {
    Duration timeout = Duration.ofMillis(timeoutMs);
    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(timeout).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        System.out.println(r.body());
        return 0;
      }
      System.err.println("vidsim health: " + url + " answered " + r.statusCode() + ": " + r.body());
    } catch (IOException e) {
      System.err.println("vidsim health: " + url + " unreachable: " + e);
    }
    return 1;
  }
}
