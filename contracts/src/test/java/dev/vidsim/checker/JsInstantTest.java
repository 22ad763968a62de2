package dev.vidsim.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The journal's timestamps read by the checker's fast path mean what Instant.parse says. */
class JsInstantTest {
  @ParameterizedTest
  @ValueSource(strings = {"2026-12-07T09:00:00Z", "2026-12-07T09:00:00.250Z",
      "2026-12-07T09:00:00.5Z", "2026-12-07T23:59:59.123456Z", "2026-12-07T00:00:00.000000001Z",
      "2024-02-29T12:30:45.999999999Z", "1970-01-01T00:00:00Z", "+12026-12-07T09:00:00Z",
      "2026-12-31T23:59:60Z", "2026-12-07T24:00:00Z", "2026-12-07T09:00:00.Z"})
  void reads_every_form_as_instant_parse_does(String text) {
    Instant expected;
    try {
      expected = Instant.parse(text);
    } catch (DateTimeParseException e) {
      assertThatThrownBy(() -> Js.instant(text)).isInstanceOf(DateTimeParseException.class);
      return;
    }
    assertThat(Js.instant(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02-30T09:00:00Z", "2026-13-07T09:00:00Z", "2026-12-07 09:00:00Z",
      "2026-12-07T09:00:0aZ"})
  void refuses_what_instant_parse_refuses(String text) {
    assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> Js.instant(text)).isInstanceOf(DateTimeParseException.class);
  }
}
