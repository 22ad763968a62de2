package dev.vidsim.checker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups requests into attempt chains: the same call (tenant, method, path, key, body) sent
 * again after a retryable failure (429, 5xx, 409 in flight, no response), within one client
 * call, is one more attempt.
 */
final class AttemptChains {
  private AttemptChains() {}

  static List<List<Exchange>> of(Evidence e) {
    Calls calls = Calls.of(e);
    List<Exchange> exchanges = e.exchanges();
    List<List<Exchange>> chains = new ArrayList<>();
    Map<String, List<Exchange>> open = new HashMap<>();
    for (Exchange x : exchanges) {
      // status polls repeat by design (Vertex polls with a POST); polling_bounded judges them
      if (x.tenant() == null || "GET".equals(x.method()) || x.isPoll()) continue;
      List<Exchange> chain = open.get(x.signature());
      Exchange last = chain == null ? null : chain.get(chain.size() - 1);
      if (last != null && last.retryableFailure() && calls.same(last, x)) {
        chain.add(x);
      } else {
        chain = new ArrayList<>(List.of(x));
        chains.add(chain);
        open.put(x.signature(), chain);
      }
    }
    return chains;
  }
}
