package dev.vidsim.tck.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.checker.JsonText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns a failing run into a scenario file for {@code vidsim check}: the property world with the
 * run's tenant, the client's requests and the injected faults as its script, the end state as its
 * expectations, and the violation and the action chain as the header.
 */
final class ScenarioWriter {
  private ScenarioWriter() {}

  static String write(World w, String violation) {
    StringBuilder out = new StringBuilder();
    out.append("# vidsim TCK: a failing action chain, shrunk by jqwik.\n# violation:\n");
    violation.lines().limit(40).forEach(l -> out.append("#   ").append(l).append('\n'));
    out.append("# actions (").append(w.steps().size()).append("):\n");
    w.steps().forEach(s -> out.append("#   ").append(s).append('\n'));
    String world = resource().replace("name: tck-property-world", "name: tck-failure")
        .replace("sk-tck-opening, tier: pro, region: us-east, balance: \"0.00\"",
            w.apiKey() + ", tier: pro, region: us-east, balance: \"" + World.OPENING_BALANCE
                + "\"");
    out.append(world);
    out.append(ScriptWriter.write(w.evidence(false), w.apiKey(), w.host().scenario().startTime(),
        w.markers()));
    return out.toString();
  }

  /** A runtime fault as a scenario fault: active from the simulated time it was added. */
  static String fromTime(String json, Instant start, Instant added) {
    ObjectNode rule = (ObjectNode) JsonText.parse(json);
    ObjectNode when = rule.has("when") ? (ObjectNode) rule.get("when") : rule.putObject("when");
    long seconds = Duration.between(start, added).toSeconds();
    if (!when.has("from") && seconds > 0) when.put("from", seconds + "s");
    return rule.toString();
  }

  private static String resource() {
    try (InputStream in = ScenarioWriter.class.getResourceAsStream(SimHost.SCENARIO_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
