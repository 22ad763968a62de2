package dev.vidsim.client;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact amount of money in micro-units, as the provider's wire strings ("0.60") carry it.
 * Never a double; a charge is rounded up to a whole micro, like the provider does.
 */
public record Amount(long micros) implements Comparable<Amount> {
  public static final Amount ZERO = new Amount(0);
  private static final BigDecimal MICROS_PER_UNIT = BigDecimal.valueOf(1_000_000);

  /** Parses "0.50", "12", "-0.10", "0.000125" (at most six decimals). */
  public static Amount parse(String text) {
    if (text == null || !text.matches("-?\\d{1,12}(\\.\\d{1,6})?")) {
      throw new IllegalArgumentException(
          "expected an amount with at most 6 decimals such as \"0.50\", got \"" + text + "\"");
    }
    return new Amount(new BigDecimal(text).movePointRight(6).longValueExact());
  }

  /** Rounds up to a whole micro. */
  public static Amount ceilOf(BigDecimal units) {
    return new Amount(units.multiply(MICROS_PER_UNIT).setScale(0, RoundingMode.CEILING)
        .longValueExact());
  }

  public BigDecimal toUnits() {
    return BigDecimal.valueOf(micros, 6);
  }

  public Amount plus(Amount other) {
    return new Amount(Math.addExact(micros, other.micros));
  }

  public Amount minus(Amount other) {
    return new Amount(Math.subtractExact(micros, other.micros));
  }

  /** Whole percent, rounded down (a share never exceeds its whole). */
  public Amount percent(int percent) {
    return new Amount(Math.multiplyExact(micros, (long) percent) / 100);
  }

  public static Amount max(Amount a, Amount b) {
    return a.micros >= b.micros ? a : b;
  }

  public static Amount min(Amount a, Amount b) {
    return a.micros <= b.micros ? a : b;
  }

  public boolean isZero() {
    return micros == 0;
  }

  public boolean isPositive() {
    return micros > 0;
  }

  @Override
  public int compareTo(Amount other) {
    return Long.compare(micros, other.micros);
  }

  /** "0.50", "12.00", "0.000125", "-0.10". */
  @Override
  public String toString() {
    BigDecimal units = toUnits().stripTrailingZeros();
    if (units.scale() < 2) units = units.setScale(2, RoundingMode.UNNECESSARY);
    return units.toPlainString();
  }
}
