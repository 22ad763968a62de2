package dev.vidsim.scenario;

import dev.vidsim.jobs.JobView;
import dev.vidsim.jobs.CreateRequest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.jobs.JobView;
import dev.vidsim.engine.Simulator;
import dev.vidsim.ledger.LedgerEntry;
import dev.vidsim.pricing.FailureKind;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The files in scenarios/pricing do what their header comments say. */
class PricingScenariosTest {
  private static final Path DIR = Path.of("..", "scenarios", "pricing");

  private static Simulator load(String file) {
    return new Simulator(ScenarioLoader.load(DIR.resolve(file)));
  }

  private static CreateRequest req(String model, int seconds, String resolution,
      List<String> images) {
    return new CreateRequest(model, "p", null, BigDecimal.valueOf(seconds), resolution, images,
        null);
  }

  private static List<String> lines(Simulator sim, String key, String job) {
    List<LedgerEntry> entries = sim.call(e -> e.ledger().entriesForJob(key, job));
    return entries.stream().map(x -> x.type().wireName() + " " + x.amount()).toList();
  }

  @Test
  void every_scenario_file_in_the_repository_is_valid() throws Exception {
    try (Stream<Path> files = Files.walk(Path.of("..", "scenarios"))) {
      List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml")).toList();
      assertThat(yaml).hasSizeGreaterThanOrEqualTo(9);
      yaml.forEach(ScenarioLoader::load);
    }
  }

  @Test
  void unit_second_rounds_to_its_increment_and_minimum() {
    try (Simulator sim = load("unit-second.yaml")) {
      JobView five = sim.call(e -> e.jobs().create("sk-second", req("per-second", 5, null, null),
          null));
      JobView one = sim.call(e -> e.jobs().create("sk-second", req("per-second", 1, null, null),
          null));
      JobView hd = sim.call(e -> e.jobs().create("sk-second", req("per-second", 5, "1080p", null),
          null));
      assertThat(five.quote().usage()).hasToString("0.60");
      assertThat(one.quote().usage()).hasToString("0.40");
      assertThat(hd.quote().usage()).hasToString("1.50");
    }
  }

  @Test
  void unit_token_credit_image_video_and_task_quote_as_documented() {
    assertThat(quote("unit-token.yaml", "sk-token", req("per-token", 5, null, null)))
        .isEqualTo("0.75");
    assertThat(quote("unit-credit.yaml", "sk-credit", req("per-credit", 5, null, null)))
        .isEqualTo("0.25");
    assertThat(quote("unit-image.yaml", "sk-image",
        req("per-input-image", 4, null, List.of("a", "b", "c")))).isEqualTo("0.12");
    assertThat(quote("unit-image.yaml", "sk-image", req("per-output-frame", 2, null, null)))
        .isEqualTo("0.096");
    assertThat(quote("unit-video.yaml", "sk-video", req("per-video", 10, null, null)))
        .isEqualTo("0.35");
    assertThat(quote("unit-task.yaml", "sk-task", req("per-task", 4, null, null)))
        .isEqualTo("0.50");
  }

  private static String quote(String file, String key, CreateRequest r) {
    try (Simulator sim = load(file)) {
      return sim.call(e -> e.jobs().create(key, r, null)).quote().usage().toString();
    }
  }

  @Test
  void billing_timings_write_the_documented_ledger_lines() {
    try (Simulator sim = load("billing-split.yaml")) {
      JobView ok = sim.call(e -> e.jobs().create("sk-split", req("split-billing", 8, null, null),
          null));
      sim.run(e -> e.clock().advance(Duration.ofMinutes(2)));
      assertThat(lines(sim, "sk-split", ok.id()))
          .containsExactly("charge 0.02", "charge 0.24", "hold 0.56", "capture 0.56");
      JobView bad = sim.call(e -> e.jobs().create("sk-split", req("split-billing", 8, null, null),
          null));
      sim.run(e -> e.jobs().fail(bad.id(), FailureKind.ERROR, "boom"));
      assertThat(lines(sim, "sk-split", bad.id())).containsExactly(
          "charge 0.02", "charge 0.24", "hold 0.56", "release 0.56", "refund 0.24");
    }
    try (Simulator sim = load("billing-on-delivery.yaml")) {
      JobView bad = sim.call(e -> e.jobs().create("sk-delivery", req("charge-on-delivery", 8, null,
          null), null));
      sim.run(e -> e.jobs().fail(bad.id(), FailureKind.ERROR, "boom"));
      assertThat(lines(sim, "sk-delivery", bad.id())).containsExactly("hold 0.80", "release 0.80");
    }
    try (Simulator sim = load("billing-on-create.yaml")) {
      JobView c = sim.call(e -> e.jobs().create("sk-create", req("charge-on-create", 8, null, null),
          null));
      sim.run(e -> e.jobs().cancel("sk-create", c.id()));
      assertThat(lines(sim, "sk-create", c.id())).containsExactly("charge 0.80", "refund 0.40");
    }
  }
}
