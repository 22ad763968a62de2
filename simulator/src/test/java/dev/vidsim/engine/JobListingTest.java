package dev.vidsim.engine;

import static dev.vidsim.engine.TestScenarios.KEY;
import static dev.vidsim.engine.TestScenarios.refused;
import static dev.vidsim.engine.TestScenarios.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.jobs.JobView;
import dev.vidsim.jobs.Jobs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Listing a tenant's jobs at the engine: page bounds, the cursor, where {@code hasMore} turns,
 * and what a list never shows (another tenant's jobs, deleted ones, another dialect's).
 */
class JobListingTest {
  private final Simulator sim = new Simulator(TestScenarios.billing("seed: 1"));

  @AfterEach
  void close() {
    sim.close();
  }

  /** Creates {@code n} jobs, oldest first, keyed k0, k1, ... */
  private List<String> create(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String key = "k" + i;
      ids.add(sim.call(e -> e.jobs().create(KEY, request("on-create", 4), key)).id());
    }
    return ids;
  }

  private Jobs.JobPage list(int limit, String after) {
    return sim.call(e -> e.jobs().list(KEY, null, null, limit, after));
  }

  private static List<String> keys(Jobs.JobPage page) {
    return page.data().stream().map(JobView::idempotencyKey).toList();
  }

  @Test
  void a_page_holds_from_1_to_100_jobs_and_a_limit_outside_says_so() {
    create(3);
    assertThat(keys(list(1, null))).containsExactly("k2");
    assertThat(keys(list(100, null))).containsExactly("k2", "k1", "k0");
    for (int bad : new int[] {0, 101, -1}) {
      SimException e = refused(() -> list(bad, null));
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
      assertThat(e.getMessage()).contains("limit").contains("between 1 and 100");
    }
  }

  @Test
  void has_more_is_true_while_a_job_follows_the_page_and_false_at_the_last() {
    List<String> ids = create(4);
    Jobs.JobPage first = list(3, null);
    assertThat(keys(first)).containsExactly("k3", "k2", "k1");
    assertThat(first.hasMore()).as("k0 follows").isTrue();
    Jobs.JobPage exact = list(4, null);
    assertThat(exact.hasMore()).as("the page ends at the oldest job").isFalse();
    Jobs.JobPage rest = list(3, ids.get(1));
    assertThat(keys(rest)).containsExactly("k0");
    assertThat(rest.hasMore()).isFalse();
    Jobs.JobPage afterLast = list(3, ids.get(0));
    assertThat(afterLast.data()).isEmpty();
    assertThat(afterLast.hasMore()).isFalse();
  }

  @Test
  void a_cursor_that_is_not_in_the_list_is_refused_by_name() {
    create(2);
    SimException e = refused(() -> list(10, "vid_nope"));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(e.getMessage()).contains("after").contains("vid_nope");
    String theirs = sim.call(e2 -> e2.jobs().create("sk-poor", request("on-create", 2), null))
        .id();
    assertThat(refused(() -> list(10, theirs)).getMessage()).contains(theirs);
  }

  @Test
  void a_list_shows_neither_another_tenants_jobs_nor_deleted_ones() {
    List<String> ids = create(3);
    sim.call(e -> e.jobs().create("sk-poor", request("on-create", 2), "k1"));
    sim.call(e -> e.jobs().delete(KEY, ids.get(1)));
    Jobs.JobPage page = list(100, null);
    assertThat(keys(page)).containsExactly("k2", "k0");
    assertThat(page.hasMore()).isFalse();
    assertThat(sim.call(e -> e.jobs().list(KEY, null, "k1", 10, null)).data())
        .as("a deleted job's key finds nothing").isEmpty();
  }

  @Test
  void a_dialect_lists_its_own_jobs_in_either_order() {
    List<String> own = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      own.add(sim.call(e -> e.jobs().create(KEY, new CreateRequest("on-create", "a cat", null,
          BigDecimal.valueOf(4), null, null, null, "openai", Map.of(), null), null)).id());
      sim.call(e -> e.jobs().create(KEY, request("on-create", 4), null));
    }
    Jobs.JobPage newest = sim.call(e -> e.jobs().listOwn(KEY, "openai", 2, null, false));
    assertThat(newest.data()).extracting(JobView::id).containsExactly(own.get(2), own.get(1));
    assertThat(newest.hasMore()).isTrue();
    Jobs.JobPage oldest = sim.call(e -> e.jobs().listOwn(KEY, "openai", 2, null, true));
    assertThat(oldest.data()).extracting(JobView::id).containsExactly(own.get(0), own.get(1));
    assertThat(oldest.hasMore()).isTrue();
    Jobs.JobPage tail = sim.call(e -> e.jobs().listOwn(KEY, "openai", 2, own.get(1), true));
    assertThat(tail.data()).extracting(JobView::id).containsExactly(own.get(2));
    assertThat(tail.hasMore()).isFalse();
    assertThat(sim.call(e -> e.jobs().list(KEY, null, null, 100, null)).data())
        .as("vidsim's own list shows every dialect's jobs").hasSize(6);
  }

  @Test
  void a_status_filter_shows_only_that_status_and_an_unknown_one_is_refused() {
    List<String> ids = create(2);
    sim.call(e -> e.jobs().cancel(KEY, ids.get(0)));
    assertThat(keys(sim.call(e -> e.jobs().list(KEY, "cancelled", null, 10, null))))
        .containsExactly("k0");
    assertThat(keys(sim.call(e -> e.jobs().list(KEY, "queued", null, 10, null))))
        .containsExactly("k1");
    assertThatThrownBy(() -> sim.call(e -> e.jobs().list(KEY, "done", null, 10, null)))
        .isInstanceOf(SimException.class).hasMessageContaining("done");
  }

  @Test
  void a_dialect_knows_only_the_jobs_made_through_it_while_vidsims_api_knows_all() {
    String viaOpenAi = sim.call(e -> e.jobs().create(KEY, new CreateRequest("on-create", "a cat",
        null, BigDecimal.valueOf(4), null, null, null, "openai", Map.of(), null), null)).id();
    sim.run(e -> e.jobs().requireMadeThrough(KEY, viaOpenAi, "openai"));
    sim.run(e -> e.jobs().requireMadeThrough(KEY, viaOpenAi, CreateRequest.VIDSIM));
    SimException e = refused(() -> sim.run(e2 -> e2.jobs().requireMadeThrough(KEY, viaOpenAi,
        "replicate")));
    assertThat(e.code()).as("answered as a job that does not exist")
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(e.getMessage()).contains(viaOpenAi);
    String own = create(1).get(0);
    assertThat(refused(() -> sim.run(e2 -> e2.jobs().requireMadeThrough(KEY, own, "openai")))
        .code()).isEqualTo(ErrorCode.NOT_FOUND);
  }
}
