package dev.vidsim.http;

import dev.vidsim.http.HostileRoutes.Route;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The bytes of hostile requests: a request line, headers (a valid key unless the case is about
 * auth, {@code Connection: close}, a Content-Length unless the case sets the framing) and a
 * body; and the broken pieces the fuzzer puts in them. Every body built here is one its route
 * must refuse, so no fuzzed request may change the ledger.
 */
final class HostileWire {
  private static final String BOUNDARY = "vb0";

  private HostileWire() {}

  static String pick(SplittableRandom random, String... options) {
    return options[random.nextInt(options.length)];
  }

  static byte[] raw(String request) {
    return request.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] of(Route r, List<String> headers, String body) {
    return of(r, r.path(), headers, body);
  }

  static byte[] of(Route r, String target, List<String> headers, String body) {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(r.method()).append(' ').append(target)
        .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    boolean auth = headers.stream().anyMatch(h -> h.startsWith("Authorization:"));
    if (!auth) {
      head.append(r.path().startsWith("/fal/") ? "Authorization: Key sk-alice\r\n"
          : "Authorization: Bearer sk-alice\r\nx-goog-api-key: sk-alice\r\n");
    }
    head.append("X-Runway-Version: 2024-11-06\r\n"); // every Runway call names its API version
    if (headers.stream().noneMatch(h -> h.startsWith("Content-Type:"))) {
      head.append("Content-Type: application/json\r\n");
    }
    boolean framed = headers.stream().anyMatch(h -> h.startsWith("Content-Length:")
        || h.startsWith("Transfer-Encoding:"));
    if (!framed) head.append("Content-Length: ").append(content.length).append("\r\n");
    headers.forEach(h -> head.append(h).append("\r\n"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    return out.toByteArray();
  }

  static byte[] json(Route r, String body) {
    return of(r, List.of(), body);
  }

  static String badChunks(String valid, SplittableRandom random) {
    String body = valid.isEmpty() ? "x" : valid; // "0\r\n\r\n" alone would be a valid body
    String size = Integer.toHexString(body.length());
    return switch (random.nextInt(7)) {
      case 0 -> "ZZ\r\n" + body + "\r\n0\r\n\r\n";
      case 1 -> Integer.toHexString(body.length() + 10) + "\r\n" + body;
      case 2 -> size + "\r\n" + body + "\r\n";
      case 3 -> size + "\r\n" + body + "XX0\r\n\r\n";
      case 4 -> "-5\r\n" + body + "\r\n0\r\n\r\n";
      case 5 -> "FFFFFFFFFFFFFFFF\r\n" + body;
      default -> "";
    };
  }

  static List<String> hugeHeaders(SplittableRandom random) {
    int over = RequestLimits.HEADER_BYTES_MAX + 1 + random.nextInt(16_384);
    return switch (random.nextInt(3)) {
      case 0 -> List.of("X-Fuzz: " + "h".repeat(over));
      case 1 -> List.of("Cookie: c=" + "k".repeat(over));
      default -> {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < over / 16; i++) many.add("X-Fuzz-" + i + ": vvvvv");
        yield many;
      }
    };
  }

  static String badRequestLine(Route r, SplittableRandom random) {
    String m = r.method();
    String p = r.path();
    String line = switch (random.nextInt(10)) {
      case 0 -> "GARBAGE";
      case 1 -> m;
      case 2 -> m + " ";
      case 3 -> m + "  HTTP/1.1";
      case 4 -> m + "\u0001 " + p + " HTTP/1.1";
      case 5 -> m + " " + p + "\u0000 HTTP/1.1";
      case 6 -> " " + m + " " + p + " HTTP/1.1";
      case 7 -> m + " " + p + " HTTP/1.1\r\nBroken header";
      case 8 -> m + " " + p + " HTTP/1.1\r\nBad\u0001Name: x";
      default -> m.toLowerCase(java.util.Locale.ROOT) + " " + p + " HTTP/1.1";
    };
    return line + "\r\nHost: x\r\nConnection: close\r\n\r\n";
  }

  static String badJson(String body, SplittableRandom random) {
    int at = 1 + random.nextInt(Math.max(1, body.length() - 1));
    return switch (random.nextInt(12)) {
      case 0 -> body.substring(0, Math.min(at, body.length() - 1));
      case 1 -> body.substring(0, at) + (char) (1 + random.nextInt(8)) + body.substring(at);
      case 2 -> body + pick(random, "x", "{}", "]", ",");
      case 3 -> "{\"dup\":1,\"dup\":2," + body.substring(1);
      case 4 -> "[".repeat(1_001 + random.nextInt(500));
      case 5 -> "{\"n\":" + "9".repeat(1_001 + random.nextInt(1_000)) + "}";
      case 6 -> body.replaceFirst("\"", "'");
      case 7 -> pick(random, "{\"a\":NaN}", "{\"a\":01}", "{\"a\":\"\\q\"}", "{\"a\":-}");
      case 8 -> "//c\n" + body;
      case 9 -> "{\"s\":\"" + "\u0007".repeat(1 + random.nextInt(5)) + "\"}";
      case 10 -> pick(random, "[1]", "42", "null", "\"s\"", "true");
      default -> "{\"a\":\"" + "\\u12";
    };
  }

  static byte[] badMultipart(Route r, SplittableRandom random) {
    String type = "Content-Type: multipart/form-data; boundary=" + BOUNDARY;
    String field = "Content-Disposition: form-data; name=\"prompt\"\r\n\r\na cat\r\n";
    String open = "--" + BOUNDARY + "\r\n";
    String close = "--" + BOUNDARY + "--\r\n";
    String body = switch (random.nextInt(9)) {
      case 0 -> "hello";
      case 1 -> open + field;
      case 2 -> open + "X-Other: y\r\n\r\na\r\n" + close;
      case 3 -> open + "Content-Disposition: form-data; filename=\"f\"\r\n\r\na\r\n" + close;
      case 4 -> open + "Content-Disposition: form-data; name=\"prompt\"\r\na cat" + close;
      case 5 -> open + field + open + field + close;
      case 6 -> open + "Content-Disposition: form-data; name=\"seconds\"\r\n\r\n6.5\r\n"
          + open + field + close;
      case 7 -> open + "Content-Disposition: form-data; name=\"foo\"\r\n\r\nx\r\n" + close;
      default -> ("--" + BOUNDARY + " x\r\n") + field + close;
    };
    if (random.nextInt(8) == 0) type = "Content-Type: multipart/form-data";
    return of(r, List.of(type), body);
  }

  static String oddPath(Route r, SplittableRandom random) {
    String p = r.path();
    return switch (random.nextInt(11)) {
      case 0 -> p + "/..%2F..%2F_sim%2Freset";
      case 1 -> p + "/%2e%2e/%2e%2e/_sim/ledger";
      case 2 -> p + "%00";
      case 3 -> p + "/%F0%9F%98%80";
      case 4 -> p + ";jsessionid=x";
      case 5 -> p + "/%ZZ";
      case 6 -> p + "//";
      case 7 -> p + "/" + "a".repeat(2_000);
      case 8 -> p + "?limit=-1&limit=99999999999999999999&status=%00&after=%FF";
      case 9 -> "/v1/videos/../../../../etc/passwd";
      default -> "*";
    };
  }

  static byte[] badAuth(Route r, SplittableRandom random) {
    // Replicate still takes its legacy "Token <key>", and fal only "Key <key>"
    String auth = r.path().startsWith("/replicate/")
        ? pick(random, "sk-alice", "Basic c2stYWxpY2U6", "Bearer", "Token", "Key sk-alice")
        : pick(random, "sk-alice", "Basic c2stYWxpY2U6", "Bearer", "Token sk-alice", "bearer");
    return of(r, List.of("Authorization: " + auth), r.validBody());
  }

  /** A proper prefix of a whole request: never complete, so never served. */
  static byte[] abandoned(Route r, SplittableRandom random) {
    byte[] whole = of(r, List.of(), r.validBody());
    byte[] part = new byte[1 + random.nextInt(whole.length - 1)];
    System.arraycopy(whole, 0, part, 0, part.length);
    return part;
  }
}
