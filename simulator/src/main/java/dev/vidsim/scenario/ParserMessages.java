package dev.vidsim.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YAML parser's own messages, made plain: one line, without the source excerpt and caret
 * (the location already says where) and without the parser's class names.
 */
final class ParserMessages {
  /** A parser event as SnakeYAML prints it: {@code <org.yaml...SequenceStartEvent(...)>}. */
  private static final Pattern EVENT = Pattern.compile(
      "<?(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z]*?)(StartEvent|Event)?(?![A-Za-z])"
          + "(?:\\([^)]*\\))?>?");

  private static final int MESSAGE_CHARS_MAX = 240;

  private ParserMessages() {}

  static String plain(String message) {
    if (message == null) return "a syntax error";
    String s = message.replaceAll(
        "(?m)^\\s*in 'reader', line \\d+, column \\d+:\\n.*\\n\\s*\\^\\s*$", "");
    Matcher m = EVENT.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String word = m.group(2) == null ? "a YAML element" : word(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(word));
    }
    m.appendTail(out);
    String plain = out.toString().replace("Scalar value in YAML", "a plain value")
        .replaceAll("\\s+", " ").trim();
    if (plain.length() > MESSAGE_CHARS_MAX) plain = plain.substring(0, MESSAGE_CHARS_MAX) + "...";
    return plain.isEmpty() ? "a syntax error" : plain;
  }

  private static String word(String event) {
    return switch (event) {
      case "Sequence" -> "a list";
      case "Mapping" -> "a mapping";
      case "Scalar" -> "a plain value";
      case "Alias" -> "an alias";
      case "Document" -> "a document";
      default -> "a YAML element";
    };
  }
}
