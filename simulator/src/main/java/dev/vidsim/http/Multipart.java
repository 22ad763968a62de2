package dev.vidsim.http;

import dev.vidsim.errors.SimException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multipart/form-data body, read once from the raw bytes: each part's name, optional file name
 * and content. Bounded: at most {@link #PARTS_MAX} parts. A malformed body is a 400 naming what
 * is wrong, never a 5xx.
 */
public final class Multipart {
  public static final int PARTS_MAX = 64;
  private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

  /** One part: text fields have no file name and usually a text/plain content type. */
  public record Part(String name, String filename, String contentType, byte[] content) {
    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }

    public boolean isFile() {
      return filename != null || (contentType != null && !contentType.startsWith("text/")
          && !name.contains("["));
    }
  }

  private Multipart() {}

  public static boolean isMultipart(String contentType) {
    return contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  /** The parts by name, in order; a repeated name is a 400 (it would silently pick one). */
  public static Map<String, Part> parse(String contentType, byte[] body) {
    String boundary = boundary(contentType);
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    Map<String, Part> parts = new LinkedHashMap<>();
    int at = indexOf(body, delimiter, 0);
    if (at < 0) throw bad("no part starts with the boundary '" + boundary + "'");
    while (true) {
      int lineEnd = at + delimiter.length;
      if (lineEnd + 1 < body.length && body[lineEnd] == '-' && body[lineEnd + 1] == '-') break;
      int headersStart = skipLineBreak(body, lineEnd);
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
          headersStart);
      if (headersEnd < 0) throw bad("a part has no blank line after its headers");
      int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1),
          headersEnd + 4);
      if (next < 0) throw bad("the body ends before the closing boundary '--" + boundary + "--'");
      Part p = part(new String(body, headersStart, headersEnd - headersStart,
          StandardCharsets.UTF_8), java.util.Arrays.copyOfRange(body, headersEnd + 4, next));
      if (parts.put(p.name(), p) != null) throw bad("the field '" + p.name() + "' is repeated");
      if (parts.size() > PARTS_MAX) throw bad("more than " + PARTS_MAX + " parts");
      at = next + 2;
    }
    return parts;
  }

  private static Part part(String headers, byte[] content) {
    String disposition = null;
    String type = null;
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) continue;
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      if (name.equals("content-disposition")) disposition = line.substring(colon + 1).trim();
      if (name.equals("content-type")) type = line.substring(colon + 1).trim();
    }
    if (disposition == null) throw bad("a part has no Content-Disposition header");
    Matcher name = NAME.matcher(disposition);
    if (!name.find()) throw bad("a part's Content-Disposition has no name");
    Matcher file = FILENAME.matcher(disposition);
    return new Part(name.group(1), file.find() ? file.group(1) : null, type, content);
  }

  private static String boundary(String contentType) {
    for (String param : contentType.split(";")) {
      String p = param.trim();
      if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String b = p.substring(9).replace("\"", "");
        if (!b.isEmpty() && b.length() <= 200) return b;
      }
    }
    throw bad("the Content-Type multipart/form-data has no boundary parameter");
  }

  private static int skipLineBreak(byte[] b, int at) {
    if (at + 1 < b.length && b[at] == '\r' && b[at + 1] == '\n') return at + 2;
    throw bad("a boundary line does not end with CRLF");
  }

  /** Where {@code needle} first occurs in {@code haystack} at or after {@code from}, or -1. */
  static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  }

  private static SimException bad(String why) {
    return SimException.invalid("body", "malformed multipart/form-data: " + why);
  }
}
