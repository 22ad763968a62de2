package dev.vidsim.testcontainers;

import dev.vidsim.client.ClientClock;
import dev.vidsim.testkit.VidsimAdmin;
import java.time.Duration;
import java.time.Instant;

/** The reference client's clock, driven over the admin API: sleeping advances simulated time. */
final class AdminClock implements ClientClock {
  private final VidsimAdmin admin;

  AdminClock(VidsimAdmin admin) {
    this.admin = admin;
  }

  @Override
  public Instant now() {
    return Instant.parse(admin.clock().get("now").asText());
  }

  @Override
  public void sleep(Duration d) {
    admin.advance(d);
  }
}
