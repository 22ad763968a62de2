package dev.vidsim.client.wire;

/**
 * One of the client's own calls, as vidsim's {@code /v1} API would take it: e.g.
 * {@code POST /v1/videos} with its JSON body, {@code GET /v1/videos/{id}}.
 *
 * @param body           JSON, or null
 * @param idempotencyKey a create's saved key (a provider without keys gets a seed made from it,
 *                       which tells its generations apart), else null
 */
public record WireCall(String method, String path, String body, String idempotencyKey) {}
