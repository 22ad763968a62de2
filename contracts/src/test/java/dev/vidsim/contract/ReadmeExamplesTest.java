package dev.vidsim.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's code snippets are compiled, run files, line for line. A snippet names its files
 * in an HTML comment just above it, {@code <!-- example: path[#part], ... -->} (paths from the
 * repository root); a file shows what follows its {@code readme:start} marker (or, with
 * {@code #part}, what lies between {@code readme:start part} and {@code readme:end part}), less
 * the lines between {@code readme:skip} and {@code readme:resume}. A snippet of the artifacts'
 * API must name a file, and a Java snippet that declares a class has its imports.
 */
class ReadmeExamplesTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern MARKER = Pattern.compile("^<!-- example: (.+) -->$");
  private static final Pattern CONTROL =
      Pattern.compile("^\\s*(//|<!--)\\s*readme:(start|end|skip|resume)\\b.*$");
  private static final List<String> ARTIFACT_API =
      List.of("@VidsimTest", "VidsimContainer", "ClientContract");

  record Snippet(int line, String language, List<String> lines, List<String> files) {}

  @Test
  void every_snippet_equals_the_files_it_names() throws IOException {
    List<Snippet> named = snippets().stream().filter(s -> !s.files().isEmpty()).toList();
    assertThat(named).as("README snippets that name their files").hasSizeGreaterThanOrEqualTo(4);
    for (Snippet s : named) {
      for (String file : s.files()) {
        assertThat(dedent(s.lines()))
            .as("README.md:%d, a ```%s block; copy it from %s", s.line(), s.language(), file)
            .containsExactlyElementsOf(dedent(shownPart(file)));
      }
    }
  }

  @Test
  void snippets_of_the_artifacts_api_are_compiled_examples() throws IOException {
    for (Snippet s : snippets()) {
      boolean usesApi = ARTIFACT_API.stream().anyMatch(api -> s.lines().stream()
          .anyMatch(l -> l.contains(api)));
      if (s.language().equals("java") && usesApi) {
        assertThat(s.files()).as("README.md:%d uses the vidsim artifacts' API: put it in"
            + " examples/ and name the file above it (<!-- example: ... -->)", s.line())
            .isNotEmpty();
      }
      boolean declaresClass = s.lines().stream().anyMatch(l -> l.matches("^(\\w+ )*class .*"));
      if (s.language().equals("java") && declaresClass) {
        assertThat(s.lines()).as("README.md:%d declares a class: show its imports", s.line())
            .anyMatch(l -> l.startsWith("import "));
      }
    }
  }

  private static List<Snippet> snippets() throws IOException {
    List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
    List<Snippet> found = new ArrayList<>();
    for (int i = 0; i < readme.size(); i++) {
      String fence = readme.get(i);
      if (!fence.startsWith("```") || fence.length() == 3) continue;
      int end = readme.subList(i + 1, readme.size()).indexOf("```") + i + 1;
      assertThat(end).as("README.md:%d: the block is closed", i + 1).isGreaterThan(i);
      found.add(new Snippet(i + 1, fence.substring(3), readme.subList(i + 1, end),
          namedFiles(readme, i)));
      i = end;
    }
    return found;
  }

  /** The files named by a marker on the line above a fence (a blank line may come between). */
  private static List<String> namedFiles(List<String> readme, int fence) {
    for (int i = fence - 1; i >= 0 && i >= fence - 2; i--) {
      Matcher m = MARKER.matcher(readme.get(i).strip());
      if (m.matches()) return List.of(m.group(1).split(",\\s*"));
      if (!readme.get(i).isBlank()) break;
    }
    return List.of();
  }

  private static List<String> shownPart(String named) throws IOException {
    String[] pathAndPart = named.split("#", 2);
    String part = pathAndPart.length == 2 ? " " + pathAndPart[1] : "";
    List<String> lines = Files.readAllLines(ROOT.resolve(pathAndPart[0]));
    List<String> shown = new ArrayList<>();
    boolean on = false;
    boolean skipping = false;
    for (String line : lines) {
      Matcher m = CONTROL.matcher(line);
      String marker = m.matches() ? line.strip().replaceAll("^(//|<!--)\\s*|\\s*-->$", "") : "";
      if (marker.equals("readme:start" + part)) on = true;
      else if (!part.isEmpty() && marker.equals("readme:end" + part)) on = false;
      else if (marker.equals("readme:skip")) skipping = true;
      else if (marker.equals("readme:resume")) skipping = false;
      else if (on && !skipping) shown.add(line);
    }
    while (!shown.isEmpty() && shown.get(shown.size() - 1).isBlank()) {
      shown.remove(shown.size() - 1);
    }
    assertThat(shown).as("%s has a readme:start%s marker", named, part).isNotEmpty();
    return shown;
  }

  /** Without the indentation all lines share (a pom's snippet sits inside <project>). */
  private static List<String> dedent(List<String> lines) {
    int common = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return lines.stream().map(l -> l.isBlank() ? "" : l.substring(common)).toList();
  }
}
