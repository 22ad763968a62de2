package dev.vidsim.checker;

/** A check of the client's behaviour: it needs the limits the client promises. */
abstract class ClientCheck implements Check {
  @Override
  public boolean pairsRequests() {
    return true;
  }

  @Override
  public String missing(Evidence evidence) {
    if (evidence.limits() == null) return "no ClientLimits given (the client's promised limits)";
    if (evidence.journal().isEmpty()) return "no journal";
    return null;
  }
}
