package dev.vidsim.tck.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The CI examples of docs/tck-sharding.md are valid YAML and split a run correctly: N shards,
 * indexes 0 … N-1 each passed as vidsim.tck.shard, one base seed, the failing chains kept.
 */
class ShardingDocsTest {
  private static final Path DOC = Path.of("..", "docs", "tck-sharding.md");
  private static final Pattern SHARDS = Pattern.compile("-Dvidsim\\.tck\\.shards=(\\d+)");
  private static final YAMLMapper YAML = new YAMLMapper();

  private static List<JsonNode> yamlBlocks() throws IOException {
    Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL)
        .matcher(Files.readString(DOC));
    List<JsonNode> out = new ArrayList<>();
    while (m.find()) out.add(YAML.readTree(m.group(1)));
    return out;
  }

  private static int shardsIn(String command) {
    Matcher m = SHARDS.matcher(command);
    assertThat(m.find()).as("-Dvidsim.tck.shards=N in %s", command).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Test
  void the_github_actions_matrix_runs_every_shard_index_once_and_keeps_failures() throws Exception {
    JsonNode job = yamlBlocks().stream().filter(n -> n.has("jobs")).findFirst().orElseThrow()
        .path("jobs").path("tck");
    JsonNode strategy = job.path("strategy");
    assertThat(strategy.path("fail-fast").asBoolean(true)).isFalse();
    List<Integer> indexes = new ArrayList<>();
    strategy.path("matrix").path("shard").forEach(i -> indexes.add(i.asInt()));
    String run = job.path("steps").findValuesAsText("run").get(0);
    int n = shardsIn(run);
    assertThat(indexes).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(indexes.get(i)).isEqualTo(i);
      assertThat(new Shard(n, indexes.get(i)).isSharded()).isTrue();
    }
    assertThat(run).contains("-Dvidsim.tck.shard=${{ matrix.shard }}", "-Dvidsim.tck.seed=");
    assertThat(job.path("steps").findValuesAsText("path")).anyMatch(p -> p.contains(
        "target/vidsim-failures"));
  }

  @Test
  void the_kubernetes_indexed_job_runs_one_pod_per_shard_index() throws Exception {
    JsonNode job = yamlBlocks().stream().filter(n -> "Job".equals(n.path("kind").asText()))
        .findFirst().orElseThrow();
    JsonNode spec = job.path("spec");
    assertThat(spec.path("completionMode").asText()).isEqualTo("Indexed");
    JsonNode pod = spec.path("template").path("spec");
    assertThat(pod.path("restartPolicy").asText()).isEqualTo("Never");
    String args = pod.path("containers").get(0).path("args").get(0).asText();
    int n = shardsIn(args);
    assertThat(spec.path("completions").asInt()).isEqualTo(n);
    assertThat(spec.path("parallelism").asInt()).isEqualTo(n);
    // Kubernetes hands pod i the index i in JOB_COMPLETION_INDEX, 0 … completions - 1
    assertThat(args).contains("-Dvidsim.tck.shard=$JOB_COMPLETION_INDEX",
        "-Dvidsim.tck.seed=$TCK_SEED");
    assertThat(pod.path("containers").get(0).path("env").findValuesAsText("name"))
        .contains("TCK_SEED");
  }
}
