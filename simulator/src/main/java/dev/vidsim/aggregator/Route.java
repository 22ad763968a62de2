package dev.vidsim.aggregator;

import dev.vidsim.money.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How an aggregator ran a job: which upstream, after which attempts, at what markup, and what
 * the fallback cost over the first choice.
 *
 * @param aggregatorModel the id the client asked for (e.g. {@code google/veo-3.1})
 * @param fallbackExtra   the job's usage charge minus what the first choice would have charged
 *                        for the same request (zero when the first choice ran)
 */
public record Route(String aggregator, String aggregatorModel, Upstream ran,
                    List<Attempt> attempts, BigDecimal markupPercent, Money fallbackExtra) {
  public Route {
    attempts = List.copyOf(attempts);
  }

  public boolean fellBack() {
    return attempts.size() > 1;
  }

  /** {@code google-vertex:failed 503, fal:ran}. */
  public String summary() {
    return attempts.stream().map(Attempt::summary).collect(Collectors.joining(", "));
  }
}
