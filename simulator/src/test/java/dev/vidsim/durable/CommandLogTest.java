package dev.vidsim.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLogTest {
  @TempDir
  Path dir;

  private Path logWith(String... records) throws IOException {
    Path file = dir.resolve(CommandLog.FILE_NAME);
    for (String r : records) {
      Files.write(file, CommandLog.frame(r), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    return file;
  }

  @Test
  void a_torn_last_record_is_dropped_and_reported_with_its_offset_and_length() throws IOException {
    Path file = logWith("{\"a\":1}", "{\"a\":2}");
    long good = Files.size(file);
    byte[] third = CommandLog.frame("{\"a\":3,\"long\":\"enough to be cut\"}");
    Files.write(file, Arrays.copyOf(third, 20), StandardOpenOption.APPEND);
    List<String> seen = new ArrayList<>();

    CommandLog.Recovery r = CommandLog.read(file, seen::add);

    assertThat(seen).containsExactly("{\"a\":1}", "{\"a\":2}");
    assertThat(r.records()).isEqualTo(2);
    assertThat(r.tornOffset()).isEqualTo(good);
    assertThat(r.tornBytes()).isEqualTo(20);
    assertThat(r.validBytes()).isEqualTo(good);
  }

  @Test
  void a_last_record_whose_checksum_fails_counts_as_torn_too() throws IOException {
    Path file = logWith("{\"a\":1}");
    long good = Files.size(file);
    byte[] second = CommandLog.frame("{\"a\":2}");
    second[second.length - 3] = '9'; // the process died while this line was half on disk
    Files.write(file, second, StandardOpenOption.APPEND);

    CommandLog.Recovery r = CommandLog.read(file, s -> { });

    assertThat(r.records()).isEqualTo(1);
    assertThat(r.tornOffset()).isEqualTo(good);
    assertThat(r.tornBytes()).isEqualTo(second.length);
  }

  @Test
  void reopening_cuts_the_torn_tail_so_new_records_follow_the_good_ones() throws IOException {
    Path file = logWith("{\"a\":1}");
    Files.write(file, "0123abcd {\"a\":".getBytes(), StandardOpenOption.APPEND);
    CommandLog.Recovery r = CommandLog.read(file, s -> { });

    try (CommandLog log = CommandLog.open(file, FsyncPolicy.ALWAYS, 1 << 20, r.validBytes())) {
      log.append("{\"a\":2}");
      log.commit();
    }
    List<String> seen = new ArrayList<>();
    CommandLog.Recovery again = CommandLog.read(file, seen::add);

    assertThat(seen).containsExactly("{\"a\":1}", "{\"a\":2}");
    assertThat(again.tornBytes()).isZero();
  }

  @Test
  void a_damaged_record_with_good_ones_after_it_is_an_error_not_a_silent_loss()
      throws IOException {
    Path file = logWith("{\"a\":1}", "{\"a\":2}", "{\"a\":3}");
    byte[] bytes = Files.readAllBytes(file);
    int second = CommandLog.frame("{\"a\":1}").length;
    bytes[second + 12] = 'x';
    Files.write(file, bytes);

    assertThatThrownBy(() -> CommandLog.read(file, s -> { }))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("damaged record at byte " + second)
        .hasMessageContaining("not a torn tail");
  }

  @Test
  void nothing_appended_is_on_disk_before_commit_and_all_of_it_is_after() throws IOException {
    Path file = logWith("{\"h\":0}");
    try (CommandLog log = CommandLog.open(file, FsyncPolicy.NEVER, 1 << 20, Files.size(file))) {
      log.append("{\"a\":1}");
      log.append("{\"a\":2}");
      assertThat(CommandLog.read(file, s -> { }).records()).isEqualTo(1);
      log.commit();
      assertThat(CommandLog.read(file, s -> { }).records()).isEqualTo(3);
    }
  }

  @Test
  void the_log_says_when_it_reached_its_bound() throws IOException {
    Path file = logWith("{\"h\":0}");
    try (CommandLog log = CommandLog.open(file, FsyncPolicy.ALWAYS, 64, Files.size(file))) {
      assertThat(log.full()).isFalse();
      log.append("{\"a\":\"" + "x".repeat(60) + "\"}");
      assertThat(log.full()).isTrue();
    }
  }
}
