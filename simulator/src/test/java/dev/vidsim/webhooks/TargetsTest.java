package dev.vidsim.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Where webhooks may go, what a refusal says, and which receiver answers count as delivered. */
class TargetsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "http://127.0.0.1:9/h     | ",
      "http://127.0.0.255/h     | ",
      "http://[::1]:9/h         | ",
      "https://LOCALHOST/h      | ",
      "http://hooks.example/h   | ",
      // java.net.URI reads no host from an address out of range: refused all the same
      "http://127.0.0.256/h     | the URL has no host",
      "http://128.0.0.1/h       | host 128.0.0.1 is not allowed",
      "http://127.0.1/h         | the URL has no host",
      "http://127.0.0.1.example/ | host 127.0.0.1.example is not allowed",
      "http://127.0.0.a1/h      | host 127.0.0.a1 is not allowed",
      "ftp://127.0.0.1/h        | expected an http:// or https:// URL",
      "http:///h                | the URL has no host",
      "http://a b/              | not a valid URL"})
  void a_url_is_accepted_or_refused_with_the_reason(String url, String problem) {
    String got = Targets.problem(url, List.of("hooks.example"));
    if (problem == null) {
      assertThat(got).isNull();
    } else {
      assertThat(got).startsWith(problem);
    }
  }

  @Test
  void only_2xx_is_delivered_and_only_3xx_a_redirect() {
    assertThat(new Sender.Result(199, null, null).delivered()).isFalse();
    assertThat(new Sender.Result(200, null, null).delivered()).isTrue();
    assertThat(new Sender.Result(299, null, null).delivered()).isTrue();
    assertThat(new Sender.Result(300, null, "/x").delivered()).isFalse();
    assertThat(new Sender.Result(299, null, null).redirect()).isFalse();
    assertThat(new Sender.Result(300, null, "/x").redirect()).isTrue();
    assertThat(new Sender.Result(399, null, "/x").redirect()).isTrue();
    assertThat(new Sender.Result(400, null, null).redirect()).isFalse();
  }

  @Test
  void an_ed25519_signature_covers_the_message() {
    // RFC 8032 section 7.1, TEST 2: the one-byte message 0x72
    Ed25519Key key = Ed25519Key.fromSeed(HexFormat.of().parseHex(
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
    assertThat(HexFormat.of().formatHex(key.sign(new byte[] {0x72}))).isEqualTo(
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
        + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
  }
}
