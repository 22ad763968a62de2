// predictions.cancel() on a running prediction: it ends canceled and nothing is charged.
import Replicate from "replicate";
import { key, root, scenario } from "./lib.mjs";

const replicate = new Replicate({ auth: key, baseUrl: `${root}/replicate/v1` });

await scenario(async () => {
  const prediction = await replicate.predictions.create({
    model: "google/veo-3.1", input: { prompt: "a very long take" },
  });
  const canceled = await replicate.predictions.cancel(prediction.id);
  const after = await replicate.predictions.get(prediction.id);
  return { id: prediction.id, cancelStatus: canceled.status, status: after.status };
});
