package dev.vidsim.tck.dialects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.checker.JsonText;
import dev.vidsim.client.wire.Dialect;
import dev.vidsim.tck.Generation;
import dev.vidsim.tck.internal.World;
import dev.vidsim.tck.reference.ReferenceClientFactory;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A create the provider charged but whose answer was lost, on providers without idempotency
 * keys: where the client can list its recent jobs it finds the job and adopts it; where it
 * cannot, it never sends the create again. Either way the provider made one job.
 */
class LostCreateTest {
  private static final Generation G1 = new Generation("g1", "a cat surfing", List.of(),
      "text-to-video", BigDecimal.valueOf(8), "720p", null, false);

  @Test
  void on_replicate_the_lost_prediction_is_found_by_listing_and_adopted() {
    foundByListing(Dialect.REPLICATE, "/replicate/v1/predictions", false);
  }

  @Test
  void on_an_openai_compatible_api_a_dropped_create_is_found_by_listing_and_adopted() {
    foundByListing(Dialect.OPENAI, "/openai/v1/videos", true);
  }

  private static void foundByListing(Dialect d, String listPath, boolean drop) {
    World w = lostNextCreate(d, drop);
    try {
      String jobId = w.client().submit(G1);
      assertThat(creates(w)).as("create requests").isEqualTo(1);
      assertThat(requests(w, "\"method\":\"GET\",\"path\":\"" + listPath + "\""))
          .as("listings").isPositive();
      assertThat(w.client().await("g1").status()).isEqualTo("succeeded");
      assertThat(w.client().report().generations()).singleElement()
          .satisfies(g -> assertThat(g.jobIds()).singleElement().asString().endsWith(jobId));
      w.check(true);
    } finally {
      w.close();
    }
  }

  @Test
  void on_fal_a_lost_submit_is_never_sent_again_and_its_outcome_stays_unknown() {
    World w = lostNextCreate(Dialect.FAL, false);
    try {
      assertThatThrownBy(() -> w.client().submit(G1)).hasMessageContaining("not sent again");
      assertThatThrownBy(() -> w.client().await("g1")).as("a resume of the generation")
          .hasMessageContaining("not sent again");
      assertThat(creates(w)).as("create requests").isEqualTo(1);
      int jobs = w.host().simulator().call(e -> e.jobs().all().size());
      assertThat(jobs).as("jobs the provider made").isEqualTo(1);
    } finally {
      w.close();
    }
  }

  private static World lostNextCreate(Dialect d, boolean drop) {
    World w = new World(new ReferenceClientFactory().withDialect(d));
    w.host().simulator().run(e -> e.faults().add(JsonText.parse("{\"when\":{\"endpoint\":"
        + "\"create\",\"times\":1},\"do\":{\"lostResponse\":true" + (drop ? ",\"drop\":true" : "")
        + "}}")));
    return w;
  }

  private static long creates(World w) {
    return requests(w, "\"method\":\"POST\"");
  }

  private static long requests(World w, String fragment) {
    return w.host().simulator().call(e -> e.journal().lines(k -> k.equals("request"))).stream()
        .filter(l -> l.contains(fragment)).count();
  }
}
