package dev.vidsim.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * For this build's container tests: skips them, saying why, when no Docker engine answers (or
 * fails them when {@code VIDSIM_REQUIRE_DOCKER=true}, as in CI); otherwise makes sure the image
 * {@code vidsim:<version>} holds the simulator jar just built (its label
 * {@code dev.vidsim.jar.sha256}),
 * building it with {@code simulator/docker/build-image.sh} if not, and removes at the end of the
 * run whatever it built.
 */
final class VidsimImage implements ExecutionCondition, BeforeAllCallback {
  static final String NAME = "vidsim:" + VidsimVersion.get();
  private static final String SHA_LABEL = "dev.vidsim.jar.sha256";
  private static final long BUILD_SECONDS_MAX = 600;
  private static Boolean dockerAvailable;
  private static boolean skipReported;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (dockerAvailable()) return ConditionEvaluationResult.enabled("a Docker engine answers");
    String engine = "No Docker engine reachable (DOCKER_HOST="
        + System.getenv().getOrDefault("DOCKER_HOST", "unset") + ")";
    String hint = " Start one (on a host without a registry: ../shared/docker/docker-offline.sh"
        + " start).";
    if ("true".equals(System.getenv("VIDSIM_REQUIRE_DOCKER"))) {
      throw new IllegalStateException(engine + ", and VIDSIM_REQUIRE_DOCKER=true: container tests"
          + " must run, not be skipped." + hint);
    }
    String why = engine + ": container tests skipped." + hint;
    if (!skipReported) System.out.println("[vidsim-it] " + why); // Maven shows no skip reasons
    skipReported = true;
    return ConditionEvaluationResult.disabled(why);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // once per run, shared by every container test class; closed when the run ends
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(VidsimImage.class, k -> ensureBuilt(), Built.class);
  }

  private static synchronized boolean dockerAvailable() {
    if (dockerAvailable == null) {
      dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
    }
    return dockerAvailable;
  }

  private static Built ensureBuilt() {
    Path jar = Path.of(System.getProperty("vidsim.jar", "../simulator/target/vidsim.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no simulator jar at " + jar.toAbsolutePath()
          + "; build it first: mvn -B -ntp verify (or -pl simulator -am package)");
    }
    String sha = sha256(jar);
    DockerClient docker = DockerClientFactory.instance().client();
    if (sha.equals(label(docker, NAME))) {
      System.out.println("[vidsim-it] using " + NAME + " (jar sha256 " + sha.substring(0, 12)
          + ")");
      return new Built(docker, List.of());
    }
    List<String> basesBefore = jreBases(docker);
    build(jar);
    if (!sha.equals(label(docker, NAME))) {
      throw new IllegalStateException(NAME + " was built but does not hold " + jar);
    }
    List<String> created = new java.util.ArrayList<>(List.of(NAME));
    jreBases(docker).stream().filter(b -> !basesBefore.contains(b)).forEach(created::add);
    return new Built(docker, created);
  }

  private static void build(Path jar) {
    Path script = Path.of(System.getProperty("vidsim.image.builder",
        "../simulator/docker/build-image.sh"));
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "--tag", NAME,
        "--jar", jar.toString()).redirectErrorStream(true);
    long t0 = System.nanoTime();
    try {
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(BUILD_SECONDS_MAX, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("building " + NAME + " with " + script + " failed:\n"
            + out);
      }
      System.out.println("[vidsim-it] built " + NAME + " in "
          + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms:\n" + out.strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building " + NAME, e);
    }
  }

  private static String label(DockerClient docker, String image) {
    try {
      Map<String, String> labels = docker.inspectImageCmd(image).exec().getConfig().getLabels();
      return labels == null ? null : labels.get(SHA_LABEL);
    } catch (NotFoundException e) {
      return null;
    }
  }

  private static List<String> jreBases(DockerClient docker) {
    return docker.listImagesCmd().withImageNameFilter("vidsim-jre").exec().stream()
        .flatMap(i -> i.getRepoTags() == null ? java.util.stream.Stream.<String>empty()
            : java.util.Arrays.stream(i.getRepoTags()))
        .toList();
  }

  private static String sha256(Path file) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Images this run created; removed when the run ends (Ryuk is off, nothing else would). */
  record Built(DockerClient docker, List<String> images) implements AutoCloseable {
    @Override
    public void close() {
      for (String image : images) {
        try {
          docker.removeImageCmd(image).withForce(true).exec();
          System.out.println("[vidsim-it] removed " + image);
        } catch (NotFoundException e) {
          // already gone
        } catch (RuntimeException e) { // a cleanup problem must not hide the tests' results
          System.out.println("[vidsim-it] WARNING: could not remove " + image + ": " + e);
        }
      }
    }
  }
}
