package dev.vidsim.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.client.catalog.ModelChoice;
import dev.vidsim.client.catalog.ModelInfo;
import dev.vidsim.client.cost.CostLedger;
import dev.vidsim.client.store.StoredGeneration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Submits one logical generation at most once: choose and quote, check the budget, save the key
 * and body, then create (retries reuse both); a known generation is resumed, never re-created.
 */
final class Submitter {
  private static final int KEY_DRAWS_MAX = 100;
  private final ClientOptions options;
  private final Api api;
  private final CostLedger ledger;
  private final Supplier<List<ModelInfo>> catalog;
  private final SplittableRandom keys;

  Submitter(ClientOptions options, Api api, CostLedger ledger, Supplier<List<ModelInfo>> catalog,
            SplittableRandom keys) {
    this.options = options;
    this.api = api;
    this.ledger = ledger;
    this.catalog = catalog;
    this.keys = keys;
  }

  Submission submit(GenerationRequest req) {
    Optional<StoredGeneration> stored = Optional.ofNullable(req.generationId())
        .flatMap(options.jobStore()::find);
    ModelChoice choice = choose(req, stored.map(StoredGeneration::model).orElse(null));
    if (stored.isPresent()) {
      Optional<VideoJob> existing = api.lookup(stored.get().idempotencyKey());
      if (existing.isPresent()) return resumed(stored.get(), existing.get(), choice, req);
    }
    StoredGeneration g = stored.orElse(null);
    if (g == null) {
      options.budget().check(choice.quote(), ledger.committedTotal());
      String key = newKey();
      String id = req.generationId() != null ? req.generationId() : "gen-" + key.substring(3);
      g = new StoredGeneration(id, key, choice.model().id(), body(req, choice.model()), null,
          options.clock().now());
      options.jobStore().save(g);
    }
    VideoJob job = api.create(g.idempotencyKey(), g.requestBody());
    return accepted(g, job, choice, req, false);
  }

  /** A stored generation's job exists: no new create, no new charge. */
  private Submission resumed(StoredGeneration g, VideoJob job, ModelChoice choice,
                             GenerationRequest req) {
    return accepted(g, job, choice, req, true);
  }

  private Submission accepted(StoredGeneration g, VideoJob job, ModelChoice choice,
                              GenerationRequest req, boolean resumed) {
    if (!job.id().equals(g.jobId())) options.jobStore().save(g.withJob(job.id(), options.clock().now()));
    ledger.recordCreate(job, choice.quote(), choice.model().pricing());
    if (options.webhookInbox() != null) options.webhookInbox().observe(job);
    var deadline = options.clock().now().plus(req.deadline() != null ? req.deadline()
        : options.jobDeadline());
    return new Submission(g.generationId(), g.idempotencyKey(), job, choice, resumed, deadline);
  }

  /** A resumed generation keeps its stored model at the head of the preference list. */
  private ModelChoice choose(GenerationRequest req, String storedModel) {
    List<String> preferred = new ArrayList<>(req.models());
    if (storedModel != null) {
      preferred.remove(storedModel);
      preferred.add(0, storedModel);
    }
    return options.modelChooser().choose(catalog.get(), req.shape(), preferred, options.tier());
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
