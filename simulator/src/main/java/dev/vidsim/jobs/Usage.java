package dev.vidsim.jobs;

import dev.vidsim.money.Money;
import java.util.List;

/** What a tenant has been charged, in total, per model and per job. */
public record Usage(String currency, Money spent, Money pollFees, Money flatFees,
                    List<ModelUsage> models, List<JobUsage> jobs) {
  public record ModelUsage(String model, String unit, int jobs, Money charged) {}

  /**
   * Net charge of one job: charges + captures − refunds.
   *
   * @param route how an aggregator ran it (upstream, attempts, fallbackExtra), or null
   */
  public record JobUsage(String id, String model, String idempotencyKey, String status,
                         Money charged, dev.vidsim.aggregator.Route route) {}
}
