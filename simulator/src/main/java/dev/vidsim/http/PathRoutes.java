package dev.vidsim.http;

import dev.vidsim.errors.SimException;
import dev.vidsim.faults.Endpoint;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dialect's routes as regular expressions over the decoded path, for providers whose paths
 * Javalin's patterns cannot express: Google's {@code models/m:method}, fal's app ids of any
 * depth. Each route still runs inside the shared {@link Guard}.
 */
public final class PathRoutes {
  private static final String ROUTED_PATH = "vidsim.routedPath";
  private final Dialect dialect;
  private final Guard guard;
  private final BiFunction<Context, String, SimException> notFound;
  private final List<Route> routes = new ArrayList<>();

  private record Route(String method, Pattern path, Handler handler) {}

  /** @param notFound the dialect's answer to a path none of its routes matches */
  public PathRoutes(Dialect dialect, Guard guard,
                    BiFunction<Context, String, SimException> notFound) {
    this.dialect = dialect;
    this.guard = guard;
    this.notFound = notFound;
  }

  public <R> void add(String method, String regex, Endpoint endpoint, Guard.Parser<R> parser,
                      Guard.Action<R> action) {
    routes.add(new Route(method, Pattern.compile(regex), guard.guarded(dialect, endpoint, parser,
        action)));
  }

  /** Sends every request under the dialect's prefix with one of these methods here. */
  public void install(RoutesConfig r, String... methods) {
    String all = dialect.prefix() + "/*";
    for (String m : methods) {
      switch (m) {
        case "GET" -> r.get(all, ctx -> dispatch(ctx, m));
        case "POST" -> r.post(all, ctx -> dispatch(ctx, m));
        case "PUT" -> r.put(all, ctx -> dispatch(ctx, m));
        case "DELETE" -> r.delete(all, ctx -> dispatch(ctx, m));
        default -> throw new IllegalArgumentException("unsupported method " + m);
      }
    }
  }

  private void dispatch(Context ctx, String method) throws Exception {
    dispatch(ctx, method, decoded(ctx));
  }

  /**
   * Runs the route matching {@code path} (already decoded) instead of the request's own path:
   * a proxy endpoint forwards to the route its target URL names.
   */
  public void dispatch(Context ctx, String method, String path) throws Exception {
    ctx.attribute(ROUTED_PATH, path);
    for (Route route : routes) {
      if (route.method().equals(method) && route.path().matcher(path).matches()) {
        route.handler().handle(ctx);
        return;
      }
    }
    ctx.attribute(Guard.DIALECT, dialect);
    throw notFound.apply(ctx, method);
  }

  /** The route's match on this request; the route and its parser share the regex. */
  public static Matcher match(Context ctx, String regex) {
    Matcher m = Pattern.compile(regex).matcher(path(ctx));
    if (!m.matches()) throw new IllegalStateException("route and parser disagree: " + regex);
    return m;
  }

  /** The path routed on: the request's, or the one a proxy forwarded to. */
  public static String path(Context ctx) {
    String routed = ctx.attribute(ROUTED_PATH);
    return routed != null ? routed : decoded(ctx);
  }

  /** The path with %-escapes decoded: clients may send {@code :method} as {@code %3Amethod}. */
  public static String decoded(Context ctx) {
    return URLDecoder.decode(ctx.path().replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
