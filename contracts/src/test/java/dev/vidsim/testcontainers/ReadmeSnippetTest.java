package dev.vidsim.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's Testcontainers example is the compiled VidsimReadmeExampleIT, line for line. */
class ReadmeSnippetTest {
  private static final Path README = Path.of("../README.md");
  private static final Path EXAMPLE =
      Path.of("src/test/java/dev/vidsim/testcontainers/VidsimReadmeExampleIT.java");

  @Test
  void readme_testcontainers_example_is_the_compiled_example_test() throws IOException {
    assertThat(javaBlockAfter(Files.readAllLines(README), "## Use with Testcontainers"))
        .as("the ```java block of README.md's 'Use with Testcontainers'; copy it from %s", EXAMPLE)
        .containsExactlyElementsOf(shownPart(Files.readAllLines(EXAMPLE)));
  }

  private static List<String> javaBlockAfter(List<String> lines, String heading) {
    int at = lines.indexOf(heading);
    assertThat(at).as("README.md has the heading %s", heading).isNotNegative();
    int start = lines.subList(at, lines.size()).indexOf("```java") + at + 1;
    assertThat(start).as("a ```java block after %s", heading).isGreaterThan(at);
    int end = lines.subList(start, lines.size()).indexOf("```") + start;
    assertThat(end).as("the ```java block is closed").isGreaterThanOrEqualTo(start);
    return lines.subList(start, end);
  }

  private static List<String> shownPart(List<String> lines) {
    List<String> shown = new ArrayList<>();
    boolean on = false;
    boolean skipping = false;
    for (String line : lines) {
      switch (line.strip()) {
        case "// readme:start" -> on = true;
        case "// readme:skip" -> skipping = true;
        case "// readme:resume" -> skipping = false;
        default -> {
          if (on && !skipping) shown.add(line);
        }
      }
    }
    while (!shown.isEmpty() && shown.get(shown.size() - 1).isBlank()) {
      shown.remove(shown.size() - 1);
    }
    assertThat(shown).as("%s has a readme:start marker", EXAMPLE).isNotEmpty();
    return shown;
  }
}
