package dev.vidsim.aggregator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * An aggregator served by one dialect: its pools and the markup it adds to the upstream's price.
 *
 * @param dialect       the dialect whose routes serve it (its model ids are looked up here)
 * @param markupPercent added to the usage charge of the upstream that ran (e.g. 5.5)
 */
public record Aggregator(String dialect, BigDecimal markupPercent, List<Pool> pools) {
  public Aggregator {
    pools = List.copyOf(pools);
    if (markupPercent.signum() < 0) {
      throw new IllegalArgumentException("markupPercent must not be negative");
    }
  }

  public Optional<Pool> pool(String id) {
    return pools.stream().filter(p -> p.id().equals(id)).findFirst();
  }
}
