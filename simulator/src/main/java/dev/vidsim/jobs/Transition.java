package dev.vidsim.jobs;

import java.time.Instant;

/** One recorded status change. */
public record Transition(JobStatus from, JobStatus to, Instant at, String reason) {}
