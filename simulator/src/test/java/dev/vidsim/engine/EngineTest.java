package dev.vidsim.engine;

import dev.vidsim.jobs.Usage;

import dev.vidsim.jobs.Jobs;
import dev.vidsim.jobs.JobView;
import dev.vidsim.errors.SimException;
import dev.vidsim.errors.ErrorCode;

import static dev.vidsim.engine.TestScenarios.KEY;
import static dev.vidsim.engine.TestScenarios.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.catalog.ModelSpec;
import dev.vidsim.money.Money;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineTest {
  private final Simulator sim = new Simulator(TestScenarios.billing("seed: 1"));

  @AfterEach
  void close() {
    sim.close();
  }

  private ErrorCode codeOf(Runnable action) {
    try {
      action.run();
    } catch (SimException e) {
      return e.code();
    }
    throw new AssertionError("expected a SimException");
  }

  @Test
  void a_job_goes_queued_in_progress_succeeded_then_expired_on_the_clock() {
    JobView job = sim.call(e -> e.jobs().create(KEY, request("per-second", 8), null));
    assertThat(job.status().wireName()).isEqualTo("queued");
    sim.run(e -> e.clock().advance(Duration.ofSeconds(32)));
    JobView mid = sim.call(e -> e.jobs().get(KEY, job.id()));
    assertThat(mid.status().wireName()).isEqualTo("in_progress");
    assertThat(mid.progress()).isEqualTo(50);
    sim.run(e -> e.clock().advance(Duration.ofSeconds(30)));
    JobView done = sim.call(e -> e.jobs().content(KEY, job.id()));
    assertThat(done.status().wireName()).isEqualTo("succeeded");
    assertThat(done.expiresAt()).isEqualTo(done.completedAt().plus(Duration.ofHours(1)));
    sim.run(e -> e.clock().advance(Duration.ofHours(1)));
    assertThat(codeOf(() -> sim.call(e -> e.jobs().content(KEY, job.id()))))
        .isEqualTo(ErrorCode.CONTENT_EXPIRED);
  }

  @Test
  void content_before_success_is_a_conflict_that_says_why() {
    JobView job = sim.call(e -> e.jobs().create(KEY, request("per-second", 8), null));
    assertThatThrownBy(() -> sim.call(e -> e.jobs().content(KEY, job.id())))
        .hasMessageContaining("it is queued (0%)");
  }

  @Test
  void insufficient_balance_is_402_and_writes_nothing() {
    int before = sim.call(e -> e.ledger().entries("sk-poor").size());
    assertThat(codeOf(() -> sim.call(e -> e.jobs().create("sk-poor", request("per-second", 8),
        null))))
        .isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
    List<?> after = sim.call(e -> e.ledger().entries("sk-poor"));
    assertThat(after).hasSize(before);
    List<?> jobs = sim.call(e -> e.jobs().all());
    assertThat(jobs).isEmpty();
  }

  @Test
  void poll_fees_are_charged_per_status_poll() {
    JobView job = sim.call(e -> e.jobs().create(KEY, request("task", 4), null));
    for (int i = 0; i < 3; i++) sim.call(e -> e.jobs().get(KEY, job.id()));
    Usage usage = sim.call(e -> e.usage(KEY));
    assertThat(usage.pollFees()).isEqualTo(Money.parse("0.003"));
    assertThat(usage.spent()).isEqualTo(Money.parse("0.053"));
  }

  @Test
  void a_poll_fee_is_charged_for_polls_after_the_job_ended_too() {
    JobView job = sim.call(e -> e.jobs().create(KEY, request("task", 4), null));
    sim.run(e -> e.clock().advance(Duration.ofMinutes(2))); // latency at most 5 s + 50 s
    JobView done = sim.call(e -> e.jobs().get(KEY, job.id()));
    assertThat(done.status().wireName()).isEqualTo("succeeded");
    sim.call(e -> e.jobs().get(KEY, job.id()));
    Usage usage = sim.call(e -> e.usage(KEY));
    assertThat(usage.pollFees()).isEqualTo(Money.parse("0.002"));
    assertThat(usage.spent()).isEqualTo(Money.parse("0.052"));
  }

  @Test
  void unavailable_models_are_refused_without_a_charge() {
    assertThat(codeOf(() -> sim.call(e -> e.jobs().create(KEY, request("pro-only", 4), null))))
        .isEqualTo(ErrorCode.MODEL_NOT_AVAILABLE_FOR_TIER);
    assertThat(codeOf(() -> sim.call(e -> e.jobs().create("sk-eu", request("per-second", 4),
        null))))
        .isEqualTo(ErrorCode.REGION_UNAVAILABLE);
    assertThat(codeOf(() -> sim.call(e -> e.jobs().create(KEY, request("nope", 4), null))))
        .isEqualTo(ErrorCode.MODEL_NOT_FOUND);
    List<?> lines = sim.call(e -> e.ledger().entries(KEY));
    assertThat(lines).hasSize(1);
  }

  @Test
  void the_catalog_shows_only_what_the_tenants_tier_and_region_allow() {
    List<ModelSpec> models = sim.call(e -> e.models(KEY));
    assertThat(models).extracting(ModelSpec::id)
        .containsExactly("per-second", "on-create", "split", "task");
    List<?> none = sim.call(e -> e.models("sk-eu"));
    assertThat(none).isEmpty();
  }

  @Test
  void jobs_are_listed_newest_first_with_filters_and_pages() {
    for (int i = 0; i < 3; i++) {
      String key = "k" + i;
      sim.call(e -> e.jobs().create(KEY, request("on-create", 4), key));
    }
    Jobs.JobPage page = sim.call(e -> e.jobs().list(KEY, null, null, 2, null));
    assertThat(page.data()).extracting(JobView::idempotencyKey).containsExactly("k2", "k1");
    assertThat(page.hasMore()).isTrue();
    String last = page.data().get(1).id();
    Jobs.JobPage rest = sim.call(e -> e.jobs().list(KEY, null, null, 2, last));
    assertThat(rest.data()).extracting(JobView::idempotencyKey).containsExactly("k0");
    Jobs.JobPage byKey = sim.call(e -> e.jobs().list(KEY, null, "k1", 20, null));
    assertThat(byKey.data()).hasSize(1);
    Jobs.JobPage done = sim.call(e -> e.jobs().list(KEY, "succeeded", null, 20, null));
    assertThat(done.data()).isEmpty();
  }

  @Test
  void tenants_cannot_see_each_others_jobs() {
    JobView job = sim.call(e -> e.jobs().create(KEY, request("on-create", 4), null));
    assertThat(codeOf(() -> sim.call(e -> e.jobs().get("sk-eu", job.id()))))
        .isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void cancelling_a_finished_job_is_refused() {
    JobView job = sim.call(e -> e.jobs().create(KEY, request("on-create", 4), null));
    sim.run(e -> e.clock().advance(Duration.ofMinutes(5)));
    assertThatThrownBy(() -> sim.call(e -> e.jobs().cancel(KEY, job.id())))
        .hasMessageContaining("is succeeded; only queued or in_progress jobs can be cancelled");
  }

  @Test
  void reset_returns_to_the_scenarios_initial_state() {
    sim.call(e -> e.jobs().create(KEY, request("on-create", 4), null));
    sim.run(e -> e.clock().advance(Duration.ofMinutes(5)));
    sim.reset();
    List<?> jobs = sim.call(e -> e.jobs().all());
    assertThat(jobs).isEmpty();
    Money balance = sim.call(e -> e.balance(KEY).balance());
    assertThat(balance).isEqualTo(Money.parse("10.00"));
    java.time.Instant now = sim.call(e -> e.clock().instant());
    assertThat(now).isEqualTo(sim.scenario().startTime());
  }

  @Test
  void unknown_api_keys_are_refused() {
    assertThatThrownBy(() -> sim.call(e -> e.balance("sk-nobody")))
        .hasMessageContaining("unknown API key");
    assertThatThrownBy(() -> sim.call(e -> e.balance(null)))
        .hasMessageContaining("Authorization: Bearer");
  }
}
