package dev.vidsim.dialect.google;

import dev.vidsim.engine.Commands;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.engine.Simulator;
import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.faults.Endpoint;
import dev.vidsim.gate.Admission;
import dev.vidsim.http.Call;
import dev.vidsim.http.Dialect;
import dev.vidsim.http.ErrorReply;
import dev.vidsim.http.Guard;
import dev.vidsim.http.Json;
import dev.vidsim.http.PathRoutes;
import dev.vidsim.http.RateHeaders;
import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.jobs.JobView;
import dev.vidsim.limits.RateLimitFacts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.regex.Matcher;

/**
 * What the Gemini API and Vertex AI share: Veo's long-running operations, google.rpc.Status
 * errors and API-key auth. Google's paths put the method after a colon
 * ({@code models/m:predictLongRunning}), so each dialect matches its own path patterns.
 */
abstract class GoogleDialect implements Dialect {
  protected final Simulator sim;
  private PathRoutes routes;

  GoogleDialect(Simulator sim) {
    this.sim = sim;
  }

  /** Registers one path pattern; its handler runs inside the shared {@link Guard}. */
  protected final <R> void route(Guard g, String method, String regex, Endpoint endpoint,
                                 Guard.Parser<R> parser, Guard.Action<R> action) {
    routes.add(method, regex, endpoint, parser, action);
  }

  protected abstract void declare(Guard g);

  @Override
  public final void routes(RoutesConfig r, Guard g) {
    routes = new PathRoutes(this, g, (ctx, method) -> new SimException(ErrorCode.NOT_FOUND,
        "The requested URL " + ctx.path() + " was not found on this server (" + method
            + "); this dialect serves " + basePath() + "/..."));
    declare(g);
    routes.install(r, "GET", "POST");
  }

  protected static Matcher match(Context ctx, String regex) {
    return PathRoutes.match(ctx, regex);
  }

  /** {@code x-goog-api-key}, else a Bearer token (the key), else {@code ?key=}. */
  @Override
  public String apiKey(Context ctx) {
    String key = ctx.header("x-goog-api-key");
    if (key != null && !key.isBlank()) return key.trim();
    String auth = ctx.header("Authorization");
    String token = Dialect.credential(auth, "Bearer ");
    if (token != null) return token;
    if (auth != null) {
      throw new SimException(ErrorCode.UNAUTHORIZED, "Request had invalid authentication"
          + " credentials. Expected OAuth 2 access token ('Authorization: Bearer <token>') or"
          + " an API key in x-goog-api-key.");
    }
    String query = ctx.queryParam("key");
    if (query != null && !query.isBlank()) return query;
    throw new SimException(ErrorCode.UNAUTHORIZED, "Request is missing required authentication"
        + " credential. Expected an API key in x-goog-api-key (or ?key=) or an OAuth 2 access"
        + " token in 'Authorization: Bearer <token>'.");
  }

  @Override
  public ErrorReply errorReply(SimException e, int status) {
    GoogleErrors.Shape shape = GoogleErrors.shape(e, status);
    return new ErrorReply(shape.status(), GoogleErrors.body(e, shape));
  }

  /** Google sends no rate-limit headers; a wait is a Retry-After (and RetryInfo in errors). */
  @Override
  public void writeRateHeaders(Context ctx, RateLimitFacts f) {
    RateHeaders.retryAfter(ctx, f);
  }

  protected Call<CreateRequest> create(Context ctx, String model, boolean webhooks) {
    String key = apiKey(ctx);
    return new Call<>(key, model, null, VeoRequest.parse(ctx, name(), model, webhooks));
  }

  /** Runs a create and answers the new operation, named under {@code namePrefix}. */
  protected void answerCreate(Context ctx, Call<CreateRequest> call, Admission a,
                              String namePrefix) {
    JobView v = sim.call(e -> e.run(new Commands.Create(call.apiKey(), call.request(),
        ctx.header("Idempotency-Key"), a.outcome())));
    Json.write(ctx, 200, Json.object().put("name", namePrefix + "/operations/"
        + VeoOperations.operationId(v.id())));
  }

  /** A status poll (charged like any poll), answered as the named operation. */
  protected void answerOperation(Context ctx, String apiKey, String jobId, String name,
                                 boolean vertex) {
    JobView v = sim.call(e -> e.run(new Commands.Poll(apiKey, jobId)));
    Json.write(ctx, 200, VeoOperations.operation(name, v, vertex));
  }

  protected ArrayNode modelList(String apiKey, ObjectNode into, String field, String namePrefix) {
    ArrayNode list = into.putArray(field);
    sim.call(e -> e.models(apiKey)).forEach(m -> list.addObject()
        .put("name", namePrefix + m.id()).put("displayName", m.id())
        .put("description", m.description())
        .putArray("supportedGenerationMethods").add("predictLongRunning"));
    return list;
  }

  /** Operation names carry the job's id after {@code /operations/}. */
  protected static String jobIdOf(String operationName) {
    int at = operationName.lastIndexOf("/operations/");
    String id = at < 0 ? "" : operationName.substring(at + "/operations/".length());
    if (!id.matches("[a-z0-9]{1,64}")) {
      throw SimException.invalid("operationName", "expected a name ending in"
          + " /operations/<id> as returned by predictLongRunning, got '" + operationName + "'");
    }
    return VeoOperations.jobId(id);
  }
}
