package dev.vidsim.checker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.money.Money;

/** A balance as the simulator reports it (admin ledger or /v1/account/balance). */
public record ReportedBalance(String tenant, Money balance, Money held, Money available) {
  public static ReportedBalance fromJson(String tenant, JsonNode b) {
    return new ReportedBalance(tenant, Js.money(b, "balance"), Js.money(b, "held"),
        Js.money(b, "available"));
  }
}
