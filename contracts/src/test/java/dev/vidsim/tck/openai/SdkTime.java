package dev.vidsim.tck.openai;

import com.openai.core.Sleeper;
import dev.vidsim.tck.SimTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's sleeper and clock on the simulated clock, as a team wires them in its own tests:
 * the SDK decides its retries and waits exactly as in production, and the waits cost no time.
 */
final class SdkTime {
  private SdkTime() {}

  static Sleeper sleeper(SimTime time) {
    return new Sleeper() {
      @Override
      public void sleep(Duration d) {
        time.sleep(d);
      }

      @Override
      public CompletableFuture<Void> sleepAsync(Duration d) {
        time.sleep(d);
        return CompletableFuture.completedFuture(null);
      }

      @Override
      public void close() {}
    };
  }

  static Clock clock(SimTime time) {
    return new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return time.now();
      }
    };
  }
}
