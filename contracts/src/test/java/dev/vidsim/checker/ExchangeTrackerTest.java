package dev.vidsim.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Requests that overlap (two client threads, a create held by a synchronous model) are paired
 * by the {@code req} tag each answering line carries, not first in, first out.
 */
class ExchangeTrackerTest {
  private static JournalEvent line(long seq, String kind, String rest) {
    return JournalEvent.parse("{\"seq\":" + seq + ",\"t\":\"2026-01-01T00:00:0" + (seq % 10)
        + "Z\",\"kind\":\"" + kind + "\"" + rest + "}");
  }

  private static JournalEvent create(long seq, String key) {
    return line(seq, "request", ",\"method\":\"POST\",\"path\":\"/v1/videos\",\"apiKey\":\"sk\","
        + "\"idempotencyKey\":\"" + key + "\",\"body\":\"{}\"");
  }

  /** Thread 1's create is held; thread 2's create with the same key is 409 meanwhile. */
  private static final List<JournalEvent> OVERLAPPING = List.of(
      create(1, "k1"),
      line(2, "job_created", ",\"job\":\"vid_1\",\"req\":1"),
      create(3, "k1"),
      line(4, "response", ",\"status\":409,\"body\":{\"error\":{\"code\":"
          + "\"idempotency_in_flight\"}},\"req\":3"),
      line(5, "job_succeeded", ",\"job\":\"vid_1\""),
      line(6, "response", ",\"status\":201,\"body\":{\"id\":\"vid_1\"},\"req\":1"));

  @Test
  void a_held_create_keeps_its_job_and_its_own_answer_when_a_later_request_answers_first() {
    List<Exchange> xs = Exchange.pair(OVERLAPPING);

    assertThat(xs).extracting(x -> x.request().seq()).containsExactly(1L, 3L);
    assertThat(xs.get(0).status()).isEqualTo(201);
    assertThat(xs.get(0).createdJobs()).containsExactly("vid_1");
    assertThat(xs.get(1).status()).isEqualTo(409);
    assertThat(xs.get(1).errorCode()).isEqualTo("idempotency_in_flight");
    assertThat(xs.get(1).createdJobs()).isEmpty();
    // a line no request wrote (the clock ran the job) belongs to neither
    assertThat(xs.get(0).inside()).extracting(JournalEvent::kind).containsExactly("job_created");
  }

  @Test
  void fed_a_line_at_a_time_it_pairs_as_the_whole_journal_does() {
    ExchangeTracker t = new ExchangeTracker();
    OVERLAPPING.forEach(e -> t.add(List.of(e)));

    assertThat(t.exchanges()).extracting(Exchange::toString)
        .containsExactlyElementsOf(Exchange.pair(OVERLAPPING).stream().map(Exchange::toString)
            .toList());
  }

  @Test
  void while_one_is_open_the_other_is_already_paired_and_both_are_in_request_order() {
    ExchangeTracker t = new ExchangeTracker();
    t.add(OVERLAPPING.subList(0, 4));

    assertThat(t.exchanges()).extracting(x -> x.request().seq(), Exchange::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 0),
            org.assertj.core.groups.Tuple.tuple(3L, 409));
  }

  @Test
  void a_journal_without_tags_is_paired_first_in_first_out() {
    List<JournalEvent> untagged = List.of(create(1, "k1"),
        line(2, "job_created", ",\"job\":\"vid_1\""),
        line(3, "response", ",\"status\":201,\"body\":{\"id\":\"vid_1\"}"),
        create(4, "k2"), line(5, "response", ",\"status\":429"));

    List<Exchange> xs = Exchange.pair(untagged);

    assertThat(xs).extracting(Exchange::status).containsExactly(201, 429);
    assertThat(xs.get(0).createdJobs()).containsExactly("vid_1");
  }
}
