package dev.vidsim.engine;

import dev.vidsim.money.Money;
import dev.vidsim.pricing.Quote;
import java.math.BigDecimal;
import java.time.Instant;

/** A job as callers see it at one instant: an immutable snapshot, safe to replay. */
public record JobView(String id, String model, String mode, String status, int progress,
                      String prompt, BigDecimal seconds, String resolution, String region,
                      Instant createdAt, Instant completedAt, Instant expiresAt, Quote quote,
                      String billOn, Money charged, String currency, String idempotencyKey,
                      String errorCode, String errorMessage) {}
