package dev.vidsim.jobs;

import java.util.function.Consumer;

/** Told when a job starts rendering and when it reaches its final state (webhooks listen). */
public interface JobLifecycle {
  JobLifecycle NONE = of(job -> { }, job -> { });

  void started(Job job);

  void ended(Job job);

  static JobLifecycle of(Consumer<Job> started, Consumer<Job> ended) {
    return new JobLifecycle() {
      @Override
      public void started(Job job) {
        started.accept(job);
      }

      @Override
      public void ended(Job job) {
        ended.accept(job);
      }
    };
  }

  /** This lifecycle, with {@code first} told of each end before it. */
  default JobLifecycle endingFirst(Consumer<Job> first) {
    return of(this::started, job -> {
      first.accept(job);
      ended(job);
    });
  }
}
