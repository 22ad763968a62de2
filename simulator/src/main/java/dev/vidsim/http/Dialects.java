package dev.vidsim.http;

import dev.vidsim.dialect.google.GeminiDialect;
import dev.vidsim.dialect.google.VertexDialect;
import dev.vidsim.dialect.fal.FalDialect;
import dev.vidsim.dialect.openai.OpenAiDialect;
import dev.vidsim.dialect.openrouter.OpenRouterDialect;
import dev.vidsim.dialect.replicate.ReplicateDialect;
import dev.vidsim.dialect.runway.RunwayDialect;
import dev.vidsim.dialect.vidsim.VidsimDialect;
import dev.vidsim.engine.Simulator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The dialects one server speaks, and which one a path belongs to. */
final class Dialects {
  private final List<Dialect> dialects;
  private final Dialect fallback;

  private Dialects(List<Dialect> dialects, Dialect fallback) {
    this.dialects = List.copyOf(dialects);
    this.fallback = fallback;
  }

  /** @param baseUrl the server's own URL once it listens (for links in webhook bodies) */
  static Dialects all(Simulator sim, Supplier<String> baseUrl) {
    VidsimDialect vidsim = new VidsimDialect(sim);
    return new Dialects(List.of(vidsim, new OpenAiDialect(sim), new GeminiDialect(sim),
        new VertexDialect(sim), new ReplicateDialect(sim, baseUrl), new FalDialect(sim, baseUrl),
        new RunwayDialect(sim, baseUrl), new OpenRouterDialect(sim, baseUrl)), vidsim);
  }

  List<Dialect> list() {
    return dialects;
  }

  /** The dialect whose prefix the path starts with (longest wins), else vidsim's own. */
  Dialect forPath(String path) {
    Dialect best = null; // a plain loop: this runs for every request
    for (Dialect d : dialects) {
      String prefix = d.prefix();
      boolean under = path.startsWith(prefix)
          && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
      if (under && (best == null || prefix.length() > best.prefix().length())) best = d;
    }
    return best == null ? fallback : best;
  }

  Dialect named(String name) {
    return dialects.stream().filter(d -> d.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no dialect '" + name + "'; served: "
            + basePaths().keySet()));
  }

  Map<String, String> basePaths() {
    Map<String, String> out = new LinkedHashMap<>();
    dialects.forEach(d -> out.put(d.name(), d.basePath()));
    return out;
  }

  String summary() {
    return String.join(", ", dialects.stream().map(d -> d.prefix() + "/...").toList());
  }
}
