package dev.vidsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Loads scenario files: parse with locations, validate against the schema, then bind. */
public final class ScenarioLoader {
  public static final String DEFAULT_RESOURCE = "/dev/vidsim/scenario/default.yaml";

  private ScenarioLoader() {}

  /** Loads a file of at most {@link ScenarioLimits#FILE_BYTES_MAX} bytes of UTF-8. */
  public static Scenario load(Path file) {
    return parse(file.toString(), read(file));
  }

  /** A scenario file's text, bounded and decoded as for {@link #load}. */
  public static String read(Path file) {
    return ScenarioText.read(file);
  }

  /** A scenario uploaded as bytes (the admin API): the same limits and decoding as a file. */
  public static String text(String fileName, byte[] bytes) {
    return ScenarioText.decode(fileName, bytes);
  }

  /** @param fileName used in error messages, and ".json" selects JSON over YAML */
  public static Scenario parse(String fileName, String text) {
    ScenarioText.checkSize(fileName, text.length(), "characters");
    LocatedTree tree = LocatedTree.parse(fileName, text);
    if (!tree.root().isObject()) {
      throw tree.error("", "a scenario is a mapping with schemaVersion, name and models");
    }
    SchemaCheck.validate(tree);
    return new ScenarioBinder(tree).bind();
  }

  /** The scenario `vidsim serve` starts with when given none. */
  public static Scenario builtInDefault() {
    return parse("default.yaml", builtInDefaultText());
  }

  public static String builtInDefaultText() {
    try (InputStream in = ScenarioLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String schemaText() {
    try (InputStream in = ScenarioLoader.class.getResourceAsStream(SchemaCheck.RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
