package dev.vidsim.testcontainers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This library's version, which is also the tag of the matching vidsim image. */
final class VidsimVersion {
  private static final String RESOURCE = "vidsim-version.properties";

  private VidsimVersion() {}

  static String get() {
    try (InputStream in = VidsimVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " missing from the classpath");
      Properties p = new Properties();
      p.load(in);
      String version = p.getProperty("version");
      if (version == null || version.startsWith("$")) {
        throw new IllegalStateException(RESOURCE + " was not filtered by the build: " + version);
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
