package dev.vidsim.checker;

import java.util.List;

/**
 * creates_use_idempotency_key: every create carries an Idempotency-Key, so that a retry after a
 * lost response can never pay twice.
 */
final class CreatesUseIdempotencyKey extends ClientCheck {
  @Override
  public String name() {
    return "creates_use_idempotency_key";
  }

  @Override
  public void run(Evidence e, Sink sink) {
    for (Exchange x : e.exchanges()) {
      if (x.isCreate() && x.tenant() != null && x.idempotencyKey() == null) {
        sink.violation("tenant " + x.tenant(), "created without an Idempotency-Key (" + x + ")",
            List.of(), List.of(x.request()));
      }
    }
  }
}
