package dev.vidsim.tck.dialects;

import dev.vidsim.client.wire.Dialect;

/** The invariant suite against the reference client on the OpenAi dialect. */
class OpenAiDialectContractTest extends DialectContract {
  @Override
  Dialect dialect() {
    return Dialect.OPENAI;
  }
}
