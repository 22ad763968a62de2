package dev.vidsim.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.faults.SimFixture;
import dev.vidsim.http.HostileRequests.Case;
import dev.vidsim.http.HostileRequests.Kind;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile HTTP from a raw socket over every route of every dialect and the admin API: short and
 * chunked bodies that break off, huge headers, long URIs, bad request lines and versions, bad
 * JSON, wrong types and content types, bad multipart, odd paths, wrong auth, clients that die
 * mid-request. Seeded: {@code -Dvidsim.seed=N} replays a run. Properties: no 5xx; every answer
 * of 400 or more is JSON in the envelope of the dialect its path belongs to; no stack trace or
 * class name in any answer; the ledger and the jobs unchanged; the server healthy afterwards.
 */
class HttpFuzzTest {
  /** Requests per run (-Dvidsim.fuzz.requests=N): 10,000, each kind of fault hundreds of times. */
  static final int REQUESTS = Math.min(100_000,
      Integer.getInteger("vidsim.fuzz.requests", 10_000));
  static final long SEED = Long.getLong("vidsim.seed", 13L);
  private final SimFixture fx = new SimFixture(HostileRoutes.MODELS);

  @AfterEach
  void close() {
    fx.close();
  }

  private record Snapshot(String ledger, int jobs) {}

  private Snapshot snapshot() {
    return fx.sim.call(e -> new Snapshot(e.ledger().all().toString(), e.jobs().all().size()));
  }

  @Test
  void no_malformed_request_gets_a_5xx_a_foreign_envelope_or_changes_the_ledger() {
    Snapshot before = snapshot();
    HostileRequests requests = new HostileRequests(SEED);
    Map<Integer, Integer> statuses = new TreeMap<>();
    Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
    int resetsWithoutAnswer = 0;
    for (int i = 0; i < REQUESTS; i++) {
      Case c = requests.next();
      kinds.merge(c.kind(), 1, Integer::sum);
      String where = "request " + i + " (-Dvidsim.seed=" + SEED + "): " + c.describe();
      if (c.kind() == Kind.ABANDONED) {
        RawHttp.abandon(fx.server.port(), c.bytes());
        continue;
      }
      // a head over the limit is refused by a 431 and a reset that can race it away
      boolean resetMayDrop = c.kind() == Kind.HUGE_HEADERS;
      List<RawHttp.Response> answers = RawHttp.exchange(fx.server.port(), c.bytes(),
          resetMayDrop);
      if (answers.isEmpty() && resetMayDrop) {
        resetsWithoutAnswer++;
        continue;
      }
      assertThat(answers).as("no answer to " + where).isNotEmpty();
      for (int n = 0; n < answers.size(); n++) {
        RawHttp.Response r = answers.get(n);
        statuses.merge(r.status(), 1, Integer::sum);
        check(r, n == 0 ? c.envelopes() : EnumSet.of(c.route().envelope(),
            Envelope.VIDSIM), where);
      }
      if (c.mustFail()) {
        assertThat(answers.get(0).status()).as("accepted: " + where).isGreaterThanOrEqualTo(400);
      }
    }
    assertThat(snapshot()).as("the ledger and jobs after " + REQUESTS + " refused requests")
        .isEqualTo(before);
    List<RawHttp.Response> health = RawHttp.exchange(fx.server.port(), HostileWire.raw(
        "GET /_sim/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    assertThat(health.get(0).status()).isEqualTo(200);
    System.out.println("http fuzz: " + REQUESTS + " requests, seed " + SEED + ", statuses "
        + statuses + ", kinds " + kinds + ", huge heads reset before their 431 arrived "
        + resetsWithoutAnswer);
    assertThat(statuses.getOrDefault(431, 0)).as("huge heads answered 431")
        .isGreaterThan(kinds.get(Kind.HUGE_HEADERS) / 2);
  }

  private static void check(RawHttp.Response r, Set<Envelope> allowed, String where) {
    String answer = where + "\n  answered " + r.status() + " " + r.body();
    assertThat(r.status()).as("5xx for " + answer).isLessThan(500);
    assertThat(Envelope.leak(r.body())).as("internals in " + answer).isNull();
    if (r.status() < 400) return;
    List<String> problems = allowed.stream().map(e -> e + ": " + e.problem(r)).toList();
    assertThat(allowed.stream().anyMatch(e -> e.problem(r) == null))
        .as("not in " + allowed + " " + problems + " for " + answer).isTrue();
  }
}
