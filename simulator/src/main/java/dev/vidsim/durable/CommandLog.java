package dev.vidsim.durable;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * The append-only file: one record per line, {@code <crc32 hex> <json>\n}. Records are handed in
 * under the simulator's lock (cheap: a buffer), and written by whichever caller commits first,
 * all at once (group commit): one write and one force serve every request waiting at that time.
 */
final class CommandLog implements AutoCloseable {
  static final String FILE_NAME = "vidsim.log";
  static final long FORCE_INTERVAL_MILLIS = 100;
  private final Path file;
  private final FsyncPolicy policy;
  private final long maxBytes;
  private final Object writeLock = new Object();
  private final ScheduledExecutorService forcer;
  private FileChannel channel;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private long appended;
  private long written;
  private long forced;
  private long bytes;

  /**
   * What reading a log found: its good records and bytes, and the torn last record dropped
   * ({@code tornBytes} from {@code tornOffset}; 0 bytes when the log ended cleanly).
   */
  record Recovery(long records, long validBytes, long tornOffset, long tornBytes) {}

  private CommandLog(Path file, FsyncPolicy policy, long maxBytes, FileChannel channel,
                     long bytes) {
    this.file = file;
    this.policy = policy;
    this.maxBytes = maxBytes;
    this.channel = channel;
    this.bytes = bytes;
    this.forcer = policy != FsyncPolicy.INTERVAL ? null
        : Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "vidsim-log-force");
          t.setDaemon(true);
          return t;
        });
    if (forcer != null) {
      forcer.scheduleWithFixedDelay(this::forceWritten, FORCE_INTERVAL_MILLIS,
          FORCE_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** Opens a log for appending after its first {@code validBytes} (a torn tail is cut off). */
  static CommandLog open(Path file, FsyncPolicy policy, long maxBytes, long validBytes)
      throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    ch.truncate(validBytes);
    ch.position(validBytes);
    ch.force(true);
    return new CommandLog(file, policy, maxBytes, ch, validBytes);
  }

  /**
   * Reads every good record in order. A last record cut short or damaged (the process died while
   * writing it) is reported, not an error; a damaged record with good ones after it is.
   */
  static Recovery read(Path file, Consumer<String> onRecord) throws IOException {
    long size = Files.size(file);
    long offset = 0;
    long records = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) != -1) {
        if (b != '\n') {
          line.write(b);
          continue;
        }
        String json = checked(line.toByteArray());
        long next = offset + line.size() + 1;
        if (json == null) {
          if (next < size) {
            throw new IOException(file + ": damaged record at byte " + offset + " with "
                + (size - next) + " bytes of records after it; not a torn tail, so not dropped");
          }
          return new Recovery(records, offset, offset, size - offset);
        }
        onRecord.accept(json);
        records++;
        offset = next;
        line.reset();
      }
    }
    return new Recovery(records, offset, offset, size - offset);
  }

  /** The JSON of a framed line, or null when its checksum or frame is wrong. */
  private static String checked(byte[] line) {
    if (line.length < 10 || line[8] != ' ') return null;
    String crc = new String(line, 0, 8, StandardCharsets.US_ASCII);
    CRC32 c = new CRC32();
    c.update(line, 9, line.length - 9);
    if (!crc.equals(String.format("%08x", c.getValue()))) return null;
    return new String(line, 9, line.length - 9, StandardCharsets.UTF_8);
  }

  static byte[] frame(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    CRC32 c = new CRC32();
    c.update(body);
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 10);
    out.writeBytes(String.format("%08x ", c.getValue()).getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    out.write('\n');
    return out.toByteArray();
  }

  /** Under the simulator's lock: the record joins the next write. */
  synchronized void append(String json) {
    byte[] line = frame(json);
    pending.writeBytes(line);
    appended++;
    bytes += line.length;
  }

  /** Whether the log reached its bound (new requests are then refused; see Durable). */
  synchronized boolean full() {
    return bytes >= maxBytes;
  }

  synchronized long bytes() {
    return bytes;
  }

  long maxBytes() {
    return maxBytes;
  }

  FsyncPolicy policy() {
    return policy;
  }

  /** Returns once every record appended so far is written (and forced, under ALWAYS). */
  void commit() {
    long target;
    synchronized (this) {
      target = appended;
    }
    synchronized (writeLock) {
      if (written >= target) return;
      byte[] out;
      long upTo;
      synchronized (this) {
        out = pending.toByteArray();
        pending.reset();
        upTo = appended;
      }
      try {
        ByteBuffer buf = ByteBuffer.wrap(out);
        while (buf.hasRemaining()) channel.write(buf);
        if (policy == FsyncPolicy.ALWAYS) {
          channel.force(false);
          forced = upTo;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the durable log " + file, e);
      }
      written = upTo;
    }
  }

  private void forceWritten() {
    synchronized (writeLock) {
      if (forced >= written) return;
      try {
        channel.force(false);
        forced = written;
      } catch (IOException e) {
        // the next interval tries again; the records are with the operating system already
      }
    }
  }

  /**
   * Under the simulator's lock: the log starts over with {@code header} (a reset or a scenario
   * load, after which nothing before matters). The new file replaces the old one atomically.
   */
  void restart(String header) {
    synchronized (writeLock) {
      synchronized (this) {
        Path next = file.resolveSibling(FILE_NAME + ".new");
        byte[] line = frame(header);
        try {
          try (FileChannel ch = FileChannel.open(next, StandardOpenOption.CREATE,
              StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(line));
            ch.force(true);
          }
          Files.move(next, file, StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
          channel.close();
          channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot start the durable log " + file + " over", e);
        }
        pending.reset();
        written = appended;
        forced = appended;
        bytes = line.length;
      }
    }
  }

  @Override
  public void close() {
    commit();
    if (forcer != null) forcer.shutdownNow();
    synchronized (writeLock) {
      try {
        channel.force(true);
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
