package dev.vidsim.check;

import dev.vidsim.engine.Simulator;
import dev.vidsim.http.VidsimServer;
import dev.vidsim.scenario.Check;
import dev.vidsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a scenario's script against a fresh simulator on a loopback port (with a loopback
 * webhook receiver) and compares the end state with its expectations.
 */
public final class Checker {
  private Checker() {}

  /** Null when the scenario has no script and no expectations: nothing to check. */
  public static CheckResult run(Scenario s) {
    Check check = s.check();
    if (check == null) return null;
    String defaultKey = s.accounts().isEmpty() ? null : s.accounts().get(0).apiKey();
    try (Simulator sim = new Simulator(s);
         VidsimServer server = VidsimServer.start(sim, 0);
         HookReceiver receiver = new HookReceiver()) {
      Http http = new Http(server.baseUrl());
      ScriptRun run = new ScriptRun(http, receiver, defaultKey, check);
      run.run();
      List<String> problems = new ArrayList<>(run.problems);
      problems.addAll(new Expectations(http, receiver, run.aliases, check)
          .compare(check.expect(), run.aliases));
      return new CheckResult(s.source(), s.name(), problems);
    }
  }
}
