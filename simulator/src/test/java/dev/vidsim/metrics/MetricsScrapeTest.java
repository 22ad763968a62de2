package dev.vidsim.metrics;

import static dev.vidsim.faults.SimFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vidsim.faults.SimFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code /_sim/metrics} read by Prometheus's own Python text parser (Debian's
 * python3-prometheus-client, which {@code .ci/run} installs): the scrape parses, and its values
 * are the run's: requests by dialect/endpoint/status, money by type/model, jobs, webhooks, bounds.
 */
class MetricsScrapeTest {
  private static final String PARSER = """
      import json, sys
      from prometheus_client.parser import text_string_to_metric_families
      out = {}
      for family in text_string_to_metric_families(sys.stdin.read()):
          for s in family.samples:
              key = s.name + "{" + ",".join(k + "=" + v for k, v in sorted(s.labels.items())) + "}"
              out[key] = s.value
      print(json.dumps(out))
      """;

  @Test
  void a_real_prometheus_parser_reads_the_runs_numbers() throws Exception {
    Map<String, Double> m;
    try (SimFixture sim = new SimFixture()) {
      sim.as(ALICE).body(SimFixture.create("task-1")).post("/v1/videos").then().statusCode(201);
      sim.as(ALICE).body(SimFixture.create("per-second")).post("/v1/videos").then()
          .statusCode(201);
      sim.as(ALICE).header("X-Stainless-Retry-Count", "1").body(SimFixture.create("nope"))
          .post("/v1/videos").then().statusCode(404);
      sim.advance("5m");
      String text = sim.admin().get("/_sim/metrics").then().statusCode(200)
          .contentType("text/plain; version=0.0.4; charset=utf-8").extract().asString();
      m = parse(text);
    }
    assertThat(m).containsEntry("vidsim_requests_total{dialect=vidsim,endpoint=create,status=201}",
        2.0).containsEntry("vidsim_requests_total{dialect=vidsim,endpoint=create,status=404}", 1.0)
        .containsEntry("vidsim_sdk_retries_total{dialect=vidsim}", 1.0);
    // task-1: 0.50 charged on create; per-second: 8 s x 0.10 held, then captured on delivery
    assertThat(m).containsEntry("vidsim_ledger_amount_total{currency=USD,model=task-1,"
        + "tenant=sk-alice,type=charge,unit=task}", 0.5)
        .containsEntry("vidsim_ledger_amount_total{currency=USD,model=per-second,"
            + "tenant=sk-alice,type=hold,unit=second}", 0.8)
        .containsEntry("vidsim_ledger_amount_total{currency=USD,model=per-second,"
            + "tenant=sk-alice,type=capture,unit=second}", 0.8)
        .containsEntry("vidsim_ledger_lines_total{currency=USD,model=task-1,"
            + "tenant=sk-alice,type=charge,unit=task}", 1.0);
    assertThat(m).containsEntry("vidsim_jobs{status=succeeded}", 2.0)
        .containsEntry("vidsim_jobs{status=queued}", 0.0)
        .containsEntry("vidsim_job_store_jobs{kind=held}", 2.0)
        .containsEntry("vidsim_job_store_jobs{kind=max}", 100_000.0)
        .containsEntry("vidsim_journal_lines{kind=max}", 100_000.0);
  }

  @Test
  void webhook_attempts_and_outcomes_count_the_journals_webhook_lines() throws Exception {
    Map<String, Double> m;
    String journal;
    try (SimFixture sim = new SimFixture()) {
      // nothing listens on port 9: every attempt fails and is retried on the simulated clock
      sim.as(ALICE).body("{\"model\":\"task-1\",\"prompt\":\"a\","
          + "\"webhookUrl\":\"http://127.0.0.1:9/hook\"}").post("/v1/videos").then()
          .statusCode(201);
      sim.advance("30m");
      m = parse(sim.admin().get("/_sim/metrics").then().statusCode(200).extract().asString());
      journal = sim.admin().get("/_sim/journal").asString();
    }
    double attempts = count(journal, "webhook_attempt");
    double retries = count(journal, "webhook_retry");
    assertThat(attempts).isGreaterThanOrEqualTo(2);
    assertThat(retries).isGreaterThanOrEqualTo(1);
    assertThat(m).containsEntry("vidsim_webhook_attempts_total{}", attempts)
        .containsEntry("vidsim_webhook_outcomes_total{outcome=retrying}", retries);
    double failed = count(journal, "webhook_failed");
    if (failed > 0) {
      assertThat(m).containsEntry("vidsim_webhook_outcomes_total{outcome=abandoned}", failed);
    }
  }

  private static double count(String journal, String kind) {
    return journal.lines().filter(l -> l.contains("\"kind\":\"" + kind + "\"")).count();
  }

  private static Map<String, Double> parse(String text) throws Exception {
    String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3"
        : "python3";
    Process p;
    try {
      p = new ProcessBuilder(python, "-c", PARSER).redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.abort("no python3 to run Prometheus's text parser: " + e.getMessage());
      return null;
    }
    p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    boolean ci = "true".equals(System.getenv("CI"));
    if (out.contains("No module named 'prometheus_client'") && !ci) {
      Assumptions.abort("Prometheus's text parser is not installed (Debian: "
          + "python3-prometheus-client; .ci/run installs it)");
    }
    assertThat(p.exitValue()).as(out).isZero();
    Map<String, Double> values = new HashMap<>();
    JsonNode json = new ObjectMapper().readTree(out);
    json.fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asDouble()));
    return values;
  }
}
