package dev.vidsim.tck.dialects;

import dev.vidsim.client.wire.Dialect;

/** The invariant suite against the reference client on the OpenRouter dialect. */
class OpenRouterDialectContractTest extends DialectContract {
  @Override
  Dialect dialect() {
    return Dialect.OPENROUTER;
  }
}
