package dev.vidsim.tck.internal;

import dev.vidsim.http.Wire;
import java.util.List;
import java.util.Map;
import net.jqwik.api.state.Action;

/**
 * Someone posts a webhook the provider never sent: it claims one of the tenant's jobs succeeded,
 * signed with the wrong secret. The client must not act on it.
 */
public final class ForgedWebhook extends Action.JustMutate<World> {
  private static final String WRONG_SIGNATURE = "v1,bm90IHRoZSBwcm92aWRlcidzIHNpZ25hdHVyZQ==";

  @Override
  public void mutate(World w) {
    String job = w.host().simulator().call(e -> e.jobs().all().stream()
        .filter(j -> w.apiKey().equals(e.jobs().tenantOf(j.id())))
        .map(j -> Wire.job(j).put("status", "succeeded").put("progress", 100).toString())
        .findFirst().orElse(null));
    if (job == null) return;
    long now = w.host().now().getEpochSecond();
    String id = "evt_forged_" + w.steps().size();
    String body = "{\"id\":\"" + id + "\",\"object\":\"event\",\"type\":\"video.completed\","
        + "\"createdAt\":\"" + w.host().now() + "\",\"data\":" + job + "}";
    w.step("forged webhook " + id);
    w.forgedDelivery(Map.of("webhook-id", List.of(id), "webhook-timestamp",
        List.of(Long.toString(now)), "webhook-signature", List.of(WRONG_SIGNATURE)), body);
  }

  @Override
  public String description() {
    return "forged webhook";
  }
}
