package dev.vidsim.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestChecksTest {
  private static final String T = "sk-t";
  private static final String CAT = "{\"model\":\"clip\",\"prompt\":\"cat\"}";
  private static final String DOG = "{\"model\":\"clip\",\"prompt\":\"dog\"}";

  @Test
  void key_reuse_with_other_body_rejected_holds_when_the_reuse_gets_422() {
    Fixture f = new Fixture().topup(T, "10.00").create(T, "k1", "vid_1", "clip", "0.35",
        "create");
    f.request("POST", "/v1/videos", T, "k1", DOG).error(422, "idempotency_key_reused");
    Report r = f.check();
    assertThat(r.violationsOf("key_reuse_with_other_body_rejected")).isEmpty();
    assertThat(r.checksRun()).contains("key_reuse_with_other_body_rejected");
  }

  @Test
  void key_reuse_with_other_body_rejected_fails_when_the_reuse_is_accepted() {
    Fixture f = new Fixture().topup(T, "10.00").create(T, "k1", "vid_1", "clip", "0.35",
        "create");
    f.request("POST", "/v1/videos", T, "k1", DOG)
        .response(200, Fixture.f().put("id", "vid_1"));
    assertThat(f.check().violationsOf("key_reuse_with_other_body_rejected")).first()
        .asString().contains("key k1", "answered 200, expected 422");
  }

  @Test
  void key_reuse_with_same_body_in_other_field_order_is_not_a_reuse() {
    Fixture f = new Fixture().topup(T, "10.00").create(T, "k1", "vid_1", "clip", "0.35",
        "create");
    f.request("POST", "/v1/videos", T, "k1", "{\"prompt\":\"cat\",\"model\":\"clip\"}")
        .response(201, Fixture.f().put("id", "vid_1"));
    assertThat(f.check().violationsOf("key_reuse_with_other_body_rejected")).isEmpty();
  }

  @Test
  void no_charge_for_rejected_requests_fails_when_a_402_still_charged() {
    Fixture f = new Fixture().topup(T, "0.10");
    f.request("POST", "/v1/videos", T, "k1", CAT).jobCreated("vid_1", T, "clip")
        .ledger(T, "charge", "0.05", "vid_1", "k1", "flat fee")
        .error(402, "insufficient_balance");
    assertThat(f.check().violationsOf("no_charge_for_rejected_requests")).first().asString()
        .contains("answered 402 insufficient_balance but created [vid_1] and wrote 1",
            "journal #4");
  }

  @Test
  void no_charge_for_rejected_requests_fails_when_a_rate_limited_poll_charged_a_fee() {
    Fixture f = new Fixture().topup(T, "1.00").create(T, "k1", "vid_1", "clip", "0.35",
        "create");
    f.request("GET", "/v1/videos/vid_1", T, null, null)
        .ledger(T, "charge", "0.01", "vid_1", "k1", "poll fee").rateLimited(2);
    assertThat(f.check().violationsOf("no_charge_for_rejected_requests")).first().asString()
        .startsWith("[no_charge_for_rejected_requests] job vid_1: answered 429 rate_limited");
  }

  @Test
  void no_charge_for_rejected_requests_holds_for_rejections_that_write_nothing() {
    Fixture f = new Fixture().topup(T, "0.10");
    f.request("POST", "/v1/videos", T, "k1", CAT).error(402, "insufficient_balance");
    f.request("POST", "/v1/videos", T, "k2", CAT).error(503, "region_unavailable");
    f.request("POST", "/v1/videos", T, "k3", CAT).rateLimited(1);
    assertThat(f.check().violationsOf("no_charge_for_rejected_requests")).isEmpty();
  }

  @Test
  void only_legal_transitions_fails_when_a_job_jumps_from_queued_to_succeeded() {
    Fixture f = new Fixture().topup(T, "10.00").create(T, "k1", "vid_1", "clip", "0.35",
        "create");
    f.state("vid_1", "queued", "succeeded")
        .snapshot("vid_1", "clip", "succeeded", "0.35", "create", "k1", null);
    assertThat(f.check().violationsOf("only_legal_transitions")).first().asString()
        .contains("job vid_1: illegal transition queued → succeeded");
  }

  @Test
  void only_legal_transitions_fails_when_a_job_leaves_a_terminal_state() {
    Fixture f = new Fixture().topup(T, "10.00").create(T, "k1", "vid_1", "clip", "0.35",
        "create");
    f.state("vid_1", "queued", "cancelled").state("vid_1", "cancelled", "in_progress")
        .snapshot("vid_1", "clip", "in_progress", "0.35", "create", "k1", null);
    assertThat(f.check().violationsOf("only_legal_transitions")).first().asString()
        .contains("illegal transition cancelled → in_progress");
  }

  @Test
  void only_legal_transitions_fails_when_the_snapshot_disagrees_with_the_history() {
    Fixture f = new Fixture().topup(T, "10.00").create(T, "k1", "vid_1", "clip", "0.35",
        "create");
    f.snapshot("vid_1", "clip", "in_progress", "0.35", "create", "k1", null);
    assertThat(f.check().violationsOf("only_legal_transitions")).first().asString()
        .contains("is in_progress but its journaled history ends at queued");
  }

  private static Fixture lostCreate(String key) {
    Fixture f = new Fixture().topup(T, "10.00");
    f.request("POST", "/v1/videos", T, key, CAT).jobCreated("vid_1", T, "clip")
        .ledger(T, "charge", "0.35", "vid_1", key, "1 video on create")
        .error(500, "internal");
    return f.snapshot("vid_1", "clip", "queued", "0.35", "create", key, null);
  }

  @Test
  void lost_responses_settle_to_one_job_holds_when_the_retry_replays_the_same_key() {
    Fixture f = lostCreate("k1");
    f.advance(Duration.ofSeconds(1)).request("POST", "/v1/videos", T, "k1", CAT)
        .line("idempotent_replay", Fixture.f().put("tenant", T).put("idempotencyKey", "k1"))
        .response(201, Fixture.f().put("id", "vid_1"));
    f.clientLog.generation("gen-1", T, "k1", List.of("vid_1"));
    Report r = f.check(ClientLimits.defaults());
    assertThat(r.violationsOf("lost_responses_settle_to_one_job")).isEmpty();
    assertThat(r.violationsOf("no_charge_for_rejected_requests")).isEmpty();
  }

  @Test
  void lost_responses_settle_to_one_job_fails_when_the_retry_has_no_key() {
    Fixture f = lostCreate(null);
    f.advance(Duration.ofSeconds(1)).request("POST", "/v1/videos", T, null, CAT)
        .jobCreated("vid_2", T, "clip")
        .ledger(T, "charge", "0.35", "vid_2", null, "1 video on create")
        .response(201, Fixture.f().put("id", "vid_2"));
    assertThat(f.check().violationsOf("lost_responses_settle_to_one_job")).first().asString()
        .contains("job vid_1: its create response was lost", "creating [vid_2]");
  }

  @Test
  void lost_responses_settle_to_one_job_fails_when_the_client_abandons_the_charged_job() {
    Fixture f = lostCreate("k1");
    f.request("POST", "/v1/videos", T, "k2", CAT).jobCreated("vid_2", T, "clip")
        .ledger(T, "charge", "0.35", "vid_2", "k2", "1 video on create")
        .response(201, Fixture.f().put("id", "vid_2"));
    f.clientLog.generation("gen-1", T, "k1", List.of("vid_2"));
    Report r = f.check(ClientLimits.defaults());
    assertThat(r.violationsOf("lost_responses_settle_to_one_job")).extracting(Violation::message)
        .anyMatch(m -> m.contains("generation gen-1 should have settled to exactly this job but"
            + " holds [vid_2]"))
        .anyMatch(m -> m.contains("no generation of the client holds it"));
  }

  @Test
  void lost_responses_settle_to_one_job_fails_when_a_generation_holds_two_jobs() {
    Fixture f = new Fixture().topup(T, "10.00")
        .create(T, "k1", "vid_1", "clip", "0.35", "create")
        .create(T, "k2", "vid_2", "clip", "0.35", "create");
    f.clientLog.generation("gen-1", T, "k1", List.of("vid_1", "vid_2"));
    assertThat(f.check(ClientLimits.defaults()).violationsOf("lost_responses_settle_to_one_job"))
        .first().asString().contains("generation gen-1: ended with 2 jobs [vid_1, vid_2]");
  }
}
