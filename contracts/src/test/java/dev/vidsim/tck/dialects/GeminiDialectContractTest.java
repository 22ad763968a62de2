package dev.vidsim.tck.dialects;

import dev.vidsim.client.wire.Dialect;

/** The invariant suite against the reference client on the Gemini dialect. */
class GeminiDialectContractTest extends DialectContract {
  @Override
  Dialect dialect() {
    return Dialect.GEMINI;
  }
}
