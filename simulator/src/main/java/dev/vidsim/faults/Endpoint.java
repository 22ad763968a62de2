package dev.vidsim.faults;

import java.util.Arrays;
import java.util.Locale;

/** What a request (or a webhook delivery) does, as fault rules and rate limits name it. */
public enum Endpoint {
  CREATE, GET, LIST, CANCEL, DELETE, CONTENT, MODELS, BALANCE, USAGE, SECRET, WEBHOOK;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** "any" means every endpoint except webhook deliveries: null. */
  public static Endpoint parse(String text) {
    if ("any".equals(text)) return null;
    return Arrays.stream(values()).filter(e -> e.wireName().equals(text)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("expected one of any, "
            + String.join(", ", Arrays.stream(values()).map(Endpoint::wireName).toList())
            + ", got \"" + text + "\""));
  }
}
