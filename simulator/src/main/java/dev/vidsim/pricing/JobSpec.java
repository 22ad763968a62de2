package dev.vidsim.pricing;

import java.math.BigDecimal;

/** What a create request asks for, as far as pricing cares. */
public record JobSpec(String mode, String resolution, String tier, BigDecimal seconds,
                      int inputImages) {
  public JobSpec {
    if (seconds.signum() <= 0) {
      throw new IllegalArgumentException("seconds must be positive, got " + seconds);
    }
    if (inputImages < 0) {
      throw new IllegalArgumentException("inputImages must be >= 0, got " + inputImages);
    }
  }

  public JobSpec withSeconds(BigDecimal delivered) {
    return new JobSpec(mode, resolution, tier, delivered, inputImages);
  }
}
