package dev.vidsim.pricing;

import dev.vidsim.money.Money;

/**
 * What a failed job finally costs, as a share of its quoted usage charge: refund = nothing,
 * keep = the full quote, partial = a whole percent of it. The flat request fee is never refunded.
 */
public record Settlement(Kind kind, int percent) {
  public enum Kind { REFUND, KEEP, PARTIAL }

  public static final Settlement REFUND = new Settlement(Kind.REFUND, 0);
  public static final Settlement KEEP = new Settlement(Kind.KEEP, 100);

  public Settlement {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("partial percent must be 0..100, got " + percent);
    }
  }

  public static Settlement partial(int percent) {
    return new Settlement(Kind.PARTIAL, percent);
  }

  /** Parses "refund", "keep", "partial:40". */
  public static Settlement parse(String text) {
    if ("refund".equals(text)) return REFUND;
    if ("keep".equals(text)) return KEEP;
    if (text != null && text.matches("partial:\\d{1,3}")) {
      return partial(Integer.parseInt(text.substring("partial:".length())));
    }
    throw new IllegalArgumentException(
        "expected refund, keep or partial:<percent> (e.g. partial:50), got \"" + text + "\"");
  }

  public Money finalCost(Money usage) {
    return usage.percent(percent);
  }

  @Override
  public String toString() {
    return kind == Kind.PARTIAL ? "partial:" + percent : kind.name().toLowerCase();
  }
}
