package dev.vidsim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.client.VideoClient;
import dev.vidsim.junit.VidsimTest;
import dev.vidsim.tck.ClientContract;
import dev.vidsim.testcontainers.VidsimContainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The public API of each artifact users compile against equals its committed dump
 * ({@code <module>/api/<artifact>.api}), so a change to it is deliberate and shows in review.
 * After an intended change, regenerate: {@code -Dvidsim.api.update=true} (then read the diff).
 * A dump of the built classes, not japicmp: there is no released artifact to compare with yet,
 * and a dump also shows additions.
 */
class PublicApiTest {
  static final boolean UPDATE = Boolean.getBoolean("vidsim.api.update");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "vidsim-junit, junit",
      "vidsim-testcontainers, testcontainers",
      "vidsim-tck, tck",
      "vidsim-client, client-under-test"})
  void public_api_is_the_committed_dump(String artifact, String module) throws IOException {
    List<String> dump = ApiDump.of(memberOf(artifact));
    Path file = Path.of("..", module, "api", artifact + ".api");
    if (UPDATE) {
      Files.createDirectories(file.getParent());
      Files.write(file, dump);
    }
    assertThat(Files.isRegularFile(file)).as("%s exists; make it with -Dvidsim.api.update=true",
        file).isTrue();
    assertThat(dump).as("the public API of %s against %s: if the change is intended, run this"
        + " test with -Dvidsim.api.update=true and commit the file", artifact, file)
        .containsExactlyElementsOf(Files.readAllLines(file));
  }

  private static Class<?> memberOf(String artifact) {
    return switch (artifact) {
      case "vidsim-junit" -> VidsimTest.class;
      case "vidsim-testcontainers" -> VidsimContainer.class;
      case "vidsim-tck" -> ClientContract.class;
      case "vidsim-client" -> VideoClient.class;
      default -> throw new IllegalArgumentException(artifact);
    };
  }
}
