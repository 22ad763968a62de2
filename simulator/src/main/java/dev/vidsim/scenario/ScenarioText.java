package dev.vidsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A scenario file's text: at most {@link ScenarioLimits#FILE_BYTES_MAX} bytes of UTF-8. */
final class ScenarioText {
  private ScenarioText() {}

  /** Reads no more than the limit (and one byte to know it is over), whatever the file is. */
  static String read(Path file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(ScenarioLimits.FILE_BYTES_MAX + 1);
    } catch (IOException e) {
      throw new ScenarioException(file.toString(), Location.UNKNOWN, "",
          "cannot read the file (" + reason(e) + ")");
    }
    return decode(file.toString(), bytes);
  }

  /** UTF-8 text of at most the limit; else a located error (the first byte that is not UTF-8). */
  static String decode(String file, byte[] bytes) {
    checkSize(file, bytes.length, "bytes");
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = utf8.decode(in, out, true);
    if (r.isError()) {
      int at = in.position();
      throw new ScenarioException(file, locate(bytes, at), "", String.format(
          "the file is not UTF-8 text: byte 0x%02X cannot start or continue a character; save"
              + " it as UTF-8", bytes[at] & 0xff));
    }
    utf8.flush(out);
    return out.flip().toString();
  }

  static void checkSize(String file, int size, String unit) {
    if (size > ScenarioLimits.FILE_BYTES_MAX) {
      throw new ScenarioException(file, Location.UNKNOWN, "", "the file is over vidsim's limit"
          + " of " + ScenarioLimits.FILE_BYTES_MAX + " " + unit + " (256 KiB) for a scenario;"
          + " split it or shorten its script");
    }
  }

  /** Line and column (in characters) of a byte offset. */
  private static Location locate(byte[] bytes, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
    return new Location(line, before.length() + 1);
  }

  /** The operating system's reason without the exception's class name. */
  private static String reason(IOException e) {
    String kind = e instanceof java.nio.file.NoSuchFileException ? "no such file"
        : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
        : e.getMessage();
    return kind == null ? "an input error" : kind;
  }
}
