package dev.vidsim.check;

import java.util.ArrayList;
import java.util.List;

/** A line diff (longest common subsequence): "  " common, "- " expected only, "+ " actual only. */
final class Diff {
  /** Lists longer than this are compared line by line instead (the LCS table is quadratic). */
  static final int LINES_MAX = 2000;

  private Diff() {}

  static List<String> lines(List<String> expected, List<String> actual) {
    if (expected.size() > LINES_MAX || actual.size() > LINES_MAX) {
      List<String> out = new ArrayList<>();
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
    List<String> out = new ArrayList<>();
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
}
