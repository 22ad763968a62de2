package dev.vidsim.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.engine.Simulator;
import dev.vidsim.http.VidsimServer;
import dev.vidsim.ledger.LedgerEntry;
import dev.vidsim.scenario.ScenarioLoader;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A bounded soak at steady load, the clock accelerated so jobs finish: 30 s per build
 * ({@code -Dvidsim.soak.seconds=120} for the 2-minute run). Properties: no 5xx; the jobs and
 * journal held stay within their configured bounds while old ones are forgotten; no ledger line
 * is ever dropped (sequence numbers contiguous, every line seen mid-run still there, every
 * acknowledged job in its ledger, balances equal to their lines); the live heap after GC is flat
 * once the bounded stores are full, but for the ledger, which keeps every line by design.
 */
class SoakTest {
  static final int SECONDS = Integer.getInteger("vidsim.soak.seconds", 30);
  static final int CLIENTS = 3;
  static final int JOBS_MAX = 300;
  static final int JOURNAL_MAX = 2_000;
  /** Heap a ledger line may keep (measured: about 300 bytes), and slack for the JIT and pools. */
  static final long BYTES_PER_LEDGER_LINE_MAX = 1_024;
  static final long HEAP_SLACK_BYTES = 24L * 1024 * 1024;
  private static final String SCENARIO = """
      schemaVersion: 1
      name: soak
      seed: 7
      clock: accelerated
      clockFactor: 2000
      jobs: { maxEntries: %d }
      journal: { maxEntries: %d }
      accounts:
        - { apiKey: sk-soak-0, balance: "100000000.00" }
        - { apiKey: sk-soak-1, balance: "100000000.00" }
        - { apiKey: sk-soak-2, balance: "100000000.00" }
      models:
        - { id: per-task, modes: [text-to-video], regions: [r], maxSeconds: 8,
            pricing: { unit: task, price: "0.05" }, latency: { queued: 1s, render: 10s } }
        - { id: per-second, modes: [text-to-video], regions: [r], maxSeconds: 8,
            pricing: { unit: second, price: "0.10", billOn: delivery },
            latency: { queued: 1s, render: 20s } }
      """.formatted(JOBS_MAX, JOURNAL_MAX);

  @Test
  void steady_load_keeps_heap_flat_stores_bounded_every_ledger_line_and_no_5xx()
      throws Exception {
    try (Simulator sim = new Simulator(ScenarioLoader.parse("soak.yaml", SCENARIO));
         VidsimServer server = VidsimServer.start(sim, 0)) {
      AtomicBoolean running = new AtomicBoolean(true);
      List<SoakLoad> clients = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        SoakLoad load = new SoakLoad(server.baseUrl(), "sk-soak-" + c, running::get);
        clients.add(load);
        Thread t = new Thread(load, "soak-" + c);
        t.start();
        threads.add(t);
      }
      long warmUpMillis = Math.max(5_000, SECONDS * 1_000L / 5);
      Thread.sleep(warmUpMillis); // the load runs in real time: this is the run's length
      long heapBefore = liveHeap();
      List<LedgerEntry> midRun = sim.call(e -> e.ledger().all());
      Thread.sleep(SECONDS * 1_000L - warmUpMillis);
      running.set(false);
      for (Thread t : threads) t.join(60_000);
      long heapAfter = liveHeap();
      List<LedgerEntry> end = sim.call(e -> e.ledger().all());
      Map<Integer, Long> statuses = new TreeMap<>();
      long requests = 0;
      for (SoakLoad l : clients) {
        l.statuses.forEach((s, n) -> statuses.merge(s, n.get(), Long::sum));
        requests += l.requests.get();
      }
      Map<String, Object> bounds = sim.call(e -> Map.of("jobsHeld", e.jobs().store().asMap()
          .size(), "forgotten", e.jobs().store().evicted(), "journal", e.journal().size(),
          "dropped", e.journal().dropped()));
      System.out.printf("soak: %d s, %d clients, %d requests, statuses %s; heap after GC %d MiB"
              + " after warm-up, %d MiB at the end; ledger lines %d mid-run, %d at the end;"
              + " bounds %s%n", SECONDS, CLIENTS, requests, statuses, heapBefore >> 20,
          heapAfter >> 20, midRun.size(), end.size(), bounds);

      assertThat(statuses.keySet()).as("statuses " + statuses).allMatch(s -> s > 0 && s < 500);
      assertThat(requests).as("requests served").isGreaterThan(SECONDS * 20L);
      assertThat((int) bounds.get("jobsHeld")).isLessThanOrEqualTo(JOBS_MAX);
      assertThat((long) bounds.get("forgotten")).as("jobs forgotten past the bound")
          .isPositive();
      assertThat((int) bounds.get("journal")).isLessThanOrEqualTo(JOURNAL_MAX);
      assertThat((long) bounds.get("dropped")).as("journal lines rotated").isPositive();
      assertNoLedgerLineDropped(sim, clients, midRun, end);
      long ledgerGrowth = (end.size() - midRun.size()) * BYTES_PER_LEDGER_LINE_MAX;
      assertThat(heapAfter).as("live heap after GC, MiB: %d before, %d after, %d ledger lines"
              + " added", heapBefore >> 20, heapAfter >> 20, end.size() - midRun.size())
          .isLessThan(heapBefore + HEAP_SLACK_BYTES + ledgerGrowth);
    }
  }

  private static void assertNoLedgerLineDropped(Simulator sim, List<SoakLoad> clients,
      List<LedgerEntry> midRun, List<LedgerEntry> end) {
    for (int i = 0; i < end.size(); i++) {
      assertThat(end.get(i).seq()).as("ledger sequence without gaps").isEqualTo(
          end.get(0).seq() + i);
    }
    assertThat(end).as("every line seen mid-run is still there").containsAll(midRun);
    Map<String, Long> jobsInLedger = new TreeMap<>();
    end.forEach(l -> {
      if (l.jobId() != null) jobsInLedger.merge(l.jobId(), 1L, Long::sum);
    });
    for (SoakLoad l : clients) {
      l.acknowledged.forEach((job, model) -> {
        if (model.equals("per-task")) {
          assertThat(jobsInLedger).as("charged on create: " + job).containsKey(job);
        }
      });
    }
    sim.call(e -> {
      for (int c = 0; c < CLIENTS; c++) {
        String key = "sk-soak-" + c;
        assertThat(e.ledger().balance(key)).as(key).isEqualTo(e.ledger().recompute(key));
      }
      return null;
    });
  }

  private static long liveHeap() {
    var memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }
}
