// The SDK's own retries: every call is retried on 5xx (and on a dropped connection) with
// backoff from 500 ms for up to an hour, never on 429. The JUnit test injects a 500 on the
// create and a 502 on a poll and reads the journal.
import { OpenRouter } from "@openrouter/sdk";
import { key, root, scenario } from "./lib.mjs";

const client = new OpenRouter({ apiKey: key, serverURL: `${root}/openrouter/api/v1` });

await scenario(async () => {
  let video = await client.videoGeneration.generate({ videoGenerationRequest: {
    model: "google/veo-3.1", prompt: "a lighthouse in a storm", duration: 4 } });
  for (let polls = 0; polls < 600 && video.status !== "completed"
      && video.status !== "failed"; polls++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    video = await client.videoGeneration.getGeneration({ jobId: video.id });
  }
  return { id: video.id, status: video.status, cost: video.usage?.cost };
});
