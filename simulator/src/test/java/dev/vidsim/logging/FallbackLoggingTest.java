package dev.vidsim.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The simulator embedded in a project with no SLF4J provider prints neither SLF4J's warning nor
 * Javalin's missing-logger notice, yet still shows warnings; a project's own provider is kept.
 * Each case is a child JVM: SLF4J binds once per JVM.
 */
class FallbackLoggingTest {
  private static final long CHILD_SECONDS_MAX = 60;

  @Test
  void aProjectWithoutProviderGetsWarningsOnlyAndNoNotices() throws Exception {
    String out = runChild(entry -> !entry.contains("slf4j-simple"));

    assertThat(out).doesNotContain("SLF4J").doesNotContain("have a logger")
        .contains("factory=dev.vidsim.logging.StderrProvider")
        .contains("property=dev.vidsim.logging.StderrProvider")
        .contains("[vidsim] WARN probe - a warning from the probe");
  }

  @Test
  void aProjectWithItsOwnProviderKeepsIt() throws Exception {
    String out = runChild(entry -> true);

    assertThat(out).doesNotContain("SLF4J").doesNotContain("have a logger")
        .contains("factory=org.slf4j.simple.SimpleLoggerFactory")
        .contains("property=null")
        .doesNotContain("[vidsim]");
  }

  /** Runs {@link StartEmbedded} on this test's classpath, with the entries {@code keep} keeps. */
  private static String runChild(Predicate<String> keep) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(keep).collect(Collectors.joining(File.pathSeparator));
    Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xmx128m", "-cp", cp,
        StartEmbedded.class.getName()).redirectErrorStream(true).start();
    byte[] output = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(CHILD_SECONDS_MAX, TimeUnit.SECONDS)).isTrue();
    String text = new String(output, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isZero();
    return text;
  }
}
