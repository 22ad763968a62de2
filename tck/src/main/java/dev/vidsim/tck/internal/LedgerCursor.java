package dev.vidsim.tck.internal;

import dev.vidsim.checker.LedgerLine;
import dev.vidsim.engine.Engine;
import dev.vidsim.ledger.LedgerEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger as the checker's lines, converting only the entries added since the last read: the
 * ledger is append-only, and the evidence is collected after every action.
 */
final class LedgerCursor {
  private final List<LedgerLine> lines = new ArrayList<>();

  /** Call under the simulator's lock. */
  List<LedgerLine> read(Engine e) {
    List<LedgerEntry> all = e.ledger().all();
    int known = lines.size();
    if (known > all.size()
        || known > 0 && all.get(known - 1).seq() != lines.get(known - 1).seq()) {
      lines.clear(); // not an extension of what was read: convert it all again
      known = 0;
    }
    for (int i = known; i < all.size(); i++) lines.add(LedgerLine.of(all.get(i)));
    return lines;
  }
}
