package dev.vidsim.check;

import java.util.ArrayList;
import java.util.List;

/** A line diff (longest common subsequence): "  " common, "- " expected only, "+ " actual only. */
final class Diff {
  /** Middles (after the common head and tail) longer than this are not aligned line by line. */
  static final int LINES_MAX = 2000;
  /** Differing lines a summary shows at each end. */
  static final int SUMMARY_EDGE_LINES = 3;

  private Diff() {}

  static List<String> lines(List<String> expected, List<String> actual) {
    int head = 0;
    while (head < expected.size() && head < actual.size()
        && expected.get(head).equals(actual.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < expected.size() - head && tail < actual.size() - head
        && expected.get(expected.size() - 1 - tail).equals(actual.get(actual.size() - 1 - tail))) {
      tail++;
    }
    List<String> out = new ArrayList<>();
    expected.subList(0, head).forEach(l -> out.add("  " + l));
    out.addAll(middle(expected.subList(head, expected.size() - tail),
        actual.subList(head, actual.size() - tail)));
    expected.subList(expected.size() - tail, expected.size()).forEach(l -> out.add("  " + l));
    return out;
  }

  private static List<String> middle(List<String> expected, List<String> actual) {
    List<String> out = new ArrayList<>();
    if (expected.size() > LINES_MAX || actual.size() > LINES_MAX) {
      // the LCS table is quadratic: too long to align, show both sides as they are
      expected.forEach(l -> out.add("- " + l));
      actual.forEach(l -> out.add("+ " + l));
      return out;
    }
    int n = expected.size();
    int m = actual.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = expected.get(i).equals(actual.get(j)) ? lcs[i + 1][j + 1] + 1
            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && expected.get(i).equals(actual.get(j))) {
        out.add("  " + expected.get(i++));
        j++;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        out.add("- " + expected.get(i++));
      } else {
        out.add("+ " + actual.get(j++));
      }
    }
    return out;
  }

  /**
   * A diff of any length in a few lines: how many lines differ, then the first and last
   * differing ones, each with its line number in the expected (-) or actual (+) list.
   */
  static String summary(List<String> diff) {
    List<String> differing = new ArrayList<>();
    int expectedLine = 0;
    int actualLine = 0;
    for (String d : diff) {
      if (d.startsWith("  ")) {
        expectedLine++;
        actualLine++;
      } else if (d.startsWith("- ")) {
        differing.add(String.format("  - line %d: %s", ++expectedLine, d.substring(2)));
      } else {
        differing.add(String.format("  + line %d: %s", ++actualLine, d.substring(2)));
      }
    }
    StringBuilder sb = new StringBuilder(differing.size() + " differing line(s)");
    int edge = SUMMARY_EDGE_LINES;
    if (differing.size() <= 2 * edge) {
      differing.forEach(l -> sb.append('\n').append(l));
      return sb.toString();
    }
    sb.append("; the first and last ").append(edge).append(':');
    differing.subList(0, edge).forEach(l -> sb.append('\n').append(l));
    sb.append("\n  … ").append(differing.size() - 2 * edge).append(" more …");
    differing.subList(differing.size() - edge, differing.size())
        .forEach(l -> sb.append('\n').append(l));
    return sb.toString();
  }
}
