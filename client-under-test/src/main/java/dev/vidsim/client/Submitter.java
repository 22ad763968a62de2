package dev.vidsim.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.client.catalog.CostQuote;
import dev.vidsim.client.catalog.ModelChoice;
import dev.vidsim.client.catalog.ModelInfo;
import dev.vidsim.client.catalog.NoModelException;
import dev.vidsim.client.catalog.Quoter;
import dev.vidsim.client.cost.CostLedger;
import dev.vidsim.client.store.StoredGeneration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Submits one logical generation at most once: choose and quote, check the budget, save the key
 * and body, then create (retries reuse both); a known generation is resumed, never re-created.
 */
final class Submitter {
  private static final int KEY_DRAWS_MAX = 100;
  /** Models tried for one generation when the provider refuses them as gone. */
  static final int MODEL_SWITCHES_MAX = 3;
  /** Create errors meaning "this model is not (any more) offered to you". */
  static final Set<String> MODEL_GONE = Set.of("model_not_found", "model_not_available_for_tier");
  private final ClientOptions options;
  private final Api api;
  private final CostLedger ledger;
  private final Supplier<List<ModelInfo>> catalog;
  private final Runnable refreshCatalog;
  private final SplittableRandom keys;

  Submitter(ClientOptions options, Api api, CostLedger ledger, Supplier<List<ModelInfo>> catalog,
            Runnable refreshCatalog, SplittableRandom keys) {
    this.refreshCatalog = refreshCatalog;
    this.options = options;
    this.api = api;
    this.ledger = ledger;
    this.catalog = catalog;
    this.keys = keys;
  }

  Submission submit(GenerationRequest req) {
    Optional<StoredGeneration> stored = Optional.ofNullable(req.generationId())
        .flatMap(options.jobStore()::find);
    if (stored.isPresent()) {
      ModelChoice choice = choose(req, stored.get().model(), List.of());
      Optional<VideoJob> existing = api.lookup(stored.get().idempotencyKey());
      if (existing.isPresent()) return accepted(stored.get(), existing.get(), choice, req, true);
      if (stored.get().model().equals(choice.model().id())) {
        options.budget().check(choice.quote(), ledger.committedTotal());
        return create(stored.get(), choice, req, List.of());
      }
    }
    return createNew(req, List.of());
  }

  /** A new key and body for a new attempt at this generation, saved before it is sent. */
  private Submission createNew(GenerationRequest req, List<String> unavailable) {
    ModelChoice choice = choose(req, null, unavailable);
    options.budget().check(choice.quote(), ledger.committedTotal());
    String key = newKey();
    String id = req.generationId() != null ? req.generationId() : "gen-" + key.substring(3);
    StoredGeneration g = new StoredGeneration(id, key, choice.model().id(),
        body(req, choice.model()), null, options.clock().now());
    options.jobStore().save(g);
    return create(g, choice, req, unavailable);
  }

  /**
   * Sends the saved create. When the provider no longer offers the model (removed, or not for
   * this tier), refreshes the catalog and falls back to the next capable model, a bounded number
   * of times; the refused request was not remembered by the provider, so nothing was charged.
   */
  private Submission create(StoredGeneration g, ModelChoice choice, GenerationRequest req,
                            List<String> unavailable) {
    try {
      return accepted(g, api.create(g.idempotencyKey(), g.requestBody()), choice, req, false);
    } catch (ApiException e) {
      if (!MODEL_GONE.contains(e.code()) || unavailable.size() + 1 >= MODEL_SWITCHES_MAX) throw e;
      List<String> next = new ArrayList<>(unavailable);
      next.add(g.model());
      refreshCatalog.run();
      try {
        return createNew(withId(req, g.generationId()), next);
      } catch (NoModelException none) {
        e.addSuppressed(none);
        throw e;
      }
    }
  }

  private static GenerationRequest withId(GenerationRequest r, String id) {
    return new GenerationRequest(id, r.prompt(), r.mode(), r.seconds(), r.resolution(),
        r.region(), r.images(), r.webhookUrl(), r.models(), r.deadline());
  }

  private Submission accepted(StoredGeneration g, VideoJob job, ModelChoice choice,
                              GenerationRequest req, boolean resumed) {
    if (!job.id().equals(g.jobId())) {
      options.jobStore().save(g.withJob(job.id(), options.clock().now()));
    }
    ledger.recordCreate(job, expected(choice, job, req), choice.model().pricing());
    if (options.webhookInbox() != null) options.webhookInbox().observe(job);
    var deadline = options.clock().now().plus(req.deadline() != null ? req.deadline()
        : options.jobDeadline());
    return new Submission(g.generationId(), g.idempotencyKey(), job, choice, resumed, deadline);
  }

  /**
   * The quote the ledger expects: the client's own, except that with the tier unknown (quoted at
   * the dearest tier for the budget) the provider's applied price is taken when the catalog
   * lists it for this job; any other price stays a difference for reconciliation to show.
   */
  private CostQuote expected(ModelChoice choice, VideoJob job, GenerationRequest req) {
    if (options.tier() != null || job.quotedUnitPrice() == null
        || !job.model().equals(choice.model().id())) {
      return choice.quote();
    }
    return Quoter.requote(choice.quote(), choice.model(), req.shape(), job.quotedUnitPrice());
  }

  /**
   * A resumed generation keeps its stored model at the head of the preference list; models the
   * provider refused are left out of the catalog.
   */
  private ModelChoice choose(GenerationRequest req, String storedModel, List<String> unavailable) {
    List<String> preferred = new ArrayList<>(req.models());
    if (storedModel != null) {
      preferred.remove(storedModel);
      preferred.add(0, storedModel);
    }
    List<ModelInfo> offered = catalog.get().stream()
        .filter(m -> !unavailable.contains(m.id())).toList();
    return options.modelChooser().choose(offered, req.shape(), preferred, options.tier());
  }

  private String newKey() {
    for (int i = 0; i < KEY_DRAWS_MAX; i++) {
      String key;
      synchronized (keys) {
        key = "vk-" + Long.toHexString(keys.nextLong()) + Long.toHexString(keys.nextLong());
      }
      if (!options.jobStore().containsKey(key)) return key;
    }
    throw new IllegalStateException("no unused idempotency key after " + KEY_DRAWS_MAX
        + " draws; is the seed fixed and the store full of its keys?");
  }

  /** The create body; saved with the key so every retry and resume sends exactly these bytes. */
  static String body(GenerationRequest req, ModelInfo model) {
    ObjectNode o = JsonSupport.object().put("model", model.id()).put("prompt", req.prompt())
        .put("mode", req.mode());
    if (req.seconds() != null) o.put("seconds", req.seconds());
    if (req.resolution() != null) o.put("resolution", req.resolution());
    if (!req.images().isEmpty()) req.images().forEach(o.putArray("images")::add);
    if (req.webhookUrl() != null) o.put("webhookUrl", req.webhookUrl());
    return o.toString();
  }
}
