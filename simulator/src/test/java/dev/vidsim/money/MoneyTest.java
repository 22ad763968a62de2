package dev.vidsim.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {
  @Test
  void parses_and_prints_exact_amounts() {
    assertThat(Money.parse("0.50").micros()).isEqualTo(500_000);
    assertThat(Money.parse("12").toString()).isEqualTo("12.00");
    assertThat(Money.parse("0.000125").toString()).isEqualTo("0.000125");
    assertThat(Money.parse("0.10").plus(Money.parse("0.20"))).isEqualTo(Money.parse("0.30"));
  }

  @Test
  void rejects_floats_signs_and_sub_micro_amounts() {
    assertThatThrownBy(() -> Money.parse("-1")).hasMessageContaining("non-negative");
    assertThatThrownBy(() -> Money.parse("0.0000001")).hasMessageContaining("at most 6 decimals");
    assertThatThrownBy(() -> Money.parse("1e3")).hasMessageContaining("got \"1e3\"");
  }

  @Test
  void charges_round_up_to_a_whole_micro_and_shares_round_down() {
    assertThat(Money.ceilOf(new BigDecimal("0.0000001"))).isEqualTo(new Money(1));
    assertThat(new Money(3).percent(50)).isEqualTo(new Money(1));
  }

  @Test
  void prints_every_amount_as_its_exact_decimal() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(20261207);
    for (int i = 0; i < 10_000; i++) {
      long micros = i < 5_000 ? r.nextLong(-3_000_000, 3_000_000) : r.nextLong();
      java.math.BigDecimal exact = java.math.BigDecimal.valueOf(micros, 6).stripTrailingZeros();
      if (exact.scale() < 2) exact = exact.setScale(2);
      assertThat(new Money(micros).toString()).as("%d micros", micros)
          .isEqualTo(exact.toPlainString());
    }
    assertThat(new Money(Long.MIN_VALUE).toString()).isEqualTo("-9223372036854.775808");
  }
}
