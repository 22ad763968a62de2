// fal.queue.submit() with a webhookUrl: a loopback receiver gets the completed request and
// verifies it as fal documents, with node's own crypto: the Ed25519 public key from vidsim's
// JWKS (fal's is at https://rest.alpha.fal.ai/.well-known/jwks.json), the message request id,
// user id, timestamp and the body's SHA-256 (hex) joined by newlines, the hex signature. A
// forged body fails.
import crypto from "node:crypto";
import http from "node:http";
import { root, scenario } from "./lib.mjs";
import { viaMiddleware } from "./fal.mjs";

function receiveOne() {
  let resolve;
  const received = new Promise((r) => { resolve = r; });
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (chunk) => { chunks.push(chunk); });
    req.on("end", () => {
      res.writeHead(200).end();
      resolve({ headers: req.headers, body: Buffer.concat(chunks) });
    });
  });
  return new Promise((ready) => server.listen(0, "127.0.0.1", () => ready({
    url: `http://127.0.0.1:${server.address().port}/fal-hook`, received, server })));
}

/** fal's documented check, against every key of the JWKS. */
function verify(keys, headers, body) {
  const message = [headers["x-fal-webhook-request-id"], headers["x-fal-webhook-user-id"],
    headers["x-fal-webhook-timestamp"],
    crypto.createHash("sha256").update(body).digest("hex")].join("\n");
  const signature = Buffer.from(headers["x-fal-webhook-signature"], "hex");
  return keys.some((jwk) => crypto.verify(null, Buffer.from(message, "utf-8"),
    crypto.createPublicKey({ key: jwk, format: "jwk" }), signature));
}

await scenario(async () => {
  const hook = await receiveOne();
  const fal = viaMiddleware();
  const { request_id: requestId } = await fal.queue.submit("fal-ai/veo3.1", {
    input: { prompt: "a heron", duration: "4s" }, webhookUrl: hook.url,
  });
  const timeout = setTimeout(() => hook.server.close(), 60_000);
  const delivery = await hook.received;
  clearTimeout(timeout);
  hook.server.close();
  const { keys } = await (await fetch(`${root}/fal/.well-known/jwks.json`)).json();
  const valid = verify(keys, delivery.headers, delivery.body);
  const forged = verify(keys, delivery.headers,
    Buffer.from(delivery.body.toString("utf-8").replace("\"OK\"", "\"ERROR\"")));
  const sent = JSON.parse(delivery.body.toString("utf-8"));
  return { requestId, valid, forged, status: sent.status, sentId: sent.request_id,
    video: sent.payload?.video?.url ?? null, keys: keys.length };
});
