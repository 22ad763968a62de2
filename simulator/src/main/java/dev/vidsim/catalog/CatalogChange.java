package dev.vidsim.catalog;

import java.time.Duration;

/**
 * A model leaving the catalog at simulated time {@code at} (since the scenario start), possibly
 * under a new id ({@code renamedTo}, null for a plain removal) that appears at the same moment.
 */
public record CatalogChange(String model, Duration at, String renamedTo) {}
