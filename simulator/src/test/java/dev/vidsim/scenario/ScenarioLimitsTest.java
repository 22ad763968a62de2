package dev.vidsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The loader's bounds (ScenarioLimits), one hand-written case each, with the exact message. */
class ScenarioLimitsTest {
  private static final String HEAD = "schemaVersion: 1\nname: t\n";
  private static final String MODEL = "models: [{ id: m, modes: [text-to-video], regions: [r],"
      + " pricing: { unit: task, price: \"1\" } }]\n";

  @TempDir
  Path dir;

  static Stream<Arguments> hostile() {
    return Stream.of(
        Arguments.of("a billion laughs", HostileScenarios.aliasBomb(10).text(),
            "t.yaml:4:10: l1[0]: YAML aliases (*l0) are not supported"),
        Arguments.of("nesting past the limit", HostileScenarios.nested(65, "[", "]").text(),
            "t.yaml:3:77: description[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"),
        Arguments.of("an exponent that would take minutes to expand",
            HEAD + "seed: 1e999999999\n" + MODEL,
            "t.yaml:3:7: seed: the number 1e999999999 is out of range (its exponent is past 100)"),
        Arguments.of("a tiny exponent", HEAD + "seed: 1e-999999999\n" + MODEL,
            "t.yaml:3:7: seed: the number 1e-999999999 is out of range"),
        Arguments.of("infinity", HEAD + "clockFactor: .inf\n" + MODEL,
            "t.yaml:3:18: not valid YAML: Malformed numeric value '.inf'"),
        Arguments.of("not a number", HEAD + "seed: .nan\n" + MODEL,
            "t.yaml:3:11: not valid YAML: Malformed numeric value '.nan'"),
        Arguments.of("a 400-digit integer, quoted back cut short", HEAD + "seed: "
            + "9".repeat(400) + "\n" + MODEL, "t.yaml:3:7: seed: expected a number no larger"
            + " than 9223372036854775807, got " + "9".repeat(80) + "... (400 characters)"),
        Arguments.of("a bound past int", HEAD + "journal: { maxEntries: 99999999999 }\n" + MODEL,
            "t.yaml:3:24: journal.maxEntries: expected a number no larger than 10000000"),
        Arguments.of("a second document", HEAD + MODEL + "---\nname: other\n",
            "t.yaml:5:1: a second YAML document ('---') follows: a scenario file holds exactly"
                + " one"),
        Arguments.of("a list as a key, without the parser's class names",
            HEAD + "? [a, b]\n: c\n" + MODEL,
            "t.yaml:3:4: not valid YAML: Expected a field name (a plain value), got this"
                + " instead: a list"),
        Arguments.of("a control character quoted back escaped",
            HEAD + "description: \"a\\u0007b\"\ncurrency: \"U\\u2028SD\"\n" + MODEL,
            "t.yaml:4:11: currency: expected a value matching ^([A-Z]{3}|CREDITS)$,"
                + " got \"U\\u2028SD\""),
        Arguments.of("more models than the loader takes", HostileScenarios.manyModels(1001)
            .text(), "t.yaml:4:3: models: expected at most 1000 item(s) (a limit of vidsim's"
            + " loader), got 1001"),
        Arguments.of("more after a JSON object", "{\"schemaVersion\": 1} {}",
            "t.json:1:22: there is more after the JSON object; a scenario file holds exactly one"),
        Arguments.of("a text over the size limit", HostileScenarios.longString(300_000).text(),
            "t.yaml:1:1: the file is over vidsim's limit of 262144 characters (256 KiB)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void a_hostile_scenario_is_refused_located_and_plain(String why, String text, String expected) {
    String name = text.startsWith("{") ? "t.json" : "t.yaml";
    assertThatThrownBy(() -> ScenarioLoader.parse(name, text))
        .isInstanceOf(ScenarioException.class).hasMessageStartingWith(expected)
        .satisfies(e -> ScenarioFuzzTest.assertPlainAndLocated(name, e.getMessage(), "", why));
  }

  @Test
  void a_huge_file_is_refused_after_reading_no_more_than_the_limit() throws Exception {
    Path huge = dir.resolve("huge.yaml");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(4L * 1024 * 1024 * 1024); // sparse: 4 GiB that cost no disk
    }
    var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
        .getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    assertThatThrownBy(() -> ScenarioLoader.load(huge))
        .hasMessage(huge + ":1:1: the file is over vidsim's limit of 262144 bytes (256 KiB) for"
            + " a scenario; split it or shorten its script");
    assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(16L * 1024 * 1024);
  }

  @Test
  void a_file_that_is_not_utf8_names_the_line_column_and_byte() throws Exception {
    Path latin1 = Files.write(dir.resolve("latin1.yaml"),
        (HEAD + "description: caf\u00e9\n" + MODEL).getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> ScenarioLoader.load(latin1))
        .hasMessage(latin1 + ":3:17: the file is not UTF-8 text: byte 0xE9 cannot start or"
            + " continue a character; save it as UTF-8");
  }

  @Test
  void a_missing_file_says_so_without_a_class_name() {
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> ScenarioLoader.load(missing))
        .hasMessage(missing + ":1:1: cannot read the file (no such file)");
  }

  @Test
  void a_scenario_at_the_limits_still_loads() {
    StringBuilder yaml = new StringBuilder(HostileScenarios.manyModels(1000).text());
    yaml.append("description: ").append("[".repeat(ScenarioLimits.DEPTH_MAX - 1)).append("x")
        .append("]".repeat(ScenarioLimits.DEPTH_MAX - 1)).append('\n');
    assertThatThrownBy(() -> ScenarioLoader.parse("t.yaml", yaml.toString()))
        .as("description must be a string: the depth itself is accepted")
        .hasMessageContaining("description: expected a value of type string");
    assertThat(ScenarioLoader.parse("t.yaml", HostileScenarios.manyModels(1000).text())
        .models()).hasSize(1000);
  }
}
