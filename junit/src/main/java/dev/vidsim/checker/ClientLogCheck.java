package dev.vidsim.checker;

/** A check of what the client reports about itself: it needs a client log. */
abstract class ClientLogCheck implements Check {
  @Override
  public String missing(Evidence evidence) {
    return evidence.clientLog() == null ? "no ClientLog given" : null;
  }
}
