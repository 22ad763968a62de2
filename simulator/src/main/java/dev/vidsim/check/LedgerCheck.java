package dev.vidsim.check;

import dev.vidsim.money.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares one key's ledger with its expectation, written either line by line
 * ({@code "charge 0.50 a"}) or compactly, a count and a sum per line type
 * ({@code "poll_fee x360 = 0.72"}), and says what differs in a few lines even for long runs.
 */
final class LedgerCheck {
  /** "poll_fee x360 = 0.72": a line type, how many lines, their total. */
  static final Pattern COMPACT = Pattern.compile(
      "^([a-z_]+) x(\\d{1,9}) = (\\d{1,12}(?:\\.\\d{1,6})?)$");
  /** Lists up to this many lines in all are diffed in full; longer ones are summarised. */
  static final int FULL_DIFF_LINES_MAX = 40;

  /** One actual ledger line: as the exact form writes it, and its compact type. */
  record Line(String text, String type, Money amount) {}

  private LedgerCheck() {}

  static boolean compact(List<String> expected) {
    return !expected.isEmpty() && COMPACT.matcher(expected.get(0)).matches();
  }

  /** Null when the ledger matches, else the problem text (its first line names the key). */
  static String compare(String key, List<String> expected, List<Line> actual) {
    if (compact(expected)) return compareCompact(key, expected, actual);
    List<String> got = actual.stream().map(Line::text).toList();
    if (expected.equals(got)) return null;
    List<String> diff = Diff.lines(expected, got);
    if (expected.size() + got.size() <= FULL_DIFF_LINES_MAX) {
      return "ledger " + key + " (- expected, + actual):\n" + String.join("\n", diff);
    }
    return "ledger " + key + " (" + expected.size() + " lines expected, " + got.size()
        + " actual):\n" + typeTable(totals(expected), totals(got)) + "\n"
        + Diff.summary(diff);
  }

  private static String compareCompact(String key, List<String> expected, List<Line> actual) {
    Map<String, Total> want = new LinkedHashMap<>();
    for (String l : expected) {
      Matcher m = COMPACT.matcher(l);
      if (!m.matches()) throw new IllegalStateException("not a compact ledger line: " + l);
      want.put(m.group(1), new Total(Long.parseLong(m.group(2)), Money.parse(m.group(3))));
    }
    Map<String, Total> got = new LinkedHashMap<>();
    actual.forEach(l -> got.merge(l.type(), new Total(1, l.amount()), Total::plus));
    TreeSet<String> types = new TreeSet<>(want.keySet());
    types.addAll(got.keySet());
    if (types.stream().allMatch(t -> Total.of(want, t).equals(Total.of(got, t)))) return null;
    StringBuilder sb = new StringBuilder("ledger " + key + " per line type (expected | actual):\n"
        + typeTable(want, got));
    for (String t : types) {
      if (Total.of(want, t).equals(Total.of(got, t))) continue;
      List<Integer> at = new ArrayList<>();
      for (int i = 0; i < actual.size(); i++) if (actual.get(i).type().equals(t)) at.add(i);
      if (at.isEmpty()) continue;
      sb.append("\n  ").append(t).append(": first at line ").append(at.get(0) + 1).append(' ')
          .append(actual.get(at.get(0)).text());
      if (at.size() > 1) {
        int last = at.get(at.size() - 1);
        sb.append(", last at line ").append(last + 1).append(' ').append(actual.get(last).text());
      }
    }
    return sb.toString();
  }

  private static String typeTable(Map<String, Total> want, Map<String, Total> got) {
    TreeSet<String> types = new TreeSet<>(want.keySet());
    types.addAll(got.keySet());
    List<String> rows = new ArrayList<>();
    for (String t : types) {
      Total w = Total.of(want, t);
      Total g = Total.of(got, t);
      rows.add(String.format("  %-9s %-18s| %-18s%s", t, w, g, w.equals(g) ? "" : "<- differs")
          .stripTrailing());
    }
    return String.join("\n", rows);
  }

  /** Per first word ("charge 0.50 a" → charge): counts and sums of exact lines. */
  private static Map<String, Total> totals(List<String> exact) {
    Map<String, Total> out = new LinkedHashMap<>();
    for (String l : exact) {
      String[] parts = l.split(" ");
      Money amount = parts.length > 1 && parts[1].matches("\\d{1,12}(\\.\\d{1,6})?")
          ? Money.parse(parts[1]) : Money.ZERO;
      out.merge(parts[0], new Total(1, amount), Total::plus);
    }
    return out;
  }

  /** A count and a sum; prints as the compact form writes it ("x360 = 0.72"). */
  record Total(long count, Money sum) {
    static final Total NONE = new Total(0, Money.ZERO);

    static Total of(Map<String, Total> m, String type) {
      return m.getOrDefault(type, NONE);
    }

    Total plus(Total o) {
      return new Total(count + o.count, sum.plus(o.sum));
    }

    @Override
    public String toString() {
      return count == 0 ? "none" : "x" + count + " = " + sum;
    }
  }
}
