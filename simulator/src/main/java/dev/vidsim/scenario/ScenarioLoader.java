package dev.vidsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads scenario files: parse with locations, validate against the schema, then bind. */
public final class ScenarioLoader {
  public static final String DEFAULT_RESOURCE = "/dev/vidsim/scenario/default.yaml";

  private ScenarioLoader() {}

  public static Scenario load(Path file) {
    return parse(file.toString(), read(file));
  }

  /** A scenario file's text; an unreadable file is a ScenarioException naming it. */
  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScenarioException(file.toString(), Location.UNKNOWN, "",
          "cannot read the file: " + e.getMessage());
    }
  }

  /** @param fileName used in error messages, and ".json" selects JSON over YAML */
  public static Scenario parse(String fileName, String text) {
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
