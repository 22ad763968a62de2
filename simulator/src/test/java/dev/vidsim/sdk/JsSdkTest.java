package dev.vidsim.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test of one official JavaScript SDK: a fresh default-scenario server per test (accelerated
 * clock), scripts from {@code sdk-tests/js} run as the default key {@value #KEY}.
 */
public abstract class JsSdkTest {
  protected static final String KEY = "sk-test-alice";
  protected SdkServer s;

  @BeforeEach
  final void startServer() {
    s = new SdkServer(); // skips the test, saying why, when node or npm is missing
  }

  @AfterEach
  final void stopServer() {
    if (s != null) s.close();
  }

  /** Runs a scenario script; it must exit 0. Returns what it reported. */
  protected final JsonNode run(String script) {
    return s.run(script, KEY);
  }
}
