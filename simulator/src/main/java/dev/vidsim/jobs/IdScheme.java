package dev.vidsim.jobs;

import dev.vidsim.random.SimRandom;

/**
 * How a dialect's job ids look, so the engine's id is the id on the wire, in admin calls and in
 * the journal alike: a prefix and 24 hex digits ({@code vid_}, OpenAI's {@code video_}, none for
 * Google's operation ids), Replicate's 26 lowercase base32 characters, or fal's UUIDs.
 */
public record IdScheme(String prefix, Format format) {
  public enum Format { HEX, BASE32, UUID }

  /** vidsim's own ids: {@code vid_} and 24 hex digits. */
  public static final IdScheme VIDSIM = prefixed("vid_");
  /** Like Replicate's prediction ids, e.g. {@code gm3qorzdhgbfurvjtvhg5tkmba}. */
  public static final IdScheme BASE32 = new IdScheme("", Format.BASE32);
  /** Like fal's request ids: a version-4 UUID, lowercase. */
  public static final IdScheme UUID = new IdScheme("", Format.UUID);
  private static final String BASE32_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
  private static final int HEX_CHARS = 24;
  private static final int BASE32_CHARS = 26;

  public IdScheme {
    if (prefix == null || !prefix.matches("[a-z0-9_-]{0,32}")) {
      throw new IllegalArgumentException("id prefix: a-z, 0-9, _ and -, got " + prefix);
    }
    if (format == null) throw new IllegalArgumentException("id format is required");
  }

  /** A prefix and 24 hex digits. */
  public static IdScheme prefixed(String prefix) {
    return new IdScheme(prefix, Format.HEX);
  }

  /** A fresh id drawn from the named seeded stream. */
  String draw(SimRandom random, String stream) {
    return prefix + switch (format) {
      case HEX -> random.hexId(stream, HEX_CHARS);
      case BASE32 -> base32(random.stream(stream));
      case UUID -> uuid(random.hexId(stream, 32));
    };
  }

  private static String base32(java.util.SplittableRandom r) {
    StringBuilder b = new StringBuilder(BASE32_CHARS);
    while (b.length() < BASE32_CHARS) b.append(BASE32_ALPHABET.charAt(r.nextInt(32)));
    return b.toString();
  }

  /** 32 hex digits as 8-4-4-4-12 with the version (4) and variant (8..b) digits of RFC 9562. */
  private static String uuid(String hex) {
    char variant = "89ab".charAt(Character.digit(hex.charAt(16), 16) & 3);
    return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-"
        + variant + hex.substring(17, 20) + "-" + hex.substring(20, 32);
  }
}
