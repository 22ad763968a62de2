package dev.vidsim.durable;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.engine.Command;
import dev.vidsim.engine.Commands;
import dev.vidsim.journal.Journal;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One log record per line of JSON: the scenario a run starts from ({@code "scenario"}), or a
 * command by its record name ({@code "c"}) and fields ({@code "a"}); each with the wall-clock
 * reading it ran at ({@code "w"}, nanoseconds of the process that wrote it).
 */
final class CommandCodec {
  /** A decoded record: exactly one of {@code recipe} and {@code command} is set. */
  /** @param answering the request the command ran for (see {@link Journal#answering}), or null */
  record Entry(long wallNanos, ScenarioRecipe recipe, Command<?> command, Long answering) {}

  // numbers come back exactly as they went: a 6 stays 6 (not 6.0), a "6.50" in a body stays 6.50
  private final ObjectMapper json = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .registerModule(new SimpleModule("vidsim-values")
          .addSerializer(BigDecimal.class, text(BigDecimal::toString))
          .addDeserializer(BigDecimal.class, parsed(BigDecimal::new))
          .addSerializer(Duration.class, text(Duration::toString))
          .addDeserializer(Duration.class, parsed(Duration::parse))
          .addSerializer(Instant.class, text(Instant::toString))
          .addDeserializer(Instant.class, parsed(Instant::parse)));
  private final Map<String, Class<?>> commands = new HashMap<>();

  CommandCodec() {
    for (Class<?> c : Commands.class.getDeclaredClasses()) {
      if (Command.class.isAssignableFrom(c)) commands.put(c.getSimpleName(), c);
    }
  }

  String header(long wallNanos, ScenarioRecipe recipe) {
    ObjectNode o = json.createObjectNode().put("w", wallNanos);
    o.set("scenario", json.valueToTree(recipe));
    return write(o);
  }

  String command(long wallNanos, Command<?> command) {
    String name = command.getClass().getSimpleName();
    if (!commands.containsKey(name)) {
      throw new IllegalArgumentException(name + " is not one of Commands' records");
    }
    ObjectNode o = json.createObjectNode().put("w", wallNanos).put("c", name);
    o.set("a", json.valueToTree(command));
    Long answering = Journal.answeringNow();
    if (answering != null) o.put("r", answering);
    return write(o);
  }

  /** @throws IllegalArgumentException when the line is not a record this version writes */
  Entry decode(String line) {
    try {
      JsonNode o = json.readTree(line);
      long w = o.path("w").asLong();
      if (o.has("scenario")) {
        return new Entry(w, json.treeToValue(o.get("scenario"), ScenarioRecipe.class), null,
            null);
      }
      Class<?> type = commands.get(o.path("c").asText());
      if (type == null) throw new IllegalArgumentException("unknown command " + o.path("c"));
      return new Entry(w, null, (Command<?>) json.treeToValue(o.get("a"), type),
          o.has("r") ? o.get("r").asLong() : null);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a log record: " + e.getOriginalMessage(), e);
    }
  }

  private String write(ObjectNode o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("log record not serialisable", e);
    }
  }

  private static <T> JsonSerializer<T> text(Function<T, String> format) {
    return new JsonSerializer<>() {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider p) throws IOException {
        gen.writeString(format.apply(value));
      }
    };
  }

  private static <T> JsonDeserializer<T> parsed(Function<String, T> parse) {
    return new JsonDeserializer<>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext c) throws IOException {
        return parse.apply(p.getValueAsString());
      }
    };
  }
}
