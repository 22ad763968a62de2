package dev.vidsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.vidsim.faults.SimFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same hostile scenario files through every way in: `vidsim validate`, `vidsim check`,
 * `vidsim serve --scenario` and the admin API's POST /_sim/scenario. Each answers with the
 * located error and no stack trace or class name; the admin API in its envelope, as a 400.
 */
class HostileScenarioPathsTest {
  private static final Pattern INTERNALS = Pattern.compile("\\b(java|com|org|dev)\\.[a-z]+\\."
      + "|[A-Z]\\w*(Exception|Error)\\b|\\n\\s+at ");
  @TempDir
  Path dir;

  /** A name, its bytes and the start of its located error (after "file:"). */
  private record Hostile(String name, byte[] bytes, String located) {}

  private static List<Hostile> hostile() {
    StringBuilder bomb = new StringBuilder("schemaVersion: 1\nname: b\nl0: &l0 [lol]\n");
    for (int i = 1; i < 12; i++) {
      bomb.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1)
          .append(", *l").append(i - 1).append("]\n");
    }
    return List.of(
        new Hostile("bomb.yaml", utf8(bomb.toString()), "4:10: l1[0]: YAML aliases"),
        new Hostile("deep.yaml", utf8("schemaVersion: 1\nname: d\ndescription: "
            + "[".repeat(5000) + "]".repeat(5000)), "3:77: description"),
        new Hostile("exponent.yaml", utf8("schemaVersion: 1\nname: e\nseed: 1e999999999\n"),
            "3:7: seed: the number 1e999999999 is out of range"),
        new Hostile("latin1.yaml", "schemaVersion: 1\nname: caf\u00e9\n"
            .getBytes(StandardCharsets.ISO_8859_1), "2:10: the file is not UTF-8 text"),
        new Hostile("big.yaml", utf8("schemaVersion: 1\nname: x\ndescription: \""
            + "a".repeat(300_000) + "\"\n"), "1:1: the file is over vidsim's limit of 262144"),
        new Hostile("key.yaml", utf8("schemaVersion: 1\nname: k\n? [a]\n: b\n"),
            "3:4: not valid YAML: Expected a field name (a plain value), got this instead:"
                + " a list"));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return new Run(Main.execute(args), out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private static void plain(String text) {
    assertThat(INTERNALS.matcher(text).find()).as("internals in: " + text).isFalse();
  }

  @Test
  void validate_check_and_serve_print_the_located_error_and_exit_non_zero() throws Exception {
    for (Hostile h : hostile()) {
      Path file = Files.write(dir.resolve(h.name()), h.bytes());
      String located = file + ":" + h.located();
      Run validate = run("validate", file.toString());
      assertThat(validate.exit()).as(h.name()).isEqualTo(1);
      assertThat(validate.out()).as(h.name()).startsWith("INVALID " + located);
      Run check = run("check", file.toString());
      assertThat(check.exit()).as(h.name()).isEqualTo(1);
      assertThat(check.out()).as(h.name()).startsWith("INVALID " + located);
      Run serve = run("serve", "--port", "0", "--scenario", file.toString());
      assertThat(serve.exit()).as(h.name()).isEqualTo(2);
      assertThat(serve.err()).as(h.name()).startsWith("vidsim: " + located);
      for (Run r : List.of(validate, check, serve)) plain(r.out() + r.err());
    }
  }

  @Test
  void the_admin_api_answers_400_with_the_located_error_and_keeps_the_old_scenario() {
    try (SimFixture sim = new SimFixture("")) {
      String before = sim.admin().get("/_sim/scenario").then().extract().path("name");
      for (Hostile h : hostile()) {
        String body = sim.admin().contentType("application/yaml").body(h.bytes())
            .post("/_sim/scenario").then().statusCode(400)
            .body("error.code", equalTo("invalid_request"))
            .body("error.message", startsWith("scenario: request.yaml:" + h.located()))
            .extract().asString();
        plain(body);
      }
      sim.admin().get("/_sim/scenario").then().body("name", equalTo(before));
      sim.admin().get("/_sim/health").then().statusCode(200);
    }
  }
}
