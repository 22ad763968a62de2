package dev.vidsim.webhooks;

import java.util.Map;

/**
 * How one delivery attempt of an event is signed: the headers it carries, computed at the
 * attempt's own timestamp (Unix seconds). Standard Webhooks unless a provider signs otherwise.
 */
@FunctionalInterface
public interface Signing {
  Map<String, String> headers(Event event, long timestamp);
}
