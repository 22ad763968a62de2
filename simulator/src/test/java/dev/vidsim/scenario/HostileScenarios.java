package dev.vidsim.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Broken scenario files, generated: every scenario of the repository (and the built-in default,
 * also as JSON) mutated one to four times (a value swapped for a hostile one, a line deleted,
 * doubled or swapped, the text cut short, junk characters, indentation), plus whole documents
 * built to be expensive (alias bombs, deep nesting, thousands of models, huge strings).
 */
final class HostileScenarios {
  /** A scenario file's name and text. */
  record Doc(String kind, String name, String text) {
    @Override
    public String toString() {
      return kind + " " + name + " (" + text.length() + " chars): "
          + (text.length() > 600 ? text.substring(0, 600) + "..." : text);
    }
  }

  /** Values a careless or hostile author puts where a field's value goes. */
  static final List<String> VALUES = List.of("9".repeat(400), "-" + "9".repeat(30),
      "1e999999999", "-1e-999999999", "1E+400", ".inf", "-.inf", ".nan", "0", "-1", "0.0000001",
      "99999999999999999999", "-9223372036854775809", "2147483648", "1.5", "0x7fffffff",
      "\"\"", "\"\\u0000\"", "\"\\uD800\"", "\"\\x01\\x7f\"", "\"\uD83D\uDE00\u202E\u200b\"",
      "'" + "x".repeat(5000) + "'", "[]", "{}", "null", "~", "true", "[1, [2, [3]]]",
      "{a: {b: {c: 1}}}",
      "\"99999999999999h\"", "\"1h99999999999m\"", "\"-5s\"", "\"0s\"", "\"P1D\"", "9999999999s",
      "\"9999-99-99T99:99:99Z\"", "\"99999.999999999\"", "\"-0.00\"", "\"1e3\"", "&a x", "*a",
      "!!binary AAAA", "!!java.lang.Runtime x", "{{", "]]", "\"unterminated", "'a'b'",
      "[" .repeat(100) + "]".repeat(100), "a: b: c", "|\n  block\n  text", "? complex");

  /** Characters that break YAML or sit oddly in it. */
  private static final List<String> JUNK = List.of("\t", "\u0000", "\u0001", "\u007f", "\r",
      "\uFEFF", "\u2028", "\uD83D", ":", "- ", "#", "&", "*", "!", "%", "@", "`", "\"", "'",
      "{", "}", "[", "]", ",", "|", ">", "---\n", "...\n", "\n  ", "😀", "é");

  static final java.util.Set<String> EXPENSIVE_KINDS = java.util.Set.of("alias-bomb", "nested",
      "models", "string", "multi-doc");

  private HostileScenarios() {}

  static List<Doc> seeds() {
    List<Doc> out = new ArrayList<>();
    String def = ScenarioLoader.builtInDefaultText();
    out.add(new Doc("seed", "default.yaml", def));
    out.add(new Doc("seed", "default.json", toJson(def)));
    for (Path f : scenarioFiles()) {
      out.add(new Doc("seed", f.getFileName().toString(), read(f)));
    }
    return out;
  }

  static Arbitrary<Doc> mutated() {
    Arbitrary<Doc> seed = Arbitraries.of(seeds());
    return seed.flatMap(d -> mutation().list().ofMinSize(1).ofMaxSize(4).map(ms -> {
      String text = d.text();
      StringBuilder kinds = new StringBuilder();
      for (Mutation m : ms) {
        text = m.apply(text);
        kinds.append(kinds.length() == 0 ? "" : "+").append(m.kind());
      }
      return new Doc(kinds.toString(), d.name(), text);
    }));
  }

  /** One change to a text, chosen from fractions so it applies to texts of any length. */
  record Mutation(String kind, double where, double other, String value) {
    String apply(String text) {
      List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
      int at = (int) (where * lines.size());
      int to = (int) (other * lines.size());
      switch (kind) {
        case "value" -> {
          String line = lines.get(at);
          int colon = line.indexOf(": ");
          lines.set(at, colon < 0 ? line + " " + value : line.substring(0, colon + 2) + value);
        }
        case "delete" -> lines.remove(at);
        case "double" -> lines.add(at, lines.get(at));
        case "swap" -> {
          String a = lines.get(at);
          lines.set(at, lines.get(to));
          lines.set(to, a);
        }
        case "indent" -> lines.set(at, (other < 0.5 ? " " : "") + lines.get(at)
            .substring(other < 0.5 || lines.get(at).isEmpty() ? 0 : 1));
        case "cut" -> {
          return text.substring(0, (int) (where * text.length()));
        }
        case "junk" -> {
          int i = (int) (where * text.length());
          return text.substring(0, i) + value + text.substring(i);
        }
        default -> throw new IllegalArgumentException(kind);
      }
      return String.join("\n", lines);
    }
  }

  private static Arbitrary<Mutation> mutation() {
    Arbitrary<String> kinds = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.just("value")),
        net.jqwik.api.Tuple.of(2, Arbitraries.of("delete", "double", "swap", "indent")),
        net.jqwik.api.Tuple.of(1, Arbitraries.just("cut")),
        net.jqwik.api.Tuple.of(2, Arbitraries.just("junk")));
    Arbitrary<Double> fraction = Arbitraries.doubles().between(0, 0.999).ofScale(4);
    return Combinators.combine(kinds, fraction, fraction, Arbitraries.of(VALUES),
            Arbitraries.of(JUNK))
        .as((k, w, o, v, j) -> new Mutation(k, w, o, k.equals("junk") ? j : v));
  }

  /** Whole documents built to cost: time, memory or stack if loaded naively. */
  static Arbitrary<Doc> expensive() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(2, 40).map(HostileScenarios::aliasBomb),
        Arbitraries.integers().between(60, 20_000).map(n -> nested(n, "[", "]")),
        Arbitraries.integers().between(60, 20_000).map(n -> nested(n, "{a: ", "}")),
        Arbitraries.integers().between(1001, 4_000).map(HostileScenarios::manyModels),
        Arbitraries.integers().between(1_000, 300_000).map(HostileScenarios::longString),
        Arbitraries.integers().between(1, 3).map(n -> new Doc("multi-doc", "t.yaml",
            ScenarioLoader.builtInDefaultText() + "\n---\nname: second\n".repeat(n))));
  }

  /** "Billion laughs": each level names the one below n times. */
  static Doc aliasBomb(int levels) {
    StringBuilder sb = new StringBuilder("schemaVersion: 1\nname: bomb\nl0: &l0 [lol, lol]\n");
    for (int i = 1; i < levels; i++) {
      sb.append("l").append(i).append(": &l").append(i).append(" [")
          .append(("*l" + (i - 1) + ", ").repeat(9)).append("*l").append(i - 1).append("]\n");
    }
    return new Doc("alias-bomb-" + levels, "t.yaml", sb.toString());
  }

  static Doc nested(int depth, String open, String close) {
    return new Doc("nested-" + depth, "t.yaml", "schemaVersion: 1\nname: deep\ndescription: "
        + open.repeat(depth) + "x" + close.repeat(depth) + "\n");
  }

  static Doc manyModels(int n) {
    String model = "  - { id: m%d, modes: [text-to-video], regions: [r], pricing: { unit: task,"
        + " price: \"1\" } }\n";
    StringBuilder sb = new StringBuilder("schemaVersion: 1\nname: many\nmodels:\n");
    for (int i = 0; i < n; i++) sb.append(String.format(model, i));
    return new Doc("models-" + n, "t.yaml", sb.toString());
  }

  static Doc longString(int chars) {
    return new Doc("string-" + chars, "t.yaml", "schemaVersion: 1\nname: long\ndescription: \""
        + "a".repeat(chars) + "\"\nmodels: []\n");
  }

  private static String toJson(String yaml) {
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(new YAMLMapper().readTree(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> scenarioFiles() {
    Path root = Files.isDirectory(Path.of("..", "scenarios")) ? Path.of("..", "scenarios")
        : Path.of("scenarios");
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
