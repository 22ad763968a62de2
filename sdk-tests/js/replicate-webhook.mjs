// A webhook receiver on loopback: the finished prediction arrives signed, and the SDK's own
// validateWebhook() accepts it with the secret from replicate.webhooks.default.secret.get().
import http from "node:http";
import Replicate, { validateWebhook } from "replicate";
import { key, root, scenario } from "./lib.mjs";

const replicate = new Replicate({ auth: key, baseUrl: `${root}/replicate/v1` });

function receiveOne() {
  let resolve;
  const received = new Promise((r) => { resolve = r; });
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => { body += chunk; });
    req.on("end", () => {
      res.writeHead(200).end();
      resolve({ headers: req.headers, body });
    });
  });
  return new Promise((ready) => server.listen(0, "127.0.0.1", () => ready({
    url: `http://127.0.0.1:${server.address().port}/hooks`, received, server })));
}

await scenario(async () => {
  const hook = await receiveOne();
  const prediction = await replicate.predictions.create({
    model: "google/veo-3.1", input: { prompt: "a hummingbird", duration: 4 },
    webhook: hook.url, webhook_events_filter: ["completed"],
  });
  const timeout = setTimeout(() => hook.server.close(), 60_000);
  const delivery = await hook.received;
  clearTimeout(timeout);
  hook.server.close();
  const { key: secret } = await replicate.webhooks.default.secret.get();
  const valid = await validateWebhook({ headers: delivery.headers, body: delivery.body }, secret);
  const forged = await validateWebhook({ headers: delivery.headers,
    body: delivery.body.replace("succeeded", "failed") }, secret);
  const sent = JSON.parse(delivery.body);
  return { id: prediction.id, valid, forged, status: sent.status, output: sent.output };
});
