package dev.vidsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.catalog.Latency;
import dev.vidsim.catalog.ModelSpec;
import dev.vidsim.clock.ClockMode;
import dev.vidsim.clock.SimDuration;
import dev.vidsim.jobs.JobStore;
import dev.vidsim.money.Money;
import dev.vidsim.tenants.Account;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Binds a schema-valid tree to a {@link Scenario}, with the checks a schema cannot express. */
final class ScenarioBinder {
  static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");
  private final LocatedTree tree;
  private final Problems problems;

  ScenarioBinder(LocatedTree tree) {
    this(tree, new Problems());
  }

  ScenarioBinder(LocatedTree tree, Problems problems) {
    this.tree = tree;
    this.problems = problems;
  }

  /** Binds the whole file, or throws every problem found in it at once, each located. */
  Scenario bind() {
    JsonNode r = tree.root();
    List<ModelSpec> models = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < r.get("models").size(); i++) {
      String at = "/models/" + i;
      ModelSpec m = problems.attempt(() -> new ModelBinder(tree, at, problems).bind(), null);
      String id = r.get("models").get(i).get("id").asText();
      if (!ids.add(id)) {
        problems.add(tree.error(at + "/id", "duplicate model id \"" + id + "\""));
      }
      if (m != null) models.add(m);
    }
    String defaultRegion = r.get("models").get(0).get("regions").get(0).asText();
    List<Account> accounts = accounts(defaultRegion);
    Conditions conditions = problems.attempt(() -> new ConditionsBinder(tree, problems).bind(),
        null);
    Check check = problems.attempt(() -> new CheckBinder(tree, problems).bind(), null);
    new CatalogChecks(tree, problems).run();
    problems.throwIfAny();
    return new Scenario(
        r.get("name").asText(),
        r.path("description").asText(""),
        r.path("seed").asLong(1),
        parse("/clock", ClockMode::parse, ClockMode.VIRTUAL),
        r.path("clockFactor").asLong(60),
        parse("/startTime", Instant::parse, DEFAULT_START),
        r.path("currency").asText("USD"),
        parse("/contentTtl", SimDuration::parse, Duration.ofHours(1)),
        parse("/idempotencyTtl", SimDuration::parse, Duration.ofHours(24)),
        r.path("journal").path("maxEntries").asInt(100_000),
        parse("/journal/maxAge", SimDuration::parse, Duration.ofDays(7)),
        r.path("jobs").path("maxEntries").asInt(JobStore.DEFAULT_CAPACITY),
        accounts,
        models,
        tree.file(),
        conditions,
        check);
  }

  private List<Account> accounts(String defaultRegion) {
    List<Account> out = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    JsonNode list = tree.root().path("accounts");
    for (int i = 0; i < list.size(); i++) {
      JsonNode a = list.get(i);
      String key = a.get("apiKey").asText();
      if (!keys.add(key)) {
        problems.add(tree.error("/accounts/" + i + "/apiKey", "duplicate apiKey \"" + key
            + "\""));
      }
      String at = "/accounts/" + i + "/balance";
      out.add(new Account(key, a.path("tier").asText("free"),
          a.path("region").asText(defaultRegion),
          problems.attempt(() -> parse(at, Money::parse, Money.ZERO), Money.ZERO)));
    }
    return out;
  }

  /** Parses an optional scalar, turning a parse failure into a located error. */
  <T> T parse(String pointer, Function<String, T> parser, T fallback) {
    JsonNode n = tree.root().at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      return fallback;
    }
    try {
      return parser.apply(n.asText());
    } catch (RuntimeException e) {
      throw tree.error(pointer, e.getMessage());
    }
  }

  BigDecimal decimal(String pointer, BigDecimal fallback) {
    JsonNode n = tree.root().at(pointer);
    return n.isNumber() ? plain(n.decimalValue()) : fallback;
  }

  /** 20 rather than 2E+1: decimals keep a non-negative scale so they print plainly. */
  static BigDecimal plain(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  static final class ModelBinder {
    private final LocatedTree tree;
    private final String at;
    private final ScenarioBinder helper;
    private final Problems problems;

    ModelBinder(LocatedTree tree, String at, Problems problems) {
      this.tree = tree;
      this.at = at;
      this.helper = new ScenarioBinder(tree);
      this.problems = problems;
    }

    ModelSpec bind() {
      JsonNode m = tree.root().at(at);
      List<String> modes = strings(m.get("modes"));
      List<String> resolutions = m.has("resolutions") ? strings(m.get("resolutions"))
          : List.of("720p");
      BigDecimal min = helper.decimal(at + "/minSeconds", BigDecimal.ONE);
      BigDecimal max = helper.decimal(at + "/maxSeconds", BigDecimal.valueOf(20));
      if (max.compareTo(min) < 0) {
        problems.add(tree.error(at + "/maxSeconds", "maxSeconds " + max.toPlainString()
            + " is below minSeconds " + min.toPlainString()));
      }
      BigDecimal def = helper.decimal(at + "/defaultSeconds", min.max(BigDecimal.valueOf(4))
          .min(max));
      boolean range = max.compareTo(min) >= 0;
      if (range && (def.compareTo(min) < 0 || def.compareTo(max) > 0)) {
        problems.add(tree.error(at + "/defaultSeconds", "defaultSeconds " + def.toPlainString()
            + " is outside minSeconds..maxSeconds " + min.toPlainString() + ".."
                + max.toPlainString()));
      }
      var pricing = new PricingBinder(tree, helper, at + "/pricing", modes, resolutions).bind();
      Latency latency = new Latency(
          helper.parse(at + "/latency/queued", Latency.Range::parse, Latency.DEFAULT.queued()),
          helper.parse(at + "/latency/render", Latency.Range::parse, Latency.DEFAULT.render()));
      return new ModelSpec(m.get("id").asText(), m.path("description").asText(""), modes,
          resolutions, strings(m.get("regions")),
          m.has("tiers") ? strings(m.get("tiers")) : List.of(), min, max, def, pricing, latency);
    }
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
