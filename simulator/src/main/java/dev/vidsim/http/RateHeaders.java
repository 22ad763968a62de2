package dev.vidsim.http;

import dev.vidsim.limits.RateLimitFacts;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Retry-After in either of its two forms, shared by every dialect that sends it. */
public final class RateHeaders {
  static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
      .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private RateHeaders() {}

  /** Retry-After as delta-seconds, or as an HTTP-date when the fault rule asked for one. */
  public static void retryAfter(Context ctx, RateLimitFacts f) {
    if (f.retryAfterSeconds() == null) return;
    ctx.header("Retry-After", f.retryAt() != null ? httpDate(f.retryAt())
        : Long.toString(f.retryAfterSeconds()));
  }

  /** An HTTP-date, rounded up to the next whole second so the client never retries early. */
  public static String httpDate(Instant at) {
    return HTTP_DATE.format(at.plusNanos(999_999_999).truncatedTo(ChronoUnit.SECONDS));
  }
}
