// A webhook receiver on loopback, asking for the start and completed events: it gets the
// prediction as it is at each moment (processing, then succeeded, in webhook-timestamp order;
// over HTTP they may arrive the other way round, as Replicate's may), and the SDK's own
// validateWebhook() accepts each with the secret from replicate.webhooks.default.secret.get()
// and rejects a forged body.
import http from "node:http";
import Replicate, { validateWebhook } from "replicate";
import { key, root, scenario } from "./lib.mjs";

const replicate = new Replicate({ auth: key, baseUrl: `${root}/replicate/v1` });
const TERMINAL = ["succeeded", "failed", "canceled", "aborted"];

/** Collects deliveries until it has both an unfinished and a finished prediction. */
function receiveStartAndCompleted() {
  const deliveries = [];
  let resolve;
  const done = new Promise((r) => { resolve = r; });
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => { body += chunk; });
    req.on("end", () => {
      res.writeHead(200).end();
      deliveries.push({ headers: req.headers, body });
      const finished = deliveries.map((d) => TERMINAL.includes(JSON.parse(d.body).status));
      if (finished.includes(true) && finished.includes(false)) resolve(deliveries);
    });
  });
  return new Promise((ready) => server.listen(0, "127.0.0.1", () => ready({
    url: `http://127.0.0.1:${server.address().port}/hooks`, done, server })));
}

await scenario(async () => {
  const hook = await receiveStartAndCompleted();
  const prediction = await replicate.predictions.create({
    model: "google/veo-3.1", input: { prompt: "a hummingbird", duration: 4 },
    webhook: hook.url, webhook_events_filter: ["start", "completed"],
  });
  const timeout = setTimeout(() => hook.server.close(), 60_000);
  const arrived = await hook.done;
  const deliveries = [...arrived].sort((a, b) =>
    Number(a.headers["webhook-timestamp"]) - Number(b.headers["webhook-timestamp"]));
  clearTimeout(timeout);
  hook.server.close();
  const { key: secret } = await replicate.webhooks.default.secret.get();
  const valid = [];
  for (const d of deliveries) valid.push(await validateWebhook(d, secret));
  const last = deliveries[deliveries.length - 1];
  const forged = await validateWebhook({ headers: last.headers,
    body: last.body.replace("succeeded", "failed") }, secret);
  const sent = deliveries.map((d) => JSON.parse(d.body));
  return { id: prediction.id, statuses: sent.map((p) => p.status), valid, forged,
    arrived: arrived.map((d) => JSON.parse(d.body).status),
    ids: sent.map((p) => p.id), output: sent[sent.length - 1].output };
});
