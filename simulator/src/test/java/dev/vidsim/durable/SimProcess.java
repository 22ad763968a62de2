package dev.vidsim.durable;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** {@code vidsim serve --data-dir DIR} as a separate JVM, on the virtual clock, port 0. */
final class SimProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
  private static final long START_SECONDS_MAX = 120;
  private final Process process;
  private final String base;
  private final String banner;

  private SimProcess(Process process, String base, String banner) {
    this.process = process;
    this.base = base;
    this.banner = banner;
  }

  static SimProcess start(Path dir) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // the test classpath without Groovy (REST Assured's): picocli probes it, slowly
    String cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(p -> !p.contains("groovy")).collect(Collectors.joining(File.pathSeparator));
    Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xmx256m", "-cp", cp,
        "dev.vidsim.cli.Main", "serve", "--port", "0", "--clock", "virtual",
        "--data-dir", dir.toString()).redirectErrorStream(true).start();
    CompletableFuture<String> started = new CompletableFuture<>();
    Thread reader = new Thread(() -> drain(p, started), "vidsim-process-output");
    reader.setDaemon(true);
    reader.start();
    try {
      String banner = started.get(START_SECONDS_MAX, TimeUnit.SECONDS);
      Matcher m = LISTENING.matcher(banner);
      if (!m.find()) throw new IllegalStateException("no URL in: " + banner);
      return new SimProcess(p, m.group(1), banner);
    } catch (Exception e) {
      p.destroyForcibly();
      throw new IllegalStateException("vidsim did not start: " + e.getMessage(), e);
    }
  }

  /** Reads the output for good (a full pipe would block the server); the banner completes. */
  private static void drain(Process p, CompletableFuture<String> started) {
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (started.isDone()) continue;
        lines.add(line);
        if (line.contains("data dir:")) started.complete(String.join("\n", lines));
      }
    } catch (IOException e) {
      // the process died; a waiting start fails below
    }
    started.completeExceptionally(new IllegalStateException("exited: " + lines));
  }

  String banner() {
    return banner;
  }

  URI url(String path) {
    return URI.create(base + path);
  }

  /** kill -9: no shutdown hook, no flush, nothing. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
