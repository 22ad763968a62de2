package dev.vidsim.checker;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of the simulator's journal ({@code GET /_sim/journal}): its sequence number, simulated
 * time, kind ({@code request}, {@code response}, {@code ledger}, {@code job_created},
 * {@code state}, ...) and every other field as JSON.
 */
public record JournalEvent(long seq, Instant at, String kind, JsonNode fields) {
  public JournalEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
  }

  /** Parses one JSONL line; a line without seq, t or kind is rejected with the line quoted. */
  public static JournalEvent parse(String line) {
    JsonNode n = Js.parse(line);
    if (!n.has("seq") || !n.has("t") || !n.has("kind")) {
      throw new IllegalArgumentException("journal line lacks seq, t or kind: "
          + Js.abbreviate(line));
    }
    return new JournalEvent(n.get("seq").asLong(), Js.instant(n.get("t").asText()),
        n.get("kind").asText(), n);
  }

  /** Parses a whole journal (JSONL text); blank lines and a torn last line are skipped. */
  public static List<JournalEvent> parseAll(String jsonl) {
    String[] lines = jsonl.split("\n");
    List<JournalEvent> out = new ArrayList<>(lines.length);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) continue;
      try {
        out.add(parse(lines[i]));
      } catch (IllegalArgumentException e) {
        if (i < lines.length - 1) throw e;
      }
    }
    return out;
  }

  public static List<JournalEvent> parseAll(List<String> lines) {
    return parseAll(String.join("\n", lines));
  }

  public String text(String field) {
    return Js.text(fields, field);
  }

  public boolean is(String wantedKind) {
    return kind.equals(wantedKind);
  }

  @Override
  public String toString() {
    return "#" + seq + " " + at + " " + kind + " " + Js.abbreviate(fields.toString());
  }
}
