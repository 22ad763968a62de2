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
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(READ_TIMEOUT_MS);
      try {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
        socket.shutdownOutput();
      } catch (IOException serverClosedEarly) {
        // the server may answer (e.g. 413) and close before reading everything: read the answer
      }
      return parse(readAll(socket.getInputStream()));
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

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) out.write(buffer, 0, n);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no end of response within " + READ_TIMEOUT_MS + " ms; got: "
          + out.toString(StandardCharsets.ISO_8859_1), e);
    } catch (IOException reset) {
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
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
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
