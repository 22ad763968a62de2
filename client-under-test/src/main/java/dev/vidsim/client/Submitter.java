package dev.vidsim.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.client.catalog.ModelChoice;
import dev.vidsim.client.catalog.ModelInfo;
import dev.vidsim.client.catalog.NoModelException;
import dev.vidsim.client.cost.CostLedger;
import dev.vidsim.client.store.StoredGeneration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Submits one logical generation at most once: choose and quote, check the budget, save the key
 * and body, then create (retries reuse both); a known generation is resumed, never re-created,
 * and a create the provider definitely refused is never sent again.
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
    if (stored.isEmpty()) return createNew(req, null);
    StoredGeneration g = stored.get();
    if (g.isRefused()) return createNew(req, g); // its key made no job: nothing to look up
    Optional<VideoJob> existing = api.lookup(g.idempotencyKey());
    if (existing.isPresent()) return resumed(g, existing.get(), req);
    ModelChoice choice = choose(req, g.model(), g.refused());
    if (!g.model().equals(choice.model().id())) return createNew(req, g);
    options.budget().check(choice.quote(), ledger.committedTotal());
    return create(g, choice, req);
  }

  /**
   * A new key and body for a new attempt at this generation, saved before it is sent; models
   * refused earlier stay excluded and the first attempt's deadline stays.
   */
  private Submission createNew(GenerationRequest req, StoredGeneration prior) {
    List<String> refused = prior == null ? List.of() : prior.refused();
    if (refused.size() >= MODEL_SWITCHES_MAX) {
      throw new NoModelException("the provider refused " + refused + " for generation "
          + prior.generationId() + "; nothing sent again");
    }
    ModelChoice choice = choose(req, null, refused);
    options.budget().check(choice.quote(), ledger.committedTotal());
    String key = newKey();
    String id = req.generationId() != null ? req.generationId() : "gen-" + key.substring(3);
    Instant now = options.clock().now();
    Instant deadline = prior != null && prior.deadline() != null ? prior.deadline()
        : now.plus(req.deadline() != null ? req.deadline() : options.jobDeadline());
    StoredGeneration g = new StoredGeneration(id, key, choice.model().id(),
        body(req, choice.model()), null, now, refused, deadline);
    options.jobStore().save(g);
    return create(g, choice, withId(req, id));
  }

  /**
   * Sends the saved create. When the provider no longer offers the model (removed, or not for
   * this tier) the refusal is saved first, so a crash or a failed catalog refresh can never lead
   * to the same create again; then the catalog is fetched again (once) and the next capable
   * model is tried, a bounded number of times. A refused create was not charged.
   */
  private Submission create(StoredGeneration g, ModelChoice choice, GenerationRequest req) {
    VideoJob job;
    // kept before sending: whoever finds this key's job later believes this price
    ledger.promise(g.idempotencyKey(), choice.quote(), choice.model().pricing());
    try {
      job = api.create(g.idempotencyKey(), g.requestBody());
    } catch (ApiException e) {
      if (e.code() == null || !MODEL_GONE.contains(e.code())) throw e;
      StoredGeneration refused = g.withRefused(g.model(), options.clock().now());
      options.jobStore().save(refused);
      try {
        refreshCatalog.run();
      } catch (RuntimeException notRefreshed) {
        e.addSuppressed(notRefreshed);
        throw e;
      }
      if (refused.refused().size() >= MODEL_SWITCHES_MAX) throw e;
      try {
        return createNew(req, refused);
      } catch (NoModelException none) {
        e.addSuppressed(none);
        throw e;
      }
    }
    return accepted(g, job, choice, req, false);
  }

  private static GenerationRequest withId(GenerationRequest r, String id) {
    return new GenerationRequest(id, r.prompt(), r.mode(), r.seconds(), r.resolution(),
        r.region(), r.images(), r.webhookUrl(), r.models(), r.deadline());
  }

  /** A job found by the stored key: priced as the provider quoted it, on its own model. */
  private Submission resumed(StoredGeneration g, VideoJob job, GenerationRequest req) {
    ModelChoice choice;
    try {
      choice = choose(req, g.model(), g.refused());
    } catch (NoModelException none) {
      choice = null;
    }
    return accepted(g, job, choice, req, true);
  }

  private Submission accepted(StoredGeneration g, VideoJob job, ModelChoice choice,
                              GenerationRequest req, boolean resumed) {
    Instant now = options.clock().now();
    Instant deadline = g.deadline() != null ? g.deadline()
        : now.plus(req.deadline() != null ? req.deadline() : options.jobDeadline());
    if (!job.id().equals(g.jobId()) || g.deadline() == null) {
      options.jobStore().save(g.withJob(job.id(), now).withDeadline(deadline));
    }
    JobPricing.Priced p = JobPricing.of(choice, job, resumed, req, options.tier(), catalog.get(),
        ledger.promised(g.idempotencyKey()).orElse(null));
    ledger.recordCreate(job, p.quote(), p.pricing());
    if (options.webhookInbox() != null) options.webhookInbox().observe(job);
    ModelChoice shown = p.choice();
    return new Submission(g.generationId(), g.idempotencyKey(), job, shown, resumed, deadline,
        JsonSupport.parseOrEmpty(g.requestBody()).hasNonNull("webhookUrl"));
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
