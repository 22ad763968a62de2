package dev.vidsim.pricing;

import java.util.Arrays;

/** When the usage charge is taken. */
public enum BillOn {
  /** Charged in full when the job is created. */
  CREATE("create"),
  /** Held on create, captured on delivery. */
  DELIVERY("delivery"),
  /** A share charged on create, the rest held and captured on delivery. */
  SPLIT("split");

  private final String wireName;

  BillOn(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static BillOn parse(String text) {
    return Arrays.stream(values()).filter(b -> b.wireName.equals(text)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "expected billOn create, delivery or split, got \"" + text + "\""));
  }
}
