package dev.vidsim.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * A dialect's answer to an error, as data: the HTTP status, the JSON envelope and any headers
 * (e.g. OpenAI's {@code x-request-id}). Data, so that errors Jetty raises before a request
 * reaches a route are answered in the same envelope as those a handler throws.
 */
public record ErrorReply(int status, ObjectNode body, Map<String, String> headers) {
  public ErrorReply {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an error reply needs a 4xx/5xx status, got " + status);
    }
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }

  public ErrorReply(int status, ObjectNode body) {
    this(status, body, Map.of());
  }
}
