package dev.vidsim.engine;

import dev.vidsim.jobs.JobView;
import dev.vidsim.errors.SimException;
import dev.vidsim.errors.ErrorCode;

import static dev.vidsim.engine.TestScenarios.KEY;
import static dev.vidsim.engine.TestScenarios.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.idempotency.IdempotencyStore;
import dev.vidsim.ledger.LedgerEntry;
import dev.vidsim.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdempotencyTest {
  private final Simulator sim = new Simulator(TestScenarios.billing("seed: 1"));

  @AfterEach
  void close() {
    sim.close();
  }

  private List<LedgerEntry> ledger(String key) {
    return sim.call(e -> e.ledger().entries(key));
  }

  @Test
  void the_same_key_and_body_replay_the_first_response_without_a_new_charge() {
    JobView first = sim.call(e -> e.jobs().create(KEY, request("on-create", 8), "k1"));
    sim.run(e -> e.clock().advance(Duration.ofSeconds(30)));
    JobView again = sim.call(e -> e.jobs().create(KEY, request("on-create", 8), "k1"));
    assertThat(again).isEqualTo(first);
    assertThat(again.status().wireName()).isEqualTo("queued");
    assertThat(ledger(KEY)).filteredOn(x -> x.jobId() != null).hasSize(1);
    List<?> jobs = sim.call(e -> e.jobs().all());
    assertThat(jobs).hasSize(1);
  }

  @Test
  void a_settled_key_replays_after_its_model_left_the_catalog_and_a_new_key_is_refused() {
    try (Simulator leaving = new Simulator(dev.vidsim.scenario.ScenarioLoader.parse(
        "leaving.yaml", """
            schemaVersion: 1
            name: leaving
            accounts: [{ apiKey: sk-a, tier: free, region: us-east, balance: "10.00" }]
            models:
              - id: leaving
                modes: [text-to-video]
                regions: [us-east]
                removedAt: 30m
                pricing: { unit: video, price: "0.50" }
            """))) {
      JobView first = leaving.call(e -> e.jobs().create(KEY, request("leaving", 8), "k1"));
      leaving.run(e -> e.clock().advance(Duration.ofMinutes(40)));
      List<LedgerEntry> before = leaving.call(e -> e.ledger().entries(KEY));
      // the create whose answer was lost is asked again after the model left: the job it made
      JobView again = leaving.call(e -> e.jobs().create(KEY, request("leaving", 8), "k1"));
      assertThat(again.id()).isEqualTo(first.id());
      List<LedgerEntry> after = leaving.call(e -> e.ledger().entries(KEY));
      assertThat(after).isEqualTo(before);
      assertThatThrownBy(() -> leaving.call(e -> e.jobs().create(KEY, request("leaving", 8),
          "k2"))).isInstanceOfSatisfying(SimException.class,
              x -> assertThat(x.getMessage()).contains("was removed"));
    }
  }

  @Test
  void a_replay_of_a_flat_fee_model_charges_neither_the_fee_nor_the_usage_again() {
    JobView first = sim.call(e -> e.jobs().create(KEY, request("split", 8), "k1"));
    List<LedgerEntry> before = ledger(KEY);
    JobView again = sim.call(e -> e.jobs().create(KEY, request("split", 8), "k1"));
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(ledger(KEY)).isEqualTo(before);
    // the 0.01 fee once, and 25 % of 0.80 charged at create
    assertThat(sim.call(e -> e.usage(KEY)).flatFees()).isEqualTo(Money.parse("0.01"));
    assertThat(sim.call(e -> e.usage(KEY)).spent()).isEqualTo(Money.parse("0.21"));
  }

  @Test
  void a_failure_after_validation_is_replayed_too() {
    assertThatThrownBy(() -> sim.call(e -> e.jobs().create("sk-poor", request("on-create", 8),
        "k1")))
        .isInstanceOf(SimException.class).hasMessageContaining("insufficient balance");
    sim.run(e -> e.topUp("sk-poor", dev.vidsim.money.Money.parse("5.00")));
    assertThatThrownBy(() -> sim.call(e -> e.jobs().create("sk-poor", request("on-create", 8),
        "k1")))
        .isInstanceOf(SimException.class)
        .satisfies(x -> assertThat(((SimException) x).code())
            .isEqualTo(ErrorCode.INSUFFICIENT_BALANCE));
    assertThat(ledger("sk-poor")).extracting(x -> x.type().wireName()).containsExactly("topup",
        "topup");
  }

  @Test
  void the_same_key_with_another_body_is_422_and_charges_nothing() {
    sim.call(e -> e.jobs().create(KEY, request("on-create", 8), "k1"));
    int lines = ledger(KEY).size();
    assertThatThrownBy(() -> sim.call(e -> e.jobs().create(KEY, request("on-create", 4), "k1")))
        .isInstanceOf(SimException.class)
        .satisfies(x -> assertThat(((SimException) x).code())
            .isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED))
        .hasMessageContaining("different request body");
    assertThat(ledger(KEY)).hasSize(lines);
  }

  @Test
  void validation_errors_are_not_remembered() {
    assertThatThrownBy(() -> sim.call(e -> e.jobs().create(KEY, request("per-second", 99), "k1")))
        .hasMessageContaining("seconds");
    JobView ok = sim.call(e -> e.jobs().create(KEY, request("per-second", 8), "k1"));
    assertThat(ok.idempotencyKey()).isEqualTo("k1");
  }

  @Test
  void keys_are_per_tenant() {
    JobView a = sim.call(e -> e.jobs().create(KEY, request("on-create", 8), "shared"));
    sim.run(e -> e.createTenant("sk-b", "free", "us-east", dev.vidsim.money.Money.parse("5.00")));
    JobView b = sim.call(e -> e.jobs().create("sk-b", request("on-create", 8), "shared"));
    assertThat(b.id()).isNotEqualTo(a.id());
  }

  @Test
  void keys_expire_after_the_window_on_the_virtual_clock() {
    JobView first = sim.call(e -> e.jobs().create(KEY, request("on-create", 8), "k1"));
    sim.run(e -> e.clock().advance(Duration.ofHours(23)));
    assertThat(sim.call(e -> e.jobs().create(KEY, request("on-create", 8), "k1")).id())
        .isEqualTo(first.id());
    sim.run(e -> e.clock().advance(Duration.ofHours(1)));
    JobView fresh = sim.call(e -> e.jobs().create(KEY, request("on-create", 8), "k1"));
    assertThat(fresh.id()).isNotEqualTo(first.id());
    List<String> expired = sim.call(e -> e.journal()
        .lines(k -> k.equals("idempotency_key_expired")));
    assertThat(expired).hasSize(1);
  }

  @Test
  void a_key_still_in_flight_is_a_conflict() {
    IdempotencyStore<String> store = new IdempotencyStore<>();
    Instant t = Instant.EPOCH;
    assertThat(store.begin("a", "k", "body", t)).isInstanceOf(IdempotencyStore.Fresh.class);
    assertThat(store.begin("a", "k", "body", t)).isInstanceOf(IdempotencyStore.InFlight.class);
    assertThat(store.begin("a", "k", "other", t)).isInstanceOf(IdempotencyStore.Mismatch.class);
    store.complete("a", "k", "response");
    assertThat(store.begin("a", "k", "body", t))
        .isEqualTo(new IdempotencyStore.Replay<>("response"));
  }

  @Test
  void malformed_keys_are_rejected_with_the_header_named() {
    assertThatThrownBy(() -> sim.call(e -> e.jobs().create(KEY, request("on-create", 8),
        "has space")))
        .hasMessageStartingWith("Idempotency-Key:");
  }

  @Test
  void a_settled_key_finds_its_job_in_the_listing_and_an_unused_key_finds_none() {
    JobView first = sim.call(e -> e.jobs().create(KEY, request("on-create", 8), "k1"));
    assertThat(sim.call(e -> e.jobs().list(KEY, null, "k1", 10, null)).data())
        .extracting(JobView::id).containsExactly(first.id());
    assertThat(sim.call(e -> e.jobs().list(KEY, null, "k2", 10, null)).data()).isEmpty();
  }
}
