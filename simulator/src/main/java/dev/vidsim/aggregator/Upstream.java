package dev.vidsim.aggregator;

import java.util.Objects;

/**
 * One provider an aggregator model may route to.
 *
 * @param provider the provider's name, as fault rules name it ({@code when.upstream})
 * @param model    the catalog model that runs there: its prices, limits and latency apply
 */
public record Upstream(String provider, String model) {
  public Upstream {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
  }
}
