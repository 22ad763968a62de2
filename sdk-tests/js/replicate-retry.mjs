// The SDK's own retries: a 429 on create is retried (POSTs only on 429), a 5xx on a poll too
// (GETs on 429 and 5xx), almost at once. The JUnit test injects both and reads the journal.
import Replicate from "replicate";
import { key, root, scenario } from "./lib.mjs";

const replicate = new Replicate({ auth: key, baseUrl: `${root}/replicate/v1` });

await scenario(async () => {
  let prediction = await replicate.predictions.create({
    model: "google/veo-3.1", input: { prompt: "a lighthouse in a storm", duration: 4 },
  });
  prediction = await replicate.wait(prediction, { interval: 50 });
  return { id: prediction.id, status: prediction.status, output: prediction.output };
});
