// predictions.create() by version, then replicate.wait() polling until it ends; the list
// pages through replicate.paginate().
import Replicate from "replicate";
import { key, root, scenario } from "./lib.mjs";

const replicate = new Replicate({ auth: key, baseUrl: `${root}/replicate/v1` });

await scenario(async () => {
  const model = await replicate.models.get("google", "veo-3.1");
  let prediction = await replicate.predictions.create({
    version: model.latest_version.id,
    input: { prompt: "a paper boat in the rain", duration: 4 },
  });
  const created = prediction.status;
  prediction = await replicate.wait(prediction, { interval: 50 });
  const listed = [];
  for await (const page of replicate.paginate(replicate.predictions.list)) {
    listed.push(...page.map((p) => p.id));
  }
  return { id: prediction.id, created, status: prediction.status,
    version: prediction.version, predictTime: prediction.metrics?.predict_time,
    output: prediction.output, listed };
});
