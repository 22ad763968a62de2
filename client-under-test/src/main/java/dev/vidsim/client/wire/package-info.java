/**
 * The provider dialects the reference client speaks. {@link dev.vidsim.client.wire.Dialect}
 * names them; each non-vidsim dialect is a {@link dev.vidsim.client.wire.ProviderWire} that
 * answers the client's own {@code /v1} calls with the provider's requests and translates the
 * answers back, and declares its {@link dev.vidsim.client.wire.Capabilities} (no provider here
 * takes an idempotency key; Replicate and OpenAI-compatible APIs can list recent jobs; fal,
 * Veo, Runway and OpenRouter cannot). The careful behaviour itself stays in
 * {@code dev.vidsim.client}.
 */
package dev.vidsim.client.wire;
