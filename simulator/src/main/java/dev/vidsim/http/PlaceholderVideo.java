package dev.vidsim.http;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * A tiny ISO-BMFF file (ftyp + free + mdat boxes) that MP4 tooling recognises by its header.
 * The mdat payload names the job so a download can be traced back to it.
 */
public final class PlaceholderVideo {
  private PlaceholderVideo() {}

  public static byte[] mp4(String jobId, BigDecimal seconds) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    box(out, "ftyp", concat(ascii("isom"), new byte[] {0, 0, 2, 0}, ascii("isomiso2mp41")));
    box(out, "free", ascii("vidsim placeholder"));
    box(out, "mdat", ascii("vidsim job=" + jobId + " seconds=" + seconds.toPlainString()));
    return out.toByteArray();
  }

  private static void box(ByteArrayOutputStream out, String type, byte[] payload) {
    int size = 8 + payload.length;
    out.write(size >>> 24);
    out.write(size >>> 16);
    out.write(size >>> 8);
    out.write(size);
    out.writeBytes(ascii(type));
    out.writeBytes(payload);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) out.writeBytes(p);
    return out.toByteArray();
  }

  /** A tiny placeholder thumbnail: a RIFF/WEBP header naming the video. */
  public static byte[] webp(String id) {
    byte[] payload = ascii("VP8 vidsim thumbnail " + id);
    byte[] riff = concat(ascii("WEBP"), payload);
    java.nio.ByteBuffer size = java.nio.ByteBuffer.allocate(4)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(riff.length);
    return concat(ascii("RIFF"), size.array(), riff);
  }

  /** A tiny placeholder sprite sheet: JPEG start and end markers around a comment. */
  public static byte[] jpeg(String id) {
    return concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, ascii("vidsim spritesheet " + id),
        new byte[] {(byte) 0xFF, (byte) 0xD9});
  }
}
