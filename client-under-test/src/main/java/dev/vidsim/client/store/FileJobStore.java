package dev.vidsim.client.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.client.JsonSupport;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An append-only JSON-lines file: one line per save, fsynced before {@code save} returns, replayed
 * on open. A line that does not parse (a write torn by a crash) is skipped and counted, and the
 * next save starts on a fresh line so it cannot be glued onto the torn one. Thread-safe.
 */
public final class FileJobStore implements JobStore {
  private final Path file;
  private final InMemoryJobStore index = new InMemoryJobStore(Integer.MAX_VALUE);
  private int skippedLines;

  public FileJobStore(Path file) {
    this.file = file;
    try {
      if (Files.exists(file)) replay();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read job store " + file, e);
    }
  }

  private void replay() throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    for (String line : text.split("\n", -1)) {
      if (line.isBlank()) continue;
      StoredGeneration g = parse(line);
      if (g == null) skippedLines++;
      else index.save(g);
    }
    if (!text.isEmpty() && !text.endsWith("\n")) append("\n");
  }

  private static StoredGeneration parse(String line) {
    try {
      JsonNode n = JsonSupport.MAPPER.readTree(line);
      String saved = JsonSupport.text(n, "savedAt");
      String deadline = JsonSupport.text(n, "deadline");
      return new StoredGeneration(n.get("generationId").asText(),
          n.get("idempotencyKey").asText(), JsonSupport.text(n, "model"),
          n.get("requestBody").asText(), JsonSupport.text(n, "jobId"),
          saved == null ? null : Instant.parse(saved), JsonSupport.strings(n, "refused"),
          deadline == null ? null : Instant.parse(deadline));
    } catch (JsonProcessingException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public synchronized void save(StoredGeneration g) {
    ObjectNode o = JsonSupport.object().put("generationId", g.generationId())
        .put("idempotencyKey", g.idempotencyKey()).put("model", g.model())
        .put("requestBody", g.requestBody()).put("jobId", g.jobId())
        .put("savedAt", g.savedAt() == null ? null : g.savedAt().toString())
        .put("deadline", g.deadline() == null ? null : g.deadline().toString());
    g.refused().forEach(o.putArray("refused")::add);
    try {
      append(o.toString() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to job store " + file, e);
    }
    index.save(g);
  }

  private void append(String text) throws IOException {
    try (FileOutputStream out = new FileOutputStream(file.toFile(), true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.getFD().sync();
    }
  }

  @Override
  public Optional<StoredGeneration> find(String generationId) {
    return index.find(generationId);
  }

  @Override
  public boolean containsKey(String idempotencyKey) {
    return index.containsKey(idempotencyKey);
  }

  @Override
  public List<StoredGeneration> all() {
    return index.all();
  }

  /** Lines that could not be read on open (torn writes). */
  public synchronized int skippedLines() {
    return skippedLines;
  }

  public Path file() {
    return file;
  }
}
