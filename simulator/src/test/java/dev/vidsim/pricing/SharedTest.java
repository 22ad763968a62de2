package dev.vidsim.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.money.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SharedTest {
  private final Shared<Quote> quotes = new Shared<>();
  private final Shared<JobSpec> specs = new Shared<>();

  private static Quote quote(String usage) {
    return quote(Money.parse(usage));
  }

  private static Quote quote(Money u) {
    return new Quote(PricingUnit.SECOND, new BigDecimal("8"), Money.parse("0.10"), 1, u,
        Money.ZERO, u, Money.ZERO, "8 second x 0.10");
  }

  @Test
  void equal_quotes_and_specs_share_one_instance_and_different_ones_do_not() {
    Quote first = quotes.of(quote("0.80"));
    assertThat(quotes.of(quote("0.80"))).isSameAs(first);
    assertThat(quotes.of(quote("0.90"))).isNotSameAs(first).isEqualTo(quote("0.90"));
    JobSpec spec = specs.of(new JobSpec("text", "720p", "pro", new BigDecimal("8"), 0));
    assertThat(specs.of(new JobSpec("text", "720p", "pro", new BigDecimal("8"), 0)))
        .isSameAs(spec);
    assertThat(specs.of(new JobSpec("text", "1080p", "pro", new BigDecimal("8"), 0)))
        .isNotSameAs(spec);
    assertThat(quotes.of(null)).isNull();
  }

  @Test
  void past_the_bound_a_new_quote_is_kept_as_given() {
    for (int i = 0; i < Shared.DISTINCT_MAX; i++) quotes.of(quote(new Money(1_000 + i)));
    Quote late = quote("99.00");
    assertThat(quotes.of(late)).isSameAs(late);
    Quote equal = quote("99.00");
    assertThat(quotes.of(equal)).isSameAs(equal).isNotSameAs(late);
  }
}
