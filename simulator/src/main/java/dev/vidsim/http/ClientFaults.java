package dev.vidsim.http;

import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;

/**
 * A request the client got wrong at the HTTP level, said in plain words: a body shorter than its
 * Content-Length, broken chunked encoding, a connection closed mid-body, a bad request line.
 * Each is a 4xx in the dialect's envelope, never a 500, and no message names a class.
 */
final class ClientFaults {
  /** How far down a chain of causes to look for the client's fault. */
  private static final int CAUSE_DEPTH_MAX = 8;
  /** Something that reads like a Java class name; Jetty's reasons are phrases, but be sure. */
  private static final Pattern CLASS_NAME = Pattern.compile(
      "[a-z]+\\.[a-z.]+\\.[A-Z]|[A-Za-z]+(Exception|Error)\\b");
  private static final int REASON_CHARS_MAX = 80;

  private ClientFaults() {}

  /**
   * The client's fault behind a failure while the request body was read: any I/O failure then is
   * the client's (it stopped sending), whatever Jetty calls it.
   */
  static SimException whileReading(Throwable failure, Context ctx) {
    SimException fault = inRequest(failure, ctx);
    if (fault == null && failure instanceof IOException) return endedEarly(ctx);
    return fault;
  }

  /** The client's fault behind a failure anywhere in handling, or null if it is not one. */
  static SimException inRequest(Throwable failure, Context ctx) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < CAUSE_DEPTH_MAX; depth++, t = t.getCause()) {
      if (t instanceof SimException e) return e;
      if (t instanceof EofException) return endedEarly(ctx);
      if (t instanceof TimeoutException) {
        return fault(408, "the request body stopped arriving before it was complete; send the"
            + " whole body without pausing");
      }
      int status = t instanceof HttpResponseException h ? h.getStatus()
          : t instanceof HttpException h ? h.getCode() : 0;
      if (status == 413) return RequestLimits.bodyTooLarge(-1);
      if (status >= 400 && status < 500) {
        String reason = t instanceof HttpException h ? h.getReason() : t.getMessage();
        return fault(status, (chunked(ctx) ? "the chunked request body is malformed"
            : "the request is malformed") + " (" + plain(reason) + ")");
      }
    }
    return null;
  }

  /** The error for a status Jetty gave a request it refused before routing. */
  static SimException beforeRouting(int status, String reason) {
    return switch (status) {
      case 413 -> RequestLimits.bodyTooLarge(-1);
      case 414 -> RequestLimits.uriTooLong(-1);
      case 431 -> RequestLimits.headersTooLarge();
      // a version vidsim does not speak is the client's mistake, not a server error
      case 505 -> fault(400, "unsupported HTTP version; vidsim speaks HTTP/1.1 (and 1.0): send"
          + " a request line such as 'GET /v1/models HTTP/1.1'");
      case 404 -> new SimException(ErrorCode.NOT_FOUND, "no resource at this request target"
          + " (e.g. OPTIONS *); vidsim serves paths such as /v1/models");
      case 426 -> fault(426, "this port does not upgrade to HTTP/2; vidsim speaks HTTP/1.1:"
          + " send a request line such as 'GET /v1/models HTTP/1.1'");
      default -> status >= 500
          ? new SimException(ErrorCode.INTERNAL, "the simulator could not serve the request"
              + " (HTTP " + status + "); retry later", Map.of(), status)
          : fault(status, "the request is malformed: " + plain(reason)
              + " (vidsim speaks HTTP/1.1)");
    };
  }

  private static SimException endedEarly(Context ctx) {
    if (chunked(ctx)) {
      // Jetty reports a malformed chunk and a missing one alike, as an early end
      return fault(400, "the chunked request body is malformed or ends before its last"
          + " (zero-length) chunk; send each chunk as <hex size>CRLF<bytes>CRLF, then 0CRLFCRLF");
    }
    long declared = ctx.req().getContentLengthLong();
    return fault(400, declared < 0 ? "the connection closed while the request body was read"
        : "the request body ended before its Content-Length of " + declared + " bytes");
  }

  private static boolean chunked(Context ctx) {
    String encoding = ctx.header("Transfer-Encoding");
    return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
  }

  /** A reason phrase safe to show: short, and never a class name. */
  static String plain(String reason) {
    if (reason == null || reason.isBlank() || CLASS_NAME.matcher(reason).find()) {
      return "malformed request";
    }
    String oneLine = reason.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= REASON_CHARS_MAX ? oneLine
        : oneLine.substring(0, REASON_CHARS_MAX) + "...";
  }

  private static SimException fault(int status, String message) {
    return new SimException(ErrorCode.INVALID_REQUEST, message, Map.of(), status);
  }
}
