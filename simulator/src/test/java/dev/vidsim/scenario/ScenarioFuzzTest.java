package dev.vidsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import dev.vidsim.scenario.HostileScenarios.Doc;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Broken and hostile scenario files (see {@link HostileScenarios}) either load or are refused
 * with {@code file:line:column: ...}: never another exception, a stack trace or an internal class
 * name, and each load in bounded time and memory (bytes allocated by the loading thread). The
 * counts per run are printed. Seeded: the same cases every build.
 */
class ScenarioFuzzTest {
  /** Per load, far above what a real one takes (milliseconds), so a busy CI machine passes. */
  static final long LOAD_MILLIS_MAX = 10_000;
  static final long LOAD_BYTES_MAX = 400L * 1024 * 1024;
  static final int MESSAGE_LINES_MAX = Problems.REPORTED_MAX + 1;
  static final int MESSAGE_LINE_CHARS_MAX = 600;
  /** A Java class or package name, an exception's name or a stack frame. */
  static final Pattern INTERNALS = Pattern.compile("\\b(java|javax|jdk|sun|com|org|dev)\\.[a-z]"
      + "+\\.|[A-Z]\\w*(Exception|Error)\\b|\\n\\s+at |\\.java:\\d+");
  private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();
  private static final AtomicLong MOST_BYTES = new AtomicLong();
  private static final AtomicLong MOST_MILLIS = new AtomicLong();

  @Property(tries = 2000, seed = "20261207")
  void a_mutated_scenario_loads_or_is_refused_with_a_located_plain_error(
      @ForAll("mutated") Doc doc) {
    check(doc);
  }

  @Property(tries = 100, seed = "20261207")
  void an_expensive_scenario_is_refused_in_bounded_time_and_memory(
      @ForAll("expensive") Doc doc) {
    assertThat(check(doc)).as("loaded: " + doc).isFalse();
  }

  @Provide
  Arbitrary<Doc> mutated() {
    return HostileScenarios.mutated();
  }

  @Provide
  Arbitrary<Doc> expensive() {
    return HostileScenarios.expensive();
  }

  /** Loads the document; true when it loaded. */
  static boolean check(Doc doc) {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long bytes0 = threads.getCurrentThreadAllocatedBytes();
    long t0 = System.nanoTime();
    ScenarioException refused = null;
    try {
      ScenarioLoader.parse(doc.name(), doc.text());
    } catch (ScenarioException e) {
      refused = e;
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    long bytes = threads.getCurrentThreadAllocatedBytes() - bytes0;
    MOST_MILLIS.accumulateAndGet(millis, Math::max);
    MOST_BYTES.accumulateAndGet(bytes, Math::max);
    assertThat(millis).as("milliseconds to load " + doc).isLessThan(LOAD_MILLIS_MAX);
    assertThat(bytes).as("bytes allocated loading " + doc).isLessThan(LOAD_BYTES_MAX);
    count(group(doc) + (refused == null ? " loaded" : " refused"));
    if (refused != null) assertPlainAndLocated(doc.name(), refused.getMessage(), doc.text(), doc);
    return refused == null;
  }

  /** @param source the file's text: what it says itself may be quoted back */
  static void assertPlainAndLocated(String file, String message, String source, Object doc) {
    String[] lines = message.split("\n");
    assertThat(lines.length).as("lines of " + message).isLessThanOrEqualTo(MESSAGE_LINES_MAX);
    for (String line : lines) {
      if (line.startsWith("(and ")) continue;
      assertThat(line).as("located, for " + doc).matches(Pattern.quote(file)
          + ":\\d+:\\d+: \\S.*");
      assertThat(line.length()).as(line).isLessThanOrEqualTo(MESSAGE_LINE_CHARS_MAX);
    }
    var internals = INTERNALS.matcher(message);
    while (internals.find()) {
      assertThat(source).as("internals in: " + message + "\nfor " + doc)
          .contains(internals.group());
    }
  }

  /** Mutated files count together; each kind of expensive document on its own. */
  private static String group(Doc doc) {
    String kind = doc.kind().replaceAll("-\\d+$", "");
    return HostileScenarios.EXPENSIVE_KINDS.contains(kind) ? kind : "mutated";
  }

  private static void count(String what) {
    COUNTS.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
  }

  @AfterContainer
  static void report() {
    long total = COUNTS.values().stream().mapToLong(AtomicLong::get).sum();
    System.out.println("scenario fuzz: " + total + " files, " + new TreeMap<>(COUNTS)
        + "; slowest load " + MOST_MILLIS.get() + " ms, most allocated "
        + MOST_BYTES.get() / (1024 * 1024) + " MiB");
  }
}
