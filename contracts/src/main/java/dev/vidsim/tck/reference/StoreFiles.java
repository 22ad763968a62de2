package dev.vidsim.tck.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The reference client's job-store files: one per try, in one temporary directory per JVM that
 * is removed when the JVM exits (a suite makes thousands). The directory is memory-backed where
 * the system has such a place ({@code /dev/shm}): the restarts of a try are simulated, no file
 * has to outlive the machine, and an fsync to disk (about 0.6 ms here, against 0.02 ms) on every
 * save would add about 15 s to 1,000 tries. The store's code, fsync included, runs the same.
 * Only the newest {@link #FILES_MAX} files are kept: a try uses its file only while it runs, and
 * a container's {@code /dev/shm} is small.
 */
final class StoreFiles {
  static final int FILES_MAX = 64;
  private static final java.util.ArrayDeque<Path> made = new java.util.ArrayDeque<>();
  private static Path dir;

  private StoreFiles() {}

  static synchronized Path next() {
    try {
      if (dir == null) {
        Path memory = Path.of("/dev/shm");
        dir = Files.isDirectory(memory) && Files.isWritable(memory)
            ? Files.createTempDirectory(memory, "vidsim-tck-stores")
            : Files.createTempDirectory("vidsim-tck-stores");
        Path whole = dir;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(whole),
            "vidsim-tck-stores-cleanup"));
      }
      Path next = Files.createTempFile(dir, "jobs-", ".jsonl");
      made.addLast(next);
      while (made.size() > FILES_MAX) Files.deleteIfExists(made.removeFirst());
      return next;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a job-store file for a try", e);
    }
  }

  private static void delete(Path whole) {
    try (Stream<Path> files = Files.list(whole)) {
      files.forEach(f -> f.toFile().delete());
      whole.toFile().delete();
    } catch (IOException e) {
      // the directory is temporary: a leftover is the operating system's to clear
    }
  }
}
