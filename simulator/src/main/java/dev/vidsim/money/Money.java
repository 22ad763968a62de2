package dev.vidsim.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact amount of money in micro-units (1 USD = 1_000_000 micros; 1 credit = 1_000_000 micros).
 * Never a double: every charge is computed in {@link BigDecimal} and rounded up to a whole micro,
 * the one rounding rule of vidsim.
 */
public record Money(long micros) implements Comparable<Money> {
  public static final Money ZERO = new Money(0);
  private static final BigDecimal MICROS_PER_UNIT = BigDecimal.valueOf(1_000_000);

  /** Parses "0.50", "12", "0.000125". More than six decimals or a sign is an error. */
  public static Money parse(String text) {
    if (text == null || !text.matches("\\d{1,12}(\\.\\d{1,6})?")) {
      throw new IllegalArgumentException(
          "expected a non-negative amount under 10^12 with at most 6 decimals, such as \"0.50\","
              + " got \""
              + text + "\"");
    }
    return new Money(new BigDecimal(text).movePointRight(6).longValueExact());
  }

  public static Money ofUnits(long units) {
    return new Money(Math.multiplyExact(units, 1_000_000L));
  }

  /** Rounds up to a whole micro: vidsim's only rounding rule for charges. */
  public static Money ceilOf(BigDecimal units) {
    return new Money(units.multiply(MICROS_PER_UNIT).setScale(0, RoundingMode.CEILING)
        .longValueExact());
  }

  public BigDecimal toUnits() {
    return BigDecimal.valueOf(micros, 6);
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(micros, other.micros));
  }

  public Money minus(Money other) {
    return new Money(Math.subtractExact(micros, other.micros));
  }

  public Money negate() {
    return new Money(-micros);
  }

  /** Whole percent of this amount, rounded down so a share never exceeds its whole. */
  public Money percent(int percent) {
    return new Money(Math.multiplyExact(micros, (long) percent) / 100);
  }

  public static Money max(Money a, Money b) {
    return a.micros >= b.micros ? a : b;
  }

  public static Money min(Money a, Money b) {
    return a.micros <= b.micros ? a : b;
  }

  public boolean isZero() {
    return micros == 0;
  }

  public boolean isPositive() {
    return micros > 0;
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(micros, other.micros);
  }

  /**
   * "0.50", "12.00", "0.000125": at least two decimals, no trailing zeros beyond them. Written
   * from the long directly: every answer and ledger line prints amounts.
   */
  @Override
  public String toString() {
    if (micros == Long.MIN_VALUE) return "-9223372036854.775808";
    long abs = Math.abs(micros);
    long fraction = abs % 1_000_000L;
    int digits = 6;
    while (digits > 2 && fraction % 10 == 0) {
      fraction /= 10;
      digits--;
    }
    String tail = Long.toString(fraction);
    StringBuilder out = new StringBuilder(24);
    if (micros < 0) out.append('-');
    out.append(abs / 1_000_000L).append('.');
    for (int pad = digits - tail.length(); pad > 0; pad--) out.append('0');
    return out.append(tail).toString();
  }
}
