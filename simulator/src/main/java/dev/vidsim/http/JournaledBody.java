package dev.vidsim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.vidsim.webhooks.Signer;
import io.javalin.http.Context;

/** An answer's body as its journal line keeps it: as sent, but with no signing secret in it. */
final class JournaledBody {
  private JournaledBody() {}

  /** Puts the answer's JSON body on {@code line}, or its content type when it had none. */
  static void put(ObjectNode line, Context ctx) {
    JsonNode body = ctx.attribute(Json.BODY_ATTRIBUTE);
    if (body == null) {
      line.put("contentType", ctx.res().getContentType());
      return;
    }
    JsonNode shown = redacted(body);
    // the answer's own text, embedded as it was sent: the tree is not written a second time
    if (shown == body) line.putRawValue("body", new RawValue(ctx.<String>attribute(
        Json.BODY_TEXT_ATTRIBUTE)));
    else line.set("body", shown);
  }

  /**
   * A webhook signing secret in an answer (vidsim's and Replicate's secret endpoints) is
   * journaled as its prefix only: the journal is shared in CI logs and bug reports.
   */
  static JsonNode redacted(JsonNode body) {
    if (!body.isObject()) return body;
    ObjectNode copy = null;
    for (var it = body.fields(); it.hasNext(); ) {
      var field = it.next();
      if (field.getValue().isTextual() && field.getValue().asText().startsWith(Signer.PREFIX)) {
        if (copy == null) copy = ((ObjectNode) body).deepCopy();
        copy.put(field.getKey(), Signer.PREFIX + "[redacted]");
      }
    }
    return copy == null ? body : copy;
  }
}
