package dev.vidsim.tck.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The reference client's job-store files: one per try, in one temporary directory per JVM that
 * is removed when the JVM exits (a suite makes thousands).
 */
final class StoreFiles {
  private static Path dir;

  private StoreFiles() {}

  static synchronized Path next() {
    try {
      if (dir == null) {
        dir = Files.createTempDirectory("vidsim-tck-stores");
        Path made = dir;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(made),
            "vidsim-tck-stores-cleanup"));
      }
      return Files.createTempFile(dir, "jobs-", ".jsonl");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a job-store file for a try", e);
    }
  }

  private static void delete(Path made) {
    try (Stream<Path> files = Files.list(made)) {
      files.forEach(f -> f.toFile().delete());
      made.toFile().delete();
    } catch (IOException e) {
      // the directory is temporary: a leftover is the operating system's to clear
    }
  }
}
