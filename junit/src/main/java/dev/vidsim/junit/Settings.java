package dev.vidsim.junit;

import dev.vidsim.checker.ClientLimits;
import dev.vidsim.scenario.Scenario;

/** How a {@link VidsimExtension} runs: from {@link VidsimTest} or its builder. */
record Settings(String scenarioName, Scenario scenario, long seed, boolean resetEachTest,
                String tenantBalance, String tenantTier, String tenantRegion,
                boolean checkInvariants, ClientLimits clientLimits) {
  static Settings defaults() {
    return new Settings("", null, VidsimTest.SCENARIO_SEED, true, "100.00", null, null, true,
        null);
  }

  static Settings of(VidsimTest a) {
    return new Settings(a.scenario(), null, a.seed(), a.resetEachTest(), a.tenantBalance(),
        emptyToNull(a.tenantTier()), emptyToNull(a.tenantRegion()), a.checkInvariants(), null);
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  Scenario load() {
    if (scenario != null) {
      return seed == VidsimTest.SCENARIO_SEED ? scenario : scenario.withSeed(seed);
    }
    return ScenarioFiles.load(scenarioName, seed);
  }
}
