package dev.vidsim.http;

import dev.vidsim.http.HostileRoutes.Body;
import dev.vidsim.http.HostileRoutes.Route;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded malformed requests: a route, one way of getting HTTP or the body wrong, and which
 * envelopes the answer may come in (vidsim's own too when the request line itself is broken,
 * since then no path can be read). The same seed gives the same requests.
 */
final class HostileRequests {
  enum Kind {
    SHORT_BODY, BAD_CHUNKS, HUGE_HEADERS, LONG_URI, BAD_REQUEST_LINE, BAD_VERSION, BAD_JSON,
    WRONG_TYPES, WRONG_CONTENT_TYPE, BAD_MULTIPART, ODD_PATH, BAD_AUTH, OVERSIZED_BODY, ABANDONED
  }

  /** One request: its bytes, the envelopes its answers may use, and whether it must fail. */
  record Case(Kind kind, Route route, byte[] bytes, Set<Envelope> envelopes, boolean mustFail) {
    String describe() {
      String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("\r\n", "\\r\\n");
      return kind + " " + route.method() + " " + route.path() + ": "
          + (text.length() <= 300 ? text : text.substring(0, 300) + "...");
    }
  }

  private final SplittableRandom random;

  HostileRequests(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A kind of fault, evenly drawn, then a route it applies to. */
  Case next() {
    Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
    List<Route> routes = HostileRoutes.ALL.stream().filter(r -> applies(kind, r)).toList();
    return build(kind, routes.get(random.nextInt(routes.size())));
  }

  private static boolean applies(Kind kind, Route r) {
    return switch (kind) {
      case BAD_JSON, WRONG_CONTENT_TYPE -> r.body() != Body.NONE;
      case WRONG_TYPES -> !r.refused().isEmpty();
      case BAD_MULTIPART -> r.body() == Body.FORM;
      case BAD_AUTH -> r.needsKey() && (!r.isAdmin() && r.envelope() != Envelope.VIDSIM
          || r.path().startsWith("/v1/"));
      default -> true;
    };
  }

  private Case build(Kind kind, Route r) {
    Set<Envelope> own = Set.of(r.envelope());
    Set<Envelope> orVidsim = EnumSet.of(r.envelope(), Envelope.VIDSIM);
    String body = r.validBody();
    SplittableRandom g = random;
    return switch (kind) {
      case SHORT_BODY -> {
        String sent = body.substring(0, g.nextInt(body.length() + 1));
        String declared = "Content-Length: " + (body.length() + 1 + g.nextInt(500));
        yield new Case(kind, r, HostileWire.of(r, List.of(declared), sent), own, r.readsBody());
      }
      case BAD_CHUNKS -> new Case(kind, r, HostileWire.of(r, List.of(
          "Transfer-Encoding: chunked"), HostileWire.badChunks(body, g)), own, r.readsBody());
      case HUGE_HEADERS -> new Case(kind, r, HostileWire.of(r, HostileWire.hugeHeaders(g), body),
          own, true);
      case LONG_URI -> longUri(r, body);
      case BAD_REQUEST_LINE -> new Case(kind, r, HostileWire.raw(HostileWire.badRequestLine(r,
          g)), orVidsim, true);
      case BAD_VERSION -> new Case(kind, r, HostileWire.raw(r.method() + " " + r.path() + " "
          + HostileWire.pick(g, "HTTP/1.7", "HTTP/2.0", "HTTP/3", "HTTQ/1.1", "HTTP/1.1x",
              "HTTP/11", "HTTP/1.1 x", "HTTP/") + "\r\nHost: x\r\nConnection: close\r\n\r\n"),
          orVidsim, true);
      case BAD_JSON -> new Case(kind, r, HostileWire.json(r, HostileWire.badJson(body, g)), own,
          true);
      case WRONG_TYPES -> new Case(kind, r, HostileWire.json(r, r.refused().get(g.nextInt(
          r.refused().size()))), own, true);
      case WRONG_CONTENT_TYPE -> new Case(kind, r, HostileWire.of(r, List.of("Content-Type: "
          + HostileWire.pick(g, "application/x-www-form-urlencoded", "text/plain",
              "multipart/form-data", "application/json; charset=utf-16")),
          HostileWire.pick(g, "model=task-1&prompt=cat", "hello", "prompt: cat")), own, true);
      case BAD_MULTIPART -> new Case(kind, r, HostileWire.badMultipart(r, g), own, true);
      // a body no route accepts ("{"), so a path that still reaches a route changes nothing
      case ODD_PATH -> new Case(kind, r, HostileWire.of(r, HostileWire.oddPath(r, g), List.of(),
          "{"), orVidsim, false);
      case BAD_AUTH -> new Case(kind, r, HostileWire.badAuth(r, g), own, true);
      case OVERSIZED_BODY -> new Case(kind, r, HostileWire.of(r, List.of("Content-Length: "
          + (RequestLimits.BODY_BYTES_MAX + 1 + g.nextInt(1 << 20))), body), own, true);
      case ABANDONED -> new Case(kind, r, HostileWire.abandoned(r, g), Set.of(), false);
    };
  }

  /** Over vidsim's URI limit its path is known; over Jetty's header limit it is not. */
  private Case longUri(Route r, String body) {
    boolean overHeaders = random.nextInt(4) == 0;
    int length = overHeaders ? RequestLimits.HEADER_BYTES_MAX + random.nextInt(16_384)
        : RequestLimits.URI_BYTES_MAX + 1 + random.nextInt(RequestLimits.HEADER_BYTES_MAX
            - RequestLimits.URI_BYTES_MAX - 1_024);
    String target = r.path() + "?q=" + "u".repeat(length);
    return new Case(Kind.LONG_URI, r, HostileWire.of(r, target, List.of(), body), overHeaders
        ? Set.of(Envelope.VIDSIM) : Set.of(r.envelope()), true);
  }
}
