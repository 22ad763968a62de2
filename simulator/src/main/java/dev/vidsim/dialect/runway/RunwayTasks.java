package dev.vidsim.dialect.runway;

import dev.vidsim.engine.Commands;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.catalog.ModelSpec;
import dev.vidsim.engine.Simulator;
import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.gate.Admission;
import dev.vidsim.http.Call;
import dev.vidsim.http.Json;
import dev.vidsim.http.PlaceholderVideo;
import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.jobs.JobStatus;
import dev.vidsim.jobs.JobView;
import dev.vidsim.limits.LimitSpec;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The handlers of the Runway dialect: create, retrieve, cancel or delete, organization. */
final class RunwayTasks {
  /**
   * Runway's Tier 1 monthly credit cap ($100 at $0.01): reported for a tier the scenario gives
   * no {@code dialects.runway.maxMonthlyCreditSpend}, as the SDK types the field as always
   * present. It caps credit purchases, which vidsim does not simulate: reported, not enforced.
   */
  static final long MONTHLY_CREDITS_TIER1 = 10_000;
  private final Simulator sim;
  private final Supplier<String> server;

  RunwayTasks(Simulator sim, Supplier<String> server) {
    this.sim = sim;
    this.server = server;
  }

  /** {@code {"id": "<uuid>", "estimatedCost": {"credits": n}}}; no idempotency key exists. */
  void create(Context ctx, Call<CreateRequest> call, Admission a) {
    ObjectNode o = sim.call(e -> {
      JobView v = e.run(new Commands.Create(call.apiKey(), call.request(), null, a.outcome()));
      BigDecimal perCredit = RunwayCredits.perCredit(v.quote(), e.currency());
      ObjectNode answer = Json.object().put("id", RunwayWire.taskId(v.id()));
      answer.putObject("estimatedCost").set("credits", RunwayCredits.node(v.quote().total(),
          perCredit));
      return answer;
    });
    Json.write(ctx, 200, o);
  }

  void get(Context ctx, Call<Void> call, Admission a) {
    ObjectNode o = sim.call(e -> {
      JobView v = e.run(new Commands.Poll(call.apiKey(), call.jobId()));
      if (v.status() == JobStatus.EXPIRED && v.failure() == null) throw gone(v);
      boolean throttled = v.status() == JobStatus.QUEUED
          && e.jobs().waitsForSlot(call.apiKey(), v.id());
      return RunwayWire.task(v, throttled, server(ctx), RunwayCredits.perCredit(v.quote(),
          e.currency()));
    });
    Json.write(ctx, 200, o);
  }

  /** Cancels a PENDING, THROTTLED or RUNNING task; deletes a finished one (then a 404). */
  void delete(Context ctx, Call<Void> call, Admission a) {
    sim.run(e -> {
      JobView v = e.jobs().source(call.apiKey(), call.jobId());
      if (v.status().isTerminal()) e.run(new Commands.Delete(call.apiKey(), call.jobId()));
      else e.run(new Commands.Cancel(call.apiKey(), call.jobId()));
    });
    ctx.status(204);
  }

  /**
   * Credit balance, the tier's limits per model and today's generations per model. vidsim's
   * limits are the key's (its organization's), so every model reports the same figures.
   */
  void organization(Context ctx, Call<Void> call, Admission a) {
    ObjectNode o = sim.call(e -> {
      String key = call.apiKey();
      List<ModelSpec> models = e.models(key).stream().filter(m -> RunwayModels.IMAGE_MODELS
          .contains(m.id()) || RunwayModels.TEXT_MODELS.contains(m.id())).toList();
      BigDecimal perCredit = RunwayCredits.perCredit(models, e.currency());
      LimitSpec limits = e.limits(key);
      Map<String, Integer> today = e.createsToday(key);
      ObjectNode org = Json.object();
      org.set("creditBalance", RunwayCredits.node(e.balance(key).available(), perCredit));
      long monthly = e.scenario().conditions().runwayMonthlyCredits()
          .getOrDefault(e.tenant(key).tier(), MONTHLY_CREDITS_TIER1);
      ObjectNode tier = org.putObject("tier").put("maxMonthlyCreditSpend", monthly);
      ObjectNode tierModels = tier.putObject("models");
      ObjectNode usage = org.putObject("usage").putObject("models");
      for (ModelSpec m : models) {
        ObjectNode t = tierModels.putObject(m.id());
        nullable(t, "maxConcurrentGenerations", limits.concurrentJobs());
        nullable(t, "maxDailyGenerations", limits.createsPerDay());
        usage.putObject(m.id()).put("dailyGenerations", today.getOrDefault(m.id(), 0));
      }
      return org;
    });
    Json.write(ctx, 200, o);
  }

  /** The output file: keyless, like Runway's signed output URLs. */
  void output(Context ctx, Call<Void> call, Admission a) {
    JobView v = sim.call(e -> e.jobs().delivered(call.jobId()));
    ctx.status(200).contentType("video/mp4").result(PlaceholderVideo.mp4(v.id(), v.seconds()));
  }

  private static void nullable(ObjectNode o, String field, Integer value) {
    if (value == null) o.putNull(field);
    else o.put(field, value);
  }

  private static SimException gone(JobView v) {
    return new SimException(ErrorCode.NOT_FOUND, "Task " + RunwayWire.taskId(v.id())
        + " not found: its outputs expired and it was removed");
  }

  private String server(Context ctx) {
    String host = ctx.header("Host");
    return host == null || host.isBlank() ? server.get() : "http://" + host;
  }
}
