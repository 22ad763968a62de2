package dev.vidsim.http;

import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The byte limits on what a client may send, set here rather than left to Jetty's and Javalin's
 * defaults, and named in the error a client gets when it goes over one.
 */
final class RequestLimits {
  /** Largest request body: room for a reference image in a multipart create. */
  static final int BODY_BYTES_MAX = 4 * 1024 * 1024;
  /** Largest request line and headers together; Jetty answers 431 over it (414 for the line). */
  static final int HEADER_BYTES_MAX = 16 * 1024;
  /** Longest request target (path and query), under HEADER_BYTES_MAX so vidsim checks it. */
  static final int URI_BYTES_MAX = 8 * 1024;

  private RequestLimits() {}

  static void apply(JavalinConfig config) {
    config.http.maxRequestSize = BODY_BYTES_MAX;
    config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(HEADER_BYTES_MAX));
  }

  /** Refuses a request target or a declared body over its limit before the body is read. */
  static void check(Context ctx) {
    String query = ctx.queryString();
    long uriBytes = ctx.req().getRequestURI().length() + (query == null ? 0 : 1 + query.length());
    if (uriBytes > URI_BYTES_MAX) throw uriTooLong(uriBytes);
    long declared = ctx.req().getContentLengthLong();
    if (declared > BODY_BYTES_MAX) throw bodyTooLarge(declared);
  }

  /** 413; {@code declared} is the Content-Length, or -1 when the body came chunked. */
  static SimException bodyTooLarge(long declared) {
    return tooLarge(413, "the request body" + (declared < 0 ? "" : " of " + declared + " bytes")
        + " is over vidsim's limit of " + BODY_BYTES_MAX + " bytes; send a smaller body"
        + " (e.g. a smaller reference image)", BODY_BYTES_MAX);
  }

  /** 414; {@code length} is the target's length, or -1 when Jetty stopped reading it. */
  static SimException uriTooLong(long length) {
    return tooLarge(414, "the request URI" + (length < 0 ? "" : " of " + length + " bytes")
        + " is over vidsim's limit of " + URI_BYTES_MAX + " bytes; send long values in the"
        + " body, not in the path or query", URI_BYTES_MAX);
  }

  static SimException headersTooLarge() {
    return tooLarge(431, "the request line and headers are over vidsim's limit of "
        + HEADER_BYTES_MAX + " bytes together; send fewer or shorter headers", HEADER_BYTES_MAX);
  }

  private static SimException tooLarge(int status, String message, int limitBytes) {
    return new SimException(ErrorCode.INVALID_REQUEST, message, Map.of("limitBytes",
        limitBytes), status);
  }
}
