package dev.vidsim.dialect.runway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.limits.LimitSpec;
import dev.vidsim.money.Money;
import dev.vidsim.sdk.SdkServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official {@code @runwayml/sdk} 4.20.1, unchanged but for {@code baseURL}, against the
 * default scenario on an accelerated clock. Its {@code waitForTaskOutput()} sleeps 6 s +/- 1.5 s
 * of real time before each poll whatever the clock, so the scripts run at once, each as its own
 * tenant (faults and limits aimed at that tenant), and each test checks one script's result,
 * journal lines and ledger: the whole class takes one or two poll intervals, not five.
 */
class RunwayJsSdkTest {
  static final String CREATE_TEXT = "/runway/v1/text_to_video";
  static final String CREATE_IMAGE = "/runway/v1/image_to_video";
  static final List<String> SCRIPTS = List.of("wait", "retry", "errors", "throttled", "cancel");
  static SdkServer s;
  static final Map<String, JsonNode> results = new ConcurrentHashMap<>();

  static String key(String script) {
    return "sk-runway-" + script;
  }

  @BeforeAll
  static void runEveryScriptAtOnce() {
    s = new SdkServer(); // skips the class, saying why, when node or npm is missing
    s.sim.run(e -> SCRIPTS.forEach(n -> e.createTenant(key(n), "free", "us-east",
        Money.parse("10.00"))));
    s.sim.run(e -> e.setLimits(key("throttled"), new LimitSpec(null, null, 1, null,
        LimitSpec.OverLimit.QUEUE)));
    String retry = key("retry");
    s.fault(rule(retry, "create", 1, "\"status\":429"));
    s.fault(rule(retry, "create", 2, "\"lostResponse\":true"));
    s.fault(rule(retry, "get", 1, "\"status\":502"));
    s.fault(rule(key("errors"), "create", 1, "\"outcome\":\"contentFilter\""));
    // stuck jobs hold still however slowly the scripts run on a busy machine
    String stuck = "\"outcome\":\"stuck\",\"stage\":\"running\"";
    s.fault(rule(key("throttled"), "create", 1, stuck));
    s.fault(rule(key("cancel"), "create", 1, stuck));
    List<CompletableFuture<Void>> runs = SCRIPTS.stream().map(n -> CompletableFuture.runAsync(
        () -> results.put(n, s.run("runway-" + n + ".mjs", key(n))))).toList();
    CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
  }

  private static String rule(String tenant, String endpoint, int nth, String effect) {
    return "{\"when\":{\"tenant\":\"" + tenant + "\",\"endpoint\":\"" + endpoint + "\",\"nth\":"
        + nth + "},\"do\":{" + effect + "}}";
  }

  @AfterAll
  static void stop() {
    if (s != null) s.close();
  }

  @Test
  void create_then_wait_for_task_output_then_download_the_output() {
    JsonNode r = results.get("wait");
    assertThat(r.path("id").asText()).matches(RunwayContractTest.UUID);
    assertThat(r.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(r.path("estimatedCost").asInt()).isEqualTo(60);
    assertThat(r.path("cost").path("credits").asInt()).isEqualTo(60);
    assertThat(r.path("output").get(0).asText()).startsWith(s.url() + "/runway/outputs/");
    assertThat(r.path("download").path("mp4").asBoolean()).isTrue();
    // 10.00 USD less 60 credits at $0.01, charged at create
    assertThat(r.path("creditBalance").asInt()).isEqualTo(940);
    assertThat(r.path("usage").path("models").path("gen4.5").path("dailyGenerations").asInt())
        .isEqualTo(1);
    assertThat(s.balance(key("wait"))).isEqualTo("9.40");
  }

  @Test
  void a_429_and_a_lost_create_and_a_502_poll_are_retried_by_the_sdk_and_the_ledger_shows_it() {
    JsonNode r = results.get("retry");
    assertThat(r.path("status").asText()).isEqualTo("SUCCEEDED");
    List<JsonNode> creates = requests(key("retry"), CREATE_IMAGE);
    assertThat(creates).as("the SDK's 2 retries of create").hasSize(3);
    assertThat(creates).extracting(l -> l.path("sdkRetry").asText("0"))
        .containsExactly("0", "1", "2");
    assertThat(requests(key("retry"), "/runway/v1/tasks/" + r.path("id").asText()))
        .anyMatch(l -> l.path("sdkRetry").asText().equals("1"));
    assertThat(s.journal("response_lost")).hasSize(1);
    // the lost response made a second task: without an idempotency key the retry paid twice
    List<JsonNode> charges = s.journal("ledger").stream().filter(l -> l.path("tenant").asText()
        .equals(key("retry")) && l.path("type").asText().equals("charge")).toList();
    assertThat(charges).extracting(l -> l.path("amount").asText()).containsExactly("0.60",
        "0.60");
    assertThat(s.balance(key("retry"))).isEqualTo("8.80");
  }

  @Test
  void an_unknown_model_is_a_bad_request_error_and_a_failed_task_a_task_failed_error() {
    JsonNode unknown = results.get("errors").path("unknownModel");
    assertThat(unknown.path("name").asText()).isEqualTo("BadRequestError");
    assertThat(unknown.path("status").asInt()).isEqualTo(400);
    assertThat(unknown.path("error").path("issues").get(0).path("path").get(0).asText())
        .isEqualTo("model");
    JsonNode failed = results.get("errors").path("failed");
    assertThat(failed.path("name").asText()).isEqualTo("TaskFailedError");
    assertThat(failed.path("task").path("failureCode").asText()).startsWith("SAFETY.");
    assertThat(failed.path("task").path("cost").path("credits").asInt()).isZero();
    assertThat(s.balance(key("errors"))).isEqualTo("10.00");
  }

  @Test
  void the_sdk_sees_a_throttled_task_which_runs_once_the_running_one_is_cancelled() {
    JsonNode r = results.get("throttled");
    assertThat(r.path("seen").toString()).contains("THROTTLED");
    assertThat(r.path("cancelled").asText()).isEqualTo("CANCELLED");
    assertThat(r.path("status").asText()).isEqualTo("SUCCEEDED");
    // both charged at create (2 s x 12 credits each); the cancelled one keeps its charge
    assertThat(s.balance(key("throttled"))).isEqualTo("9.52");
  }

  @Test
  void tasks_delete_cancels_then_deletes_and_a_deleted_task_is_not_found() {
    JsonNode r = results.get("cancel");
    assertThat(r.path("status").asText()).isEqualTo("CANCELLED");
    assertThat(r.path("cost").path("credits").asInt()).isEqualTo(120);
    assertThat(r.path("deleted").path("name").asText()).isEqualTo("NotFoundError");
    assertThat(r.path("deleted").path("status").asInt()).isEqualTo(404);
  }

  private static List<JsonNode> requests(String apiKey, String path) {
    return s.journal("request").stream().filter(l -> l.path("apiKey").asText().equals(apiKey)
        && l.path("path").asText().equals(path)).toList();
  }
}
