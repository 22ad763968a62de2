package dev.vidsim.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client would send: the bytes go out exactly
 * as given, the client half-closes (it has nothing more to send), and every response the server
 * wrote before closing is read back.
 */
final class RawHttp {
  /** Longest wait for the server to answer and close; a test fails rather than hangs. */
  static final int READ_TIMEOUT_MS = 5_000;
  /** Most responses read from one connection (a lying Content-Length can make a second). */
  private static final int RESPONSES_MAX = 8;
  private static final byte[] HEAD_END = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

  record Response(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private RawHttp() {}

  static List<Response> exchange(int port, byte[] request) {
    return exchange(port, request, false);
  }

  /**
   * As {@link #exchange(int, byte[])}; with {@code resetMayDropAnswer}, a connection reset before
   * any answer byte arrived gives an empty list instead of failing. A server that refuses a head
   * over its limit (431) closes with request bytes unread, which resets the connection, and a
   * reset racing the answer can discard it in the client's kernel: no client can rely on reading
   * that answer, so a test of such a request must accept its absence.
   */
  static List<Response> exchange(int port, byte[] request, boolean resetMayDropAnswer) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(READ_TIMEOUT_MS);
      try {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
        socket.shutdownOutput();
      } catch (IOException serverClosedEarly) {
        // the server may answer (e.g. 413) and close before reading everything: read the answer
      }
      byte[] answer = readAll(socket.getInputStream(), resetMayDropAnswer);
      return answer == null ? List.of() : parse(answer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends part of a request, then resets the connection without reading: a client that dies. */
  static void abandon(int port, byte[] partial) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoLinger(true, 0);
      socket.getOutputStream().write(partial);
      socket.getOutputStream().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Null when the connection was reset before any byte came and that is allowed. */
  private static byte[] readAll(InputStream in, boolean resetMayDropAnswer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) out.write(buffer, 0, n);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no end of response within " + READ_TIMEOUT_MS + " ms; got: "
          + out.toString(StandardCharsets.ISO_8859_1), e);
    } catch (IOException reset) {
      if (out.size() == 0 && resetMayDropAnswer) return null;
      if (out.size() == 0) throw new AssertionError("connection reset before any answer", reset);
      // a reset after the response: keep what arrived
    }
    return out.toByteArray();
  }

  static List<Response> parse(byte[] raw) {
    List<Response> out = new ArrayList<>();
    int at = 0;
    while (at < raw.length && out.size() < RESPONSES_MAX) {
      int headEnd = Multipart.indexOf(raw, HEAD_END, at);
      if (headEnd < 0) throw new AssertionError("an incomplete response head: " + text(raw, at,
          raw.length));
      String[] lines = text(raw, at, headEnd).split("\r\n");
      String[] statusLine = lines[0].split(" ");
      if (statusLine.length < 2 || !statusLine[1].matches("[1-5][0-9][0-9]")) {
        throw new AssertionError("not a status line: '" + lines[0] + "' in: " + text(raw, 0,
            raw.length));
      }
      int status = Integer.parseInt(statusLine[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon < 0) throw new AssertionError("not a header: '" + lines[i] + "'");
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
      int bodyStart = headEnd + 4;
      String length = headers.get("content-length");
      int bodyEnd = length != null ? bodyStart + Integer.parseInt(length) : raw.length;
      if (bodyEnd > raw.length) throw new AssertionError("a body shorter than its length");
      out.add(new Response(status, headers, new String(raw, bodyStart, bodyEnd - bodyStart,
          StandardCharsets.UTF_8)));
      at = bodyEnd;
    }
    return out;
  }

  private static String text(byte[] raw, int from, int to) {
    return new String(raw, from, to - from, StandardCharsets.ISO_8859_1);
  }
}
