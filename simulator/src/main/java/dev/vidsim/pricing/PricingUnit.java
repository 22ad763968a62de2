package dev.vidsim.pricing;

import java.util.Arrays;

/** What a provider counts when it bills. */
public enum PricingUnit {
  /** Tokens of output: billed seconds × tokensPerSecond, priced per {@code per} tokens. */
  TOKEN("token"),
  /** Provider credits: ceil(billed seconds × creditsPerSecond), or creditsPerVideo. */
  CREDIT("credit"),
  /** Seconds of output video, ceil to the billing increment, at least the minimum seconds. */
  SECOND("second"),
  /** Input images (image-to-video) or output frames, per the model's imageCount. */
  IMAGE("image"),
  /** One per delivered video. */
  VIDEO("video"),
  /** One per async task, charged on create whatever happens. */
  TASK("task");

  private final String wireName;

  PricingUnit(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static PricingUnit parse(String text) {
    return Arrays.stream(values()).filter(u -> u.wireName.equals(text)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "expected a pricing unit (token, credit, second, image, video, task), got \"" + text
                + "\""));
  }
}
