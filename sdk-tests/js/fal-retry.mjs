// The client's own retries: submit retries 429/502/503/504 and the status poll also 500, with
// ~1 s (±25%) backoff in real time. The JUnit test injects faults and reads the journal.
import { scenario } from "./lib.mjs";
import { viaMiddleware } from "./fal.mjs";

await scenario(async () => {
  const result = await viaMiddleware().subscribe("fal-ai/veo3.1", {
    input: { prompt: "a kite over a beach", duration: "4s" },
    pollInterval: 50,
  });
  return { requestId: result.requestId, url: result.data.video.url };
});
