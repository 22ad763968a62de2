package dev.vidsim.tck.internal;

import dev.vidsim.checker.ClientLimits;
import dev.vidsim.checker.ClientLog;
import dev.vidsim.checker.Evidence;
import dev.vidsim.checker.InvariantChecker;
import dev.vidsim.checker.Report;
import dev.vidsim.money.Money;
import dev.vidsim.tck.ClientEnvironment;
import dev.vidsim.tck.ClientFactory;
import dev.vidsim.tck.ClientUnderTest;
import dev.vidsim.tck.Generation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one try of the stateful property: a fresh simulator engine, one tenant, the
 * client under test (restartable, its durable storage kept), and what the harness saw.
 */
public final class World implements AutoCloseable {
  static final String OPENING_BALANCE = "20.00";
  private final SimHost host;
  private final ClientFactory factory;
  private final ClientLimits limits;
  private final String apiKey;
  // two client threads may use it at once (Actions.SubmitTwice)
  private final Map<String, Object> durable = java.util.Collections.synchronizedMap(
      new HashMap<>());
  private final Map<String, Generation> generations = new LinkedHashMap<>();
  private final Set<String> flagged = new LinkedHashSet<>();
  private final ClientLog webhookLog = new ClientLog();
  private final CallSenders senders = new CallSenders(webhookLog);
  private final Deliveries deliveries = new Deliveries(() -> this.client, webhookLog,
      this::journalSeq);
  private final EvidenceCollector collector;
  private final List<String> steps = new ArrayList<>();
  private final List<String> faults = new ArrayList<>();
  private final List<Marker> markers = new ArrayList<>();
  private final GuardedTime time;
  private final HeldRequests held;
  private ClientUnderTest client;
  private final CheckPipeline pipeline = new CheckPipeline();
  private CheckPipeline.Verdict lastVerdict;
  private int restarts;
  private int restartsMidCreate;
  private int nextGeneration = 1;

  public World(ClientFactory factory) {
    this.host = SimHost.shared();
    this.factory = factory;
    this.limits = factory.limits();
    host.reset((headers, body) -> deliveries.deliver(headers, body, true));
    this.apiKey = host.simulator().call(e -> e.createTenant(null, "pro", "us-east",
        Money.parse(OPENING_BALANCE)).apiKey());
    this.collector = new EvidenceCollector(host, apiKey, limits);
    this.time = new GuardedTime(host, senders);
    host.simulator().run(e -> e.journal().watch((k, b) -> senders.line(e.journal(), k, b)));
    this.held = new HeldRequests(host, time);
    this.client = start();
  }

  private ClientUnderTest start() {
    return factory.start(new ClientEnvironment(host.baseUrl(), apiKey, "pro", time, durable,
        host.webhookUrl(), host.webhookSecret(apiKey), 1000L + restarts));
  }

  public SimHost host() { return host; }
  public String apiKey() { return apiKey; }
  public ClientUnderTest client() { return client; }
  public List<String> steps() { return List.copyOf(steps); }
  public List<String> faults() { return List.copyOf(faults); }
  public int restarts() { return restarts; }
  /** Restarts that came while a create's outcome was unknown to the client (job made, unseen). */
  public int restartsMidCreate() { return restartsMidCreate; }
  public Map<String, Generation> generations() { return Map.copyOf(generations); }

  void step(String description) {
    steps.add(description);
  }

  /** Names the next generation: g1, g2, ... */
  String newGenerationId() {
    return "g" + nextGeneration++;
  }

  void remember(Generation g) {
    generations.put(g.id(), g);
  }

  /** The id of the generation at {@code index} (wrapping), or null when there is none. */
  String generationAt(int index) {
    if (generations.isEmpty()) return null;
    return new ArrayList<>(generations.keySet()).get(index % generations.size());
  }

  void flagged(String jobId) {
    flagged.add(jobId);
  }

  /**
   * Runs a client call during which the process dies the first time the client sleeps (backing
   * off after a lost create, say), then restarts it: whatever it had not saved is gone.
   */
  void dyingAtNextSleep(Runnable call) {
    time.dieAtNextSleep(true);
    try {
      call.run();
    } catch (GuardedTime.ProcessDied died) {
      step("  the process died");
    } finally {
      time.dieAtNextSleep(false);
    }
    step("restart");
    restart();
  }

  void restart() {
    if (createOutcomeUnknown()) restartsMidCreate++;
    client.close();
    restarts++;
    webhookLog.restarted(host.now());
    client = start();
  }

  /**
   * Something the harness did to the simulator between client requests, as a script step.
   *
   * @param seq the journal's last line when it happened
   */
  public record Marker(long seq, java.time.Instant at, String step) {}

  void addFault(String json) {
    host.simulator().run(e -> e.faults().add(dev.vidsim.checker.JsonText.parse(json)));
    faults.add(ScenarioWriter.fromTime(json, host.scenario().startTime(), host.now()));
    mark("fault: " + json);
  }

  void topUp(String amount) {
    host.simulator().run(e -> e.topUp(apiKey, Money.parse(amount)));
    mark("topup: { apiKey: " + apiKey + ", amount: \"" + amount + "\" }");
  }

  private void mark(String step) {
    long seq = host.simulator().call(e -> e.journal().dropped() + e.journal().size());
    markers.add(new Marker(seq, host.now(), step));
  }

  public List<Marker> markers() {
    return List.copyOf(markers);
  }

  /** A client call under guard: hung or crashed ({@link ClientCrash}) fails; else refused. */
  <T> T guarded(String what, java.util.function.Supplier<T> call) {
    long start = host.simulator().call(e -> e.journal().dropped() + e.journal().size());
    senders.started(start); // the client log's call start, too
    time.startCall(what);
    held.calling(true);
    try {
      return call.get();
    } catch (RuntimeException thrown) {
      throw ClientCrash.refusalOrFail(what, thrown);
    } finally {
      senders.ended();
      held.calling(false);
      held.awaitStep();
      time.endCall();
    }
  }

  /** Two threads of the user's app make the same call at once ({@link OverlappingCalls}). */
  void twice(String what, java.util.function.Supplier<?> call) {
    OverlappingCalls.twice(this, held, what, call);
  }

  /** Whether the client holds a generation whose key made a job it has not learnt of yet. */
  private boolean createOutcomeUnknown() {
    java.util.Set<String> unknown = new java.util.HashSet<>();
    for (ClientUnderTest.GenerationRecord g : client.report().generations()) {
      if (g.jobIds().isEmpty() && g.idempotencyKey() != null) unknown.add(g.idempotencyKey());
    }
    if (unknown.isEmpty()) return false;
    return host.simulator().call(e -> e.jobs().all().stream()
        .anyMatch(j -> unknown.contains(j.idempotencyKey())));
  }

  /** The user waits for a generation: what the client slept meanwhile goes into the log. */
  ClientUnderTest.Finished await(String id) {
    long seq = journalSeq();
    java.time.Instant at = host.now();
    try {
      ClientUnderTest.Finished f = guarded("await " + id, () -> client.await(id));
      if (f != null && f.stuck() && f.jobId() != null) flagged(f.jobId());
      return f;
    } finally {
      webhookLog.awaited(new ClientLog.Await(id, seq, journalSeq(), at, time.used()));
    }
  }

  private long journalSeq() {
    return host.simulator().call(e -> e.journal().lastSeq());
  }

  void forgedDelivery(Map<String, List<String>> headers, String body) {
    deliveries.deliver(headers, body, false);
  }

  /** Everything the checker needs, collected in-process. */
  public Evidence evidence(boolean end) {
    pipeline.drain(); // the worker is done with the cursor
    return collector.build(take(end));
  }

  /** What the client reports, with the simulator's state taken under its lock right after. */
  private EvidenceCollector.Taken take(boolean end) {
    ClientUnderTest.Report r = client.report();
    ClientLog log = new ClientLog().settled(end);
    webhookLog.webhooks().forEach(log::webhook);
    webhookLog.restarts().forEach(log::restarted);
    webhookLog.callStarts().forEach(log::callStarted);
    webhookLog.requestCalls().forEach(log::sentBy);
    webhookLog.awaits().forEach(log::awaited);
    r.generations().forEach(g -> log.generation(new ClientLog.Generation(g.id(), apiKey,
        g.idempotencyKey(), g.jobIds(), g.knownDuplicates())));
    flagged.forEach(log::flagged);
    r.flaggedJobs().forEach(log::flagged);
    // after restarts too: what the client kept (env.durable()) and learnt again must add up
    if (end && r.believedSpent() != null) {
      log.believedSpent(apiKey, r.believedSpent());
      r.believedJobCosts().forEach(log::believedJobCost);
    }
    return collector.take(log);
  }

  private Report checkNow(Evidence evidence) {
    return InvariantChecker.standard()
        .without(factory.waivedChecks().toArray(String[]::new)).check(evidence);
  }

  /**
   * Throws an AssertionError with the violations of one rule, as found in the evidence of the
   * action before this one ({@link CheckPipeline}: it is checked while this one runs).
   *
   * @param first take this action's evidence and start checking it
   */
  void holds(String rule, boolean first) {
    deliveries.rethrowCrash();
    if (first) {
      EvidenceCollector.Taken t = take(false);
      String step = steps.stream().filter(x -> !x.startsWith(" ")).reduce((a, b) -> b)
          .orElse("the start");
      lastVerdict = pipeline.next(() -> checkNow(collector.build(t)), step);
    }
    if (lastVerdict != null) lastVerdict.holds(rule);
  }

  /** Waits for the last action's verdict and throws if it broke a rule. */
  void heldToTheEnd() {
    CheckPipeline.Verdict v = pipeline.collect();
    if (v != null) v.holdsEveryRule();
  }

  /** Checks every invariant; throws an AssertionError naming each violation. */
  public Report check(boolean end) {
    deliveries.rethrowCrash();
    Report report = checkNow(evidence(end));
    if (!report.isOk()) throw new AssertionError(report.summary());
    return report;
  }

  /** What jqwik prints as the final state: stable across runs, unlike an identity hash. */
  @Override
  public String toString() {
    return "world after " + steps.size() + " steps, " + restarts + " restarts";
  }

  @Override
  public void close() {
    held.close();
    client.close();
  }
}
