package dev.vidsim.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.engine.AnswerWait;
import dev.vidsim.engine.Commands;
import dev.vidsim.engine.Simulator;
import dev.vidsim.faults.Endpoint;
import dev.vidsim.http.console.ConsoleRoutes;
import dev.vidsim.journal.Journal;
import dev.vidsim.logging.FallbackLogging;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP face of a {@link Simulator}: vidsim's /v1 API and the /_sim admin API. */
public final class VidsimServer implements AutoCloseable {
  public static final String ADMIN_TOKEN_HEADER = "X-Vidsim-Admin-Token";
  private static final String ERROR_CODE = "vidsim.errorCode";

  static { FallbackLogging.installIfNoProvider(); } // before this class's logger binds SLF4J
  private static final Logger LOG = LoggerFactory.getLogger(VidsimServer.class);
  private final Simulator sim;
  private final Javalin app;
  private final String adminToken;
  private final Guard guard;
  private final FaultRoutes faults;
  private final WebhookRoutes hooks;
  private final CatalogRoutes catalog;
  private final Dialects dialects;
  private final MetricsRoute metrics;

  private VidsimServer(Simulator sim, String adminToken, String version) {
    this.sim = sim;
    this.adminToken = adminToken;
    AdminRoutes admin = new AdminRoutes(sim, version);
    this.guard = new Guard(sim);
    this.metrics = new MetricsRoute(sim);
    this.faults = new FaultRoutes(sim);
    this.hooks = new WebhookRoutes(sim);
    this.catalog = new CatalogRoutes(sim);
    this.dialects = Dialects.all(sim, this::baseUrl);
    for (Dialect d : dialects.list()) {
      if (d.webhookShape() != null) sim.webhookShapes().register(d.name(), d.webhookShape());
    }
    this.app = Javalin.create(config -> configure(config, admin));
  }

  /**
   * Starts on {@code bind}:{@code port} (0 picks a free port). A non-loopback bind needs an admin
   * token, so nobody on the network can reset or drain the simulator.
   */
  public static VidsimServer start(Simulator sim, String bind, int port, String adminToken) {
    if (!isLoopback(bind) && (adminToken == null || adminToken.isBlank())) {
      throw new IllegalArgumentException("binding to " + bind + " exposes the admin API;"
          + " pass --admin-token (or bind to 127.0.0.1)");
    }
    VidsimServer server = new VidsimServer(sim, adminToken, version());
    FallbackLogging.whileStarting(() -> server.app.start(bind, port));
    return server;
  }

  public static VidsimServer start(Simulator sim, int port) {
    return start(sim, "127.0.0.1", port, null);
  }

  private void configure(JavalinConfig config, AdminRoutes admin) {
    config.http.responseBufferSize = 1024;
    config.http.prefer405over404 = true;
    config.startup.showJavalinBanner = false;
    RequestLimits.apply(config);
    JettyErrors jettyErrors = new JettyErrors(dialects);
    config.jetty.modifyServer(server -> {
      server.setStopTimeout(0);
      server.setErrorHandler(jettyErrors);
    });
    var r = config.routes;
    r.before(this::beforeRequest);
    r.after(this::afterRequest);
    dialects.list().forEach(d -> d.routes(r, guard));
    r.get("/_sim/health", admin::health);
    r.get("/_sim/metrics", metrics::scrape);
    r.get("/_sim/pricing", new PricingRoute(sim)::page);
    ConsoleRoutes console = new ConsoleRoutes(sim);
    r.post("/_sim/reset", admin::reset);
    r.get("/_sim/scenario", admin::getScenario);
    r.post("/_sim/scenario", admin::loadScenario);
    r.get("/_sim/schema", admin::schema);
    r.post("/_sim/tenants", admin::createTenant);
    r.get("/_sim/tenants", admin::listTenants);
    r.post("/_sim/tenants/{apiKey}/topup", admin::topUp);
    r.get("/_sim/clock", admin::getClock);
    r.post("/_sim/clock", admin::setClock);
    r.post("/_sim/clock/advance", admin::advanceClock);
    r.get("/_sim/ledger", admin::ledger);
    r.get("/_sim/jobs", admin::jobs);
    r.get("/_sim/jobs/{id}", console::job);
    r.get("/_sim/summary", console::summary);
    r.get("/_sim/requests", console::requests);
    r.post("/_sim/jobs/{id}/fail", admin::failJob);
    r.get("/_sim/journal", admin::journal);
    r.get("/_sim/openapi.json", admin::openApi);
    r.get("/_sim/ui", admin::dashboard);
    r.post("/_sim/faults", faults::add);
    r.get("/_sim/faults", faults::list);
    r.delete("/_sim/faults", faults::clear);
    r.delete("/_sim/faults/{id}", faults::remove);
    r.get("/_sim/webhooks", hooks::attempts);
    r.post("/_sim/tenants/{apiKey}/webhook", hooks::setTenantUrl);
    r.post("/_sim/models/{id}/remove", catalog::remove);
    r.exception(SimException.class, (e, ctx) -> error(ctx, e));
    r.exception(Exception.class, (e, ctx) -> {
      SimException fault = ClientFaults.inRequest(e, ctx);
      if (fault != null) {
        error(ctx, fault);
        return;
      }
      LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
      error(ctx, new SimException(ErrorCode.INTERNAL, "the simulator failed unexpectedly; this is"
          + " a vidsim bug, please report it with the simulator's log"));
    });
    r.error(404, ctx -> {
      if (ctx.attribute(Json.BODY_ATTRIBUTE) == null) {
        error(ctx, new SimException(ErrorCode.NOT_FOUND, "no route " + ctx.method() + " "
            + ctx.path() + "; vidsim serves " + dialects.summary() + " and /_sim/..."));
      }
    });
    r.error(405, ctx -> error(ctx, new SimException(ErrorCode.INVALID_REQUEST, "method "
        + ctx.method() + " is not allowed on " + ctx.path())));
  }

  /** Answers an error in the envelope of the dialect the path belongs to (vidsim's otherwise). */
  private void error(Context ctx, SimException e) {
    int status = ctx.status().getCode() == 405 ? 405 : e.httpStatus();
    Dialect d = ctx.attribute(Guard.DIALECT);
    if (d == null) d = dialects.forPath(ctx.path());
    ctx.attribute(ERROR_CODE, e.code());
    // the engine checks the webhook URL for every dialect and knows it by vidsim's name
    d.writeError(ctx, e.withField("webhookUrl", d.webhookField()), status);
  }

  /** Readable without the admin token: liveness, and the dashboard page (it holds no data). */
  private static final java.util.Set<String> OPEN_ADMIN_PATHS = java.util.Set.of("/_sim/health",
      "/_sim/ui");

  private void beforeRequest(Context ctx) {
    Journal.answered(); // a pooled thread: nothing of an earlier request's
    // Javalin writes the answer after the after-handlers: afterRequest waits for the log once
    AnswerWait.begin(null);
    RequestLimits.check(ctx);
    boolean admin = ctx.path().startsWith("/_sim/");
    if (admin && adminToken != null && !OPEN_ADMIN_PATHS.contains(ctx.path())
        && !constantTimeEquals(adminToken, ctx.header(ADMIN_TOKEN_HEADER))
        && !constantTimeEquals(adminToken,
            Dialect.credential(ctx.header("Authorization"), "Bearer "))) {
      throw new SimException(ErrorCode.UNAUTHORIZED, "the admin API needs the header "
          + ADMIN_TOKEN_HEADER + " (or Authorization: Bearer) with the token given to vidsim"
          + " serve --admin-token"
          + " (the dashboard: open /_sim/ui#token=<token>)");
    }
    if (journaled(ctx)) {
      ObjectNode line = Journal.fields().put("method", ctx.method().name()).put("path", ctx.path());
      if (ctx.queryString() != null) line.put("query", ctx.queryString());
      Dialect dialect = dialects.forPath(ctx.path());
      if (!admin) line.put("dialect", dialect.name());
      line.put("apiKey", dialect.apiKeyOrNull(ctx));
      String retry = ctx.header("X-Stainless-Retry-Count");
      if (retry != null && !retry.equals("0")) line.put("sdkRetry", retry);
      if (ctx.header("Idempotency-Key") != null) line.put("idempotencyKey",
          ctx.header("Idempotency-Key"));
      SimException fault = null;
      try {
        String body = ctx.body();
        if (body != null && !body.isBlank()) line.put("body", Journal.truncate(body));
      } catch (Exception e) {
        fault = ClientFaults.whileReading(e, ctx);
        if (fault == null) throw e;
        line.put("bodyError", fault.getMessage());
      }
      // written by the request's first engine call, in its lock hold; every line written while
      // answering carries this request's seq as "req"
      AnswerWait.begin(new Commands.Note("request", line));
      if (fault != null) throw fault;
    }
  }

  private void afterRequest(Context ctx) {
    try {
      journalAnswer(ctx);
    } finally {
      Journal.answered();
      sim.answerReady();
    }
  }

  private void journalAnswer(Context ctx) {
    if (ctx.attribute(Guard.DROPPED) == null) {
      Dialect d = ctx.attribute(Guard.DIALECT);
      metrics.answered(ctx, (d != null ? d : dialects.forPath(ctx.path())).name());
    }
    if (journaled(ctx) && ctx.attribute(Guard.DROPPED) == null) {
      ObjectNode line = Journal.fields().put("status", ctx.status().getCode());
      // the error code it carried: the dashboard's request log
      ErrorCode code = ctx.attribute(ERROR_CODE);
      if (code != null) line.put("errorCode", code.wireName());
      JournaledBody.put(line, ctx);
      // Retry-After is part of the contract the harness checks clients against
      String retryAfter = ctx.res().getHeader("Retry-After");
      if (retryAfter != null) line.putObject("headers").put("Retry-After", retryAfter);
      sim.execute(new Commands.Note("response", line));
    }
  }


  /** Read-only admin calls are not journaled: reading the journal must not change it. */
  private static boolean journaled(Context ctx) {
    return !(ctx.path().startsWith("/_sim/") && ctx.method().name().equals("GET"));
  }

  private static boolean constantTimeEquals(String expected, String given) {
    if (given == null) return false;
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        given.getBytes(StandardCharsets.UTF_8));
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  static String version() {
    String v = VidsimServer.class.getPackage().getImplementationVersion();
    return v != null ? v : "dev";
  }

  public int port() {
    return app.port();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Every route as "METHOD /path" (before/after filters excluded), e.g. for API docs checks. */
  public java.util.List<String> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .filter(e -> e.endpoint.method.isHttpMethod())
        .map(e -> e.endpoint.method.name() + " " + e.endpoint.path).sorted().toList();
  }

  /** The base URL of one dialect (e.g. "openai" → http://127.0.0.1:P/openai/v1). */
  public String dialectBaseUrl(String name) {
    return baseUrl() + dialects.named(name).basePath();
  }

  /** Every dialect served, by name, with its base path. */
  public java.util.Map<String, String> dialectPaths() {
    return dialects.basePaths();
  }

  public Simulator simulator() {
    return sim;
  }

  @Override
  public void close() {
    app.stop();
  }

}
