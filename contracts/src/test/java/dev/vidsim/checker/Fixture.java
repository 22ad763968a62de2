package dev.vidsim.checker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a journal, ledger and job snapshots by hand, consistently (a ledger line goes to both the
 * ledger and the journal), so a test can state a history in a few lines and break one thing.
 */
final class Fixture {
  static final ObjectMapper JSON = new ObjectMapper();
  final List<String> journal = new ArrayList<>();
  final List<LedgerLine> ledger = new ArrayList<>();
  final Map<String, JobSnapshot> jobs = new LinkedHashMap<>();
  final ClientLog clientLog = new ClientLog();
  final List<ModelPolicy> policies = new ArrayList<>();
  Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private long seq;
  private long ledgerSeq;

  /** The last journal line's seq. */
  long lastSeq() {
    return seq;
  }

  Fixture advance(Duration d) {
    now = now.plus(d);
    return this;
  }

  Fixture line(String kind, ObjectNode fields) {
    ObjectNode l = JSON.createObjectNode().put("seq", ++seq).put("t", now.toString())
        .put("kind", kind);
    l.setAll(fields);
    journal.add(l.toString());
    return this;
  }

  static ObjectNode f() {
    return JSON.createObjectNode();
  }

  Fixture request(String method, String path, String tenant, String key, String body) {
    ObjectNode r = f().put("method", method).put("path", path).put("apiKey", tenant);
    if (key != null) r.put("idempotencyKey", key);
    if (body != null) r.put("body", body);
    return line("request", r);
  }

  Fixture response(int status, JsonNode body) {
    ObjectNode r = f().put("status", status);
    if (body != null) r.set("body", body);
    return line("response", r);
  }

  Fixture error(int status, String code) {
    ObjectNode body = f();
    body.putObject("error").put("code", code).put("message", code);
    return response(status, body);
  }

  Fixture rateLimited(int retryAfterSeconds) {
    ObjectNode body = f();
    body.putObject("error").put("code", "rate_limited").put("message", "slow down")
        .putObject("details").put("retryAfterSeconds", retryAfterSeconds);
    return response(429, body);
  }

  Fixture ledger(String tenant, String type, String amount, String job, String key,
                 String rule) {
    String hold = job == null || !(type.equals("hold") || type.equals("capture")
        || type.equals("release")) ? null : "hold_" + job;
    ledger.add(new LedgerLine(++ledgerSeq, tenant, type, Money.parse(amount), job, key, hold,
        rule, now));
    return line("ledger", f().put("tenant", tenant).put("type", type).put("amount", amount)
        .put("job", job).put("idempotencyKey", key).put("rule", rule));
  }

  Fixture topup(String tenant, String amount) {
    return ledger(tenant, "topup", amount, null, null, "opening balance");
  }

  Fixture jobCreated(String job, String tenant, String model) {
    return line("job_created", f().put("job", job).put("tenant", tenant).put("model", model)
        .put("status", "queued"));
  }

  Fixture state(String job, String from, String to) {
    return line("state", f().put("job", job).put("from", from).put("to", to).put("reason", "x"));
  }

  /** A job snapshot with a simple quote: usage charged at create or held, no flat fee. */
  Fixture snapshot(String job, String model, String status, String usage, String billOn,
                   String key, String errorCode) {
    Money u = Money.parse(usage);
    boolean create = billOn.equals("create");
    var q = new JobSnapshot.QuoteFacts("video", java.math.BigDecimal.ONE, u, 1, u, Money.ZERO,
        billOn, create ? u : Money.ZERO, create ? Money.ZERO : u);
    jobs.put(job, new JobSnapshot(job, model, "text-to-video", status,
        java.math.BigDecimal.valueOf(8), "720p", now, q, key, errorCode));
    return this;
  }

  Fixture snapshot(JobSnapshot s) {
    jobs.put(s.id(), s);
    return this;
  }

  /** A whole accepted create: request, job, hold (or charge), 201 response. */
  Fixture create(String tenant, String key, String job, String model, String usage,
                 String billOn) {
    request("POST", "/v1/videos", tenant, key, "{\"model\":\"" + model + "\",\"prompt\":\"cat\"}");
    jobCreated(job, tenant, model);
    if (billOn.equals("create")) ledger(tenant, "charge", usage, job, key, "1 video on create");
    else ledger(tenant, "hold", usage, job, key, "1 video");
    response(201, f().put("id", job).put("status", "queued"));
    return snapshot(job, model, "queued", usage, billOn, key, null);
  }

  EvidenceBuilder builder() {
    return Evidence.builder().journalJsonl(String.join("\n", journal)).ledger(ledger)
        .jobs(List.copyOf(jobs.values())).policies(policies).now(now);
  }

  Report check() {
    return InvariantChecker.standard().check(builder().build());
  }

  Report check(ClientLimits limits) {
    return InvariantChecker.standard().check(builder().limits(limits).clientLog(clientLog)
        .build());
  }
}
