package dev.vidsim.client.catalog;

import java.util.List;

/** Picks a model from the live catalog for a job. The default is {@link CapabilityModelChooser}. */
@FunctionalInterface
public interface ModelChooser {
  /**
   * @param preferred the caller's ordered fallback list (may be empty: any capable model)
   * @param tier      the caller's tier, or null when unknown
   * @throws NoModelException when no model in the catalog can do the job
   */
  ModelChoice choose(List<ModelInfo> catalog, JobShape shape, List<String> preferred,
                     String tier);

  static ModelChooser byCapability() {
    return new CapabilityModelChooser(true);
  }
}
