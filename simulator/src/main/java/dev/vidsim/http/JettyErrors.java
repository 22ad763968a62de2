package dev.vidsim.http;

import dev.vidsim.errors.SimException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler, for what Jetty refuses before a request reaches a route (a bad request
 * line, a URI or headers over their limit, an unsupported HTTP version): the answer is the error
 * envelope of the dialect the path belongs to (vidsim's own when no path could be read), naming
 * the limit that was hit, instead of Jetty's HTML page.
 */
final class JettyErrors implements Request.Handler {
  private final Dialects dialects;

  JettyErrors(Dialects dialects) {
    this.dialects = dialects;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    String reason = (String) request.getAttribute(ErrorHandler.ERROR_MESSAGE);
    if (request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof HttpException h) {
      status = h.getCode();
      if (reason == null) reason = h.getReason();
    }
    SimException error = ClientFaults.beforeRouting(status, reason);
    String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
    ErrorReply reply = dialects.forPath(path == null ? "" : path)
        .errorReply(error, error.httpStatus());
    response.setStatus(reply.status());
    reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    if ("HEAD".equals(request.getMethod()) || HttpStatus.hasNoBody(reply.status())) {
      callback.succeeded();
    } else {
      byte[] body = reply.body().toString().getBytes(StandardCharsets.UTF_8);
      response.write(true, ByteBuffer.wrap(body), callback);
    }
    return true;
  }
}
