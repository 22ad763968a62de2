package dev.vidsim.engine;

import static dev.vidsim.engine.TestScenarios.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.check.HookReceiver;
import dev.vidsim.engine.WebhookShape.Moment;
import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.jobs.JobView;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The moments a dialect's webhook shape asks for: its start, half its render and its end, each
 * event the job as it is then; a shape asking for the end only gets only that.
 */
class JobEventsTest {
  private final Simulator sim = new Simulator(TestScenarios.billing("seed: 1"));
  private final HookReceiver receiver = new HookReceiver();

  /** Reports every moment, the body naming the moment, status and progress. */
  private static final WebhookShape EVERY_MOMENT = new WebhookShape() {
    @Override
    public String eventType(JobView job) {
      return "end";
    }

    @Override
    public List<String> eventTypes(Moment moment, JobView job) {
      return List.of(moment.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public String body(String eventId, Instant at, String type, JobView j) {
      return type + " " + j.status().wireName() + " " + j.progress();
    }
  };

  @AfterEach
  void close() {
    receiver.close();
    sim.close();
  }

  private String create(String dialect) {
    var req = new CreateRequest("per-second", "a cat", null, BigDecimal.valueOf(8), null, null,
        receiver.url(), dialect, Map.of(), null);
    return sim.call(e -> e.jobs().create(KEY, req, null)).id();
  }

  private static com.fasterxml.jackson.databind.JsonNode rule(String json) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String journal() {
    return sim.call(e -> e.journal().toJsonl());
  }

  private List<String> bodies() {
    return receiver.deliveries().stream().map(HookReceiver.Delivery::body).toList();
  }

  @Test
  void a_shape_asking_for_every_moment_gets_the_job_at_start_half_way_and_end() {
    sim.webhookShapes().register("moments", EVERY_MOMENT);
    create("moments");
    sim.advance(Duration.ofMinutes(5));
    // queued 2 s, render 60 s: start at 2 s, half way at 32 s, end at 62 s
    assertThat(bodies()).containsExactly("started in_progress 0", "halfway in_progress 50",
        "ended succeeded 100");
    assertThat(receiver.deliveries().stream().map(HookReceiver.Delivery::timestamp))
        .containsExactly("1767225602", "1767225632", "1767225662");
    assertThat(journal()).contains("webhook_moment_planned");
  }

  @Test
  void a_shape_reporting_the_end_only_gets_one_event_and_nothing_is_planned_half_way() {
    sim.webhookShapes().register("end-only", WebhookShape.of(j -> "done",
        (id, at, type, j) -> type + " " + j.status().wireName()));
    create("end-only");
    sim.advance(Duration.ofMinutes(5));
    assertThat(bodies()).containsExactly("done succeeded");
    assertThat(journal()).doesNotContain("webhook_moment_planned");
  }

  @Test
  void a_job_cancelled_before_half_way_sends_no_half_way_event() {
    sim.webhookShapes().register("moments", EVERY_MOMENT);
    String id = create("moments");
    sim.advance(Duration.ofSeconds(10));
    sim.run(e -> e.jobs().cancel(KEY, id));
    sim.advance(Duration.ofMinutes(5));
    assertThat(bodies()).containsExactly("started in_progress 0", "ended cancelled 13");
  }

  @Test
  void fault_rules_match_each_event_by_its_type() {
    sim.webhookShapes().register("moments", EVERY_MOMENT);
    var rule = rule("{\"when\":{\"event\":\"started\"},\"do\":{\"webhook\":\"duplicate\"}}");
    sim.run(e -> e.faults().add(rule));
    create("moments");
    sim.advance(Duration.ofMinutes(5));
    assertThat(bodies()).containsExactly("started in_progress 0", "started in_progress 0",
        "halfway in_progress 50", "ended succeeded 100");
  }
}
