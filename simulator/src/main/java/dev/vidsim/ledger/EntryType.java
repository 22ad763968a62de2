package dev.vidsim.ledger;

import java.util.Locale;

/** Kinds of ledger line. Holds reserve money; capture and release settle a hold exactly once. */
public enum EntryType {
  TOPUP, HOLD, CAPTURE, RELEASE, CHARGE, REFUND;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
