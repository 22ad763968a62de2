package dev.vidsim.tck;

import java.math.BigDecimal;
import java.util.List;

/**
 * One logical generation the harness asks the client for. The client picks the model itself
 * (from the live catalog), in the order of {@code models} when given.
 *
 * @param id         stable name of the intent; submitting the same id again must resume it
 * @param models     preferred models, best first; empty: any capable model
 * @param seconds    null: the model's default
 * @param resolution null: the model's default
 * @param image      input image URL for image-to-video, else null
 * @param webhook    whether to ask for a webhook (to the environment's webhook URL)
 */
public record Generation(String id, String prompt, List<String> models, String mode,
                         BigDecimal seconds, String resolution, String image, boolean webhook) {
  public Generation {
    models = List.copyOf(models);
  }

  @Override
  public String toString() {
    return id + details();
  }

  /** What jqwik prints for a submit: its id is only given when the action runs (g1, g2, ...). */
  public String describe() {
    return "next generation" + details();
  }

  private String details() {
    return "(" + (models.isEmpty() ? "any" : String.join("|", models)) + ", " + mode
        + (seconds == null ? "" : ", " + seconds.toPlainString() + "s")
        + (resolution == null ? "" : ", " + resolution) + (webhook ? ", webhook" : "") + ")";
  }
}
