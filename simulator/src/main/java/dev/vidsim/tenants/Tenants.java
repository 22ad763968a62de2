package dev.vidsim.tenants;

import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.journal.Journal;
import dev.vidsim.ledger.Ledger;
import dev.vidsim.money.Money;
import dev.vidsim.random.SimRandom;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API keys of one run: who may call, with which tier and region, and their top-ups. */
public final class Tenants {
  private final Map<String, Tenant> byKey = new LinkedHashMap<>();
  private final Ledger ledger;
  private final Journal journal;
  private final InstantSource clock;
  private final SimRandom random;
  private final String defaultRegion;

  public Tenants(Ledger ledger, Journal journal, InstantSource clock, SimRandom random,
                 String defaultRegion) {
    this.ledger = ledger;
    this.journal = journal;
    this.clock = clock;
    this.random = random;
    this.defaultRegion = defaultRegion;
  }

  /** The caller's tenant; a missing or unknown key is a 401 that says what to send. */
  public Tenant authenticate(String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new SimException(ErrorCode.UNAUTHORIZED,
          "missing API key: send it as 'Authorization: Bearer <key>'");
    }
    Tenant t = byKey.get(apiKey);
    if (t == null) {
      throw new SimException(ErrorCode.UNAUTHORIZED, "unknown API key '" + abbreviate(apiKey)
          + "': use a key from the scenario's accounts or create one with POST /_sim/tenants");
    }
    return t;
  }

  /** The tenant with this key, or null (no error: fault rules may name unknown keys). */
  public Tenant orNull(String apiKey) {
    return apiKey == null ? null : byKey.get(apiKey);
  }

  /** The tenant with this key, for admin calls: unknown keys are a 404 that says so. */
  public Tenant require(String apiKey) {
    Tenant t = byKey.get(apiKey);
    if (t == null) {
      throw new SimException(ErrorCode.NOT_FOUND, "no tenant with key '" + apiKey
          + "'; list them with GET /_sim/tenants");
    }
    return t;
  }

  /** Adds a tenant with an opening balance; a null key gets a fresh seeded one. */
  public Tenant create(String apiKey, String tier, String region, Money balance) {
    String key = apiKey != null ? apiKey : "sk-sim-" + random.hexId("tenants", 20);
    if (byKey.containsKey(key)) {
      throw SimException.invalid("apiKey", "a tenant with this key already exists");
    }
    return add(new Tenant(key, tier != null ? tier : "free",
        region != null ? region : defaultRegion), balance);
  }

  public Tenant add(Tenant t, Money balance) {
    byKey.put(t.apiKey(), t);
    journal.append("tenant_created", Journal.fields().put("tenant", t.apiKey())
        .put("tier", t.tier()).put("region", t.region()));
    if (balance.isPositive()) {
      ledger.topUp(t.apiKey(), balance, "opening balance", clock.instant());
    }
    return t;
  }

  public void topUp(String apiKey, Money amount) {
    Tenant t = require(apiKey);
    if (!amount.isPositive()) throw SimException.invalid("amount", "must be positive");
    ledger.topUp(t.apiKey(), amount, "top-up", clock.instant());
  }

  public List<Tenant> all() {
    return List.copyOf(byKey.values());
  }

  private static String abbreviate(String key) {
    return key.length() <= 12 ? key : key.substring(0, 8) + "…";
  }
}
