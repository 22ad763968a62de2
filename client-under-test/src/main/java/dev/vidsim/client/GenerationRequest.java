package dev.vidsim.client;

import dev.vidsim.client.catalog.JobShape;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One logical generation: what to render, which models may render it (in order of preference),
 * and an optional caller-chosen {@code generationId}. Sending the same generationId again (even
 * after a restart, with a file-backed store) resumes the same job instead of paying twice.
 *
 * @param models   ordered preference and fallback list; empty: the cheapest capable model
 * @param deadline client-side deadline for this job, or null for the client's default
 */
public record GenerationRequest(String generationId, String prompt, String mode,
                                BigDecimal seconds, String resolution, String region,
                                List<String> images, String webhookUrl, List<String> models,
                                Duration deadline) {
  public GenerationRequest {
    Objects.requireNonNull(prompt, "prompt");
    images = List.copyOf(images);
    models = List.copyOf(models);
    if (mode == null) mode = images.isEmpty() ? JobShape.TEXT_TO_VIDEO : JobShape.IMAGE_TO_VIDEO;
  }

  public static Builder builder(String prompt) {
    return new Builder(prompt);
  }

  public JobShape shape() {
    return new JobShape(mode, resolution, seconds, region, images.size());
  }

  /** Fluent construction; every field but the prompt is optional. */
  public static final class Builder {
    private final String prompt;
    private String generationId;
    private String mode;
    private BigDecimal seconds;
    private String resolution;
    private String region;
    private final List<String> images = new ArrayList<>();
    private String webhookUrl;
    private final List<String> models = new ArrayList<>();
    private Duration deadline;

    private Builder(String prompt) {
      this.prompt = prompt;
    }

    public Builder generationId(String id) { this.generationId = id; return this; }
    public Builder mode(String m) { this.mode = m; return this; }
    public Builder seconds(long s) { this.seconds = BigDecimal.valueOf(s); return this; }
    public Builder seconds(BigDecimal s) { this.seconds = s; return this; }
    public Builder resolution(String r) { this.resolution = r; return this; }
    public Builder region(String r) { this.region = r; return this; }
    public Builder image(String url) { this.images.add(url); return this; }
    public Builder webhookUrl(String url) { this.webhookUrl = url; return this; }
    public Builder models(String... ids) { this.models.addAll(Arrays.asList(ids)); return this; }
    public Builder deadline(Duration d) { this.deadline = d; return this; }

    public GenerationRequest build() {
      return new GenerationRequest(generationId, prompt, mode, seconds, resolution, region,
          images, webhookUrl, models, deadline);
    }
  }
}
