package dev.vidsim.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the official JavaScript SDKs' scenarios in {@code sdk-tests/js} with {@code node}: installs
 * the pinned packages once ({@code npm ci}), then runs one script with the simulator's URL and
 * a key in its environment and reads the {@code RESULT {...}} line it prints. Without node or
 * npm on the machine the calling test is skipped, saying so.
 */
public final class NodeScripts {
  public static final Path DIR = Path.of("..", "sdk-tests", "js").toAbsolutePath().normalize();
  static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
  static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
  private static boolean installed;

  private NodeScripts() {}

  /** What one script did: its exit code, its output, and the result it reported. */
  public record Run(int exit, String stdout, String stderr, JsonNode result) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
  }

  /** Skips the test when node or npm is missing; installs the pinned SDKs on first use. */
  public static synchronized void requireSdks() {
    assumeTrue(runs("node", "--version") && runs("npm", "--version"),
        "node and npm are not installed (apt-get install nodejs npm); JS SDK tests skipped");
    if (installed) return;
    boolean present = Files.isDirectory(DIR.resolve("node_modules/replicate"))
        && Files.isDirectory(DIR.resolve("node_modules/@fal-ai/client"))
        && Files.isDirectory(DIR.resolve("node_modules/@runwayml/sdk"));
    if (!present) {
      Run ci = exec(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"),
          null, null, INSTALL_TIMEOUT);
      assertThat(ci.exit()).as("npm ci in %s\n%s", DIR, ci).isZero();
    }
    installed = true;
  }

  /** Runs {@code script} against the simulator at {@code baseUrl} with {@code apiKey}. */
  public static Run run(String script, String baseUrl, String apiKey) {
    requireSdks();
    Run r = exec(List.of("node", script), baseUrl, apiKey, RUN_TIMEOUT);
    assertThat(r.result()).as("%s printed no RESULT line\n%s", script, r).isNotNull();
    return r;
  }

  private static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Run exec(List<String> command, String baseUrl, String apiKey,
                          Duration timeout) {
    try {
      Path out = Files.createTempFile("vidsim-node", ".out");
      Path err = Files.createTempFile("vidsim-node", ".err");
      ProcessBuilder b = new ProcessBuilder(command).directory(DIR.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      if (baseUrl != null) b.environment().put("VIDSIM_URL", baseUrl);
      if (apiKey != null) b.environment().put("VIDSIM_KEY", apiKey);
      Process p = b.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      return new Run(p.isAlive() ? -1 : p.exitValue(), stdout, stderr, result(stdout));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command, e);
    }
  }

  private static JsonNode result(String stdout) throws IOException {
    JsonNode last = null;
    for (String line : stdout.split("\n")) {
      if (line.startsWith("RESULT ")) last = Json.MAPPER.readTree(line.substring(7));
    }
    return last;
  }
}
