package dev.vidsim.client.catalog;

import java.math.BigDecimal;

/**
 * What a job asks for, as far as price and capability care.
 *
 * @param resolution null: the model's default
 * @param seconds    null: the model's default
 * @param region     null: any region the key can use
 */
public record JobShape(String mode, String resolution, BigDecimal seconds, String region,
                       int inputImages) {
  public static final String TEXT_TO_VIDEO = "text-to-video";
  public static final String IMAGE_TO_VIDEO = "image-to-video";
}
