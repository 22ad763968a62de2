package dev.vidsim.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Where webhooks may go: loopback by default, plus hosts named in the allowlist. Host names are
 * compared as written and never resolved, so checking a URL never touches the network.
 */
public final class Targets {
  private Targets() {}

  /** Null when the URL is acceptable, else why not (for a 400 on field webhookUrl). */
  public static String problem(String url, List<String> allow) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "not a valid URL: " + e.getMessage();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "expected an http:// or https:// URL, got \"" + url + "\"";
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) return "the URL has no host: \"" + url + "\"";
    if (isLoopback(host) || allow.contains(host.toLowerCase(Locale.ROOT))) return null;
    return "host " + host + " is not allowed: webhooks go to loopback (127.0.0.1, ::1, "
        + "localhost) unless the scenario lists the host under webhooks.allow";
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.equals("[::1]") || h.equals("::1")) return true;
    String[] parts = h.split("\\.");
    if (parts.length != 4 || !parts[0].equals("127")) return false;
    for (String p : parts) {
      if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) return false;
    }
    return true;
  }
}
