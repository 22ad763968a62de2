package dev.vidsim.http.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, run once per page: {@code --dump-dom} gives the DOM after the
 * page's scripts ran, {@code --screenshot} a PNG. Virtual time lets the page's fetches and timers
 * finish without real waiting; every run gets a fresh profile. Absent Chromium skips the test,
 * saying so, except under CI=true, where it fails (.ci/run installs it).
 */
final class Chromium {
  private static final List<String> FLAGS = List.of("--headless", "--no-sandbox",
      "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--virtual-time-budget=5000");
  private static final long TIMEOUT_SECONDS = 90;
  private final String binary;

  private Chromium(String binary) {
    this.binary = binary;
  }

  /** The browser, or the test is skipped (outside CI) or failed (under CI=true). */
  static Chromium require() {
    String binary = find();
    if (binary == null) {
      String why = "headless Chromium not found (Debian: apt-get install chromium; .ci/run"
          + " installs it)";
      if ("true".equals(System.getenv("CI"))) throw new AssertionError(why + " under CI=true");
      Assumptions.abort(why);
    }
    return new Chromium(binary);
  }

  private static String find() {
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) return p.toString();
      }
    }
    return null;
  }

  /** The DOM after the page ran, at this window size. */
  String dom(String url, int width, int height) throws IOException, InterruptedException {
    return run(url, List.of("--window-size=" + width + "," + height, "--dump-dom"));
  }

  /** Saves what a window of this size shows to {@code png}. */
  void screenshot(String url, int width, int height, Path png)
      throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.deleteIfExists(png);
    run(url, List.of("--window-size=" + width + "," + height,
        "--screenshot=" + png.toAbsolutePath(), "--hide-scrollbars"));
    assertThat(png).as("chromium wrote the screenshot").exists();
    assertThat(Files.size(png)).as("screenshot size").isGreaterThan(10_000);
  }

  private String run(String url, List<String> extra) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("vidsim-chromium");
    try {
      List<String> cmd = new ArrayList<>(List.of(binary));
      cmd.addAll(FLAGS);
      cmd.add("--user-data-dir=" + profile);
      cmd.addAll(extra);
      cmd.add(url);
      Path stdout = profile.resolveSibling(profile.getFileName() + ".out");
      Path stderr = profile.resolveSibling(profile.getFileName() + ".log");
      Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile()).start();
      boolean ended = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!ended) p.destroyForcibly().waitFor();
      String out = Files.readString(stdout, StandardCharsets.UTF_8);
      String log = Files.readString(stderr, StandardCharsets.UTF_8);
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
      assertThat(ended).as("chromium ended within " + TIMEOUT_SECONDS + " s").isTrue();
      assertThat(p.exitValue()).as("chromium exit status; its log:\n" + log).isZero();
      return out;
    } finally {
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
