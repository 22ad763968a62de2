package dev.vidsim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.client.cost.Budget;
import dev.vidsim.client.cost.Reconciliation;
import dev.vidsim.client.store.FileJobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's client example runs, and the README shows exactly this code. */
class ReadmeExampleTest {
  private static final Path README = Path.of("../README.md");
  private static final Path SELF =
      Path.of("src/test/java/dev/vidsim/client/ReadmeExampleTest.java");
  @TempDir Path dir;

  @Test
  void readme_example_generates_and_reconciles() {
    try (SimFixture fx = SimFixture.defaultScenario()) {
      String baseUrl = fx.baseUrl();
      ClientClock clock = fx.clock;
      // readme:start
      VideoClient client = VideoClient.builder(baseUrl, "sk-test-alice")
          // readme:skip
          .clock(clock)
          // readme:resume
          .jobStore(new FileJobStore(dir.resolve("jobs.jsonl")))  // keys survive a restart
          .budget(new Budget(Amount.parse("1.00"), Amount.parse("20.00")))
          .build();
      GenerationResult r = client.generate(GenerationRequest.builder("a cat surfing")
          .generationId("order-42").models("reel-1", "clip-video").seconds(6).build());
      Reconciliation bill = client.reconcile();  // own ledger vs GET /v1/account/usage
      // readme:end
      assertThat(r.status()).isEqualTo("succeeded");
      assertThat(bill.isBalanced()).isTrue();
    }
  }

  @Test
  void readme_shows_the_example_line_for_line() throws IOException {
    List<String> readme = Files.readAllLines(README);
    int at = readme.indexOf("## Reference client (`client-under-test`)");
    assertThat(at).as("README heading").isNotNegative();
    int start = readme.subList(at, readme.size()).indexOf("```java") + at + 1;
    int end = readme.subList(start, readme.size()).indexOf("```") + start;

    assertThat(readme.subList(start, end)).as("README block; copy it from %s", SELF)
        .containsExactlyElementsOf(shown(Files.readAllLines(SELF)));
  }

  private static List<String> shown(List<String> lines) {
    List<String> out = new ArrayList<>();
    boolean on = false;
    boolean skipping = false;
    for (String line : lines) {
      switch (line.strip()) {
        case "// readme:start" -> on = true;
        case "// readme:end" -> on = false;
        case "// readme:skip" -> skipping = true;
        case "// readme:resume" -> skipping = false;
        default -> {
          if (on && !skipping) out.add(line.length() > 6 ? line.substring(6) : line.strip());
        }
      }
    }
    return out;
  }
}
