// fal.subscribe(): submit, poll the status until COMPLETED (logs on), fetch the result, then
// download the video; once through the middleware and once through the proxy.
import { fetchMp4, scenario } from "./lib.mjs";
import { viaMiddleware, viaProxy } from "./fal.mjs";

async function subscribe(fal) {
  const statuses = [];
  const result = await fal.subscribe("fal-ai/veo3.1", {
    input: { prompt: "a fox running through snow", duration: "8s", resolution: "720p" },
    logs: true,
    pollInterval: 50,
    onQueueUpdate: (update) => statuses.push(update.status),
  });
  return { requestId: result.requestId, statuses: [...new Set(statuses)],
    video: result.data.video, download: await fetchMp4(result.data.video.url) };
}

await scenario(async () => ({
  middleware: await subscribe(viaMiddleware()),
  proxy: await subscribe(viaProxy()),
}));
