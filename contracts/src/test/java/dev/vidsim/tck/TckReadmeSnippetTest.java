package dev.vidsim.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's TCK example is the compiled (and run) MyClientContractTest, line for line. */
class TckReadmeSnippetTest {
  private static final Path README = Path.of("../README.md");
  private static final Path EXAMPLE =
      Path.of("src/test/java/dev/vidsim/tck/example/MyClientContractTest.java");
  private static final String HEADING = "## Test your own client: the TCK";

  @Test
  void readme_tck_example_is_the_compiled_example_test() throws IOException {
    List<String> readme = Files.readAllLines(README);
    int at = readme.indexOf(HEADING);
    assertThat(at).as("README.md has the heading %s", HEADING).isNotNegative();
    int start = readme.subList(at, readme.size()).indexOf("```java") + at + 1;
    int end = readme.subList(start, readme.size()).indexOf("```") + start;
    List<String> example = Files.readAllLines(EXAMPLE);
    List<String> shown = example.subList(example.indexOf("// readme:start") + 1, example.size());
    while (!shown.isEmpty() && shown.get(shown.size() - 1).isBlank()) {
      shown = shown.subList(0, shown.size() - 1);
    }
    assertThat(readme.subList(start, end))
        .as("the first ```java block under '%s'; copy it from %s", HEADING, EXAMPLE)
        .containsExactlyElementsOf(shown);
  }
}
