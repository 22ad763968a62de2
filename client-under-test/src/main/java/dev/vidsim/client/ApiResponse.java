package dev.vidsim.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One HTTP answer: status, headers (names lower-case) and the raw body. */
public record ApiResponse(int status, Map<String, List<String>> headers, String body) {
  public ApiResponse {
    headers = Map.copyOf(headers);
    body = body == null ? "" : body;
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The body as JSON; an empty or non-JSON body is an empty object. */
  public JsonNode json() {
    return JsonSupport.parseOrEmpty(body);
  }

  /** The provider's error code ({"error":{"code":..}}), or null. */
  public String errorCode() {
    JsonNode code = json().path("error").path("code");
    return code.isTextual() ? code.asText() : null;
  }

  public String errorMessage() {
    JsonNode msg = json().path("error").path("message");
    return msg.isTextual() ? msg.asText() : body;
  }
}
