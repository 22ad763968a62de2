package dev.vidsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rules of STYLE.md that a compiler does not check, over every module's sources:
 * determinism (time and randomness only from the clock and random packages) and size limits.
 */
class SourceRulesTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern NONDETERMINISM = Pattern.compile(
      "Instant\\.now\\(|System\\.currentTimeMillis\\(|System\\.nanoTime\\(|new Random\\("
          + "|UUID\\.randomUUID\\(|Math\\.random\\(|LocalDateTime\\.now\\(");
  private static final int COLUMNS_MAX = 100;
  private static final int FILE_LINES_MAX = 300;

  private static List<Path> javaFiles(String under) {
    try (Stream<Path> walk = Files.walk(ROOT)) {
      return walk.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().replace('\\', '/').contains(under))
          .filter(p -> !p.toString().contains("/target/"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(Path p) {
    try {
      return Files.readAllLines(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The seam: the engine has no HTTP types, and a dialect reaches no engine internals. */
  @Test
  void only_http_dialects_and_cli_see_javalin_and_dialects_see_no_engine_internals() {
    List<String> offenders = new ArrayList<>();
    // clock.InstantText is how every wire writes a time, not the scheduler: it may be imported
    Pattern internals = Pattern.compile("^import dev\\.vidsim\\.(ledger|idempotency|webhooks"
        + "|clock\\.(?!InstantText;)|random|pricing\\.PriceCalculator|limits\\.RateLimits"
        + "|gate\\.Gate;|jobs\\.Job;|jobs\\.JobStore|tenants\\.Tenants)");
    for (Path p : javaFiles("simulator/src/main/java/")) {
      String unix = p.toString().replace('\\', '/');
      boolean web = unix.contains("/dev/vidsim/http/") || unix.contains("/dev/vidsim/dialect/")
          || unix.contains("/dev/vidsim/cli/") || unix.contains("/dev/vidsim/check/");
      boolean dialect = unix.contains("/dev/vidsim/dialect/");
      List<String> ls = lines(p);
      for (int i = 0; i < ls.size(); i++) {
        String line = ls.get(i);
        boolean httpImport = line.startsWith("import io.javalin")
            || line.startsWith("import dev.vidsim.http") || line.startsWith("import org.eclipse");
        if (!web && httpImport) offenders.add(p + ":" + (i + 1) + " (HTTP type in the engine)");
        if (dialect && internals.matcher(line).find()) {
          offenders.add(p + ":" + (i + 1) + " (engine internal in a dialect)");
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  @Test
  void the_simulator_reads_time_and_randomness_only_through_clock_and_random() {
    List<String> offenders = new ArrayList<>();
    for (Path p : javaFiles("simulator/src/main/java/")) {
      String unix = p.toString().replace('\\', '/');
      if (unix.contains("/dev/vidsim/clock/") || unix.contains("/dev/vidsim/random/")) continue;
      List<String> ls = lines(p);
      for (int i = 0; i < ls.size(); i++) {
        if (NONDETERMINISM.matcher(ls.get(i)).find()) offenders.add(p + ":" + (i + 1));
      }
    }
    assertThat(offenders).as("use SimClock / SimRandom instead").isEmpty();
  }

  @Test
  void lines_fit_in_100_columns_in_every_module() {
    List<String> offenders = new ArrayList<>();
    for (Path p : javaFiles("/src/")) {
      List<String> ls = lines(p);
      for (int i = 0; i < ls.size(); i++) {
        if (ls.get(i).length() > COLUMNS_MAX) offenders.add(p + ":" + (i + 1));
      }
    }
    assertThat(javaFiles("/src/")).hasSizeGreaterThan(100);
    assertThat(offenders).isEmpty();
  }

  @Test
  void main_source_files_stay_under_300_lines() {
    List<String> offenders = new ArrayList<>();
    for (Path p : javaFiles("/src/main/java/")) {
      int n = lines(p).size();
      if (n > FILE_LINES_MAX) offenders.add(p + " (" + n + " lines)");
    }
    assertThat(offenders).isEmpty();
  }
}
