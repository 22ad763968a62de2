// create -> waitForTaskOutput() (the SDK's own poller: 6 s +/- 1.5 s in real time) -> download
// the output from its URL -> organization.retrieve() for the credits left.
import { fetchMp4, scenario } from "./lib.mjs";
import { runway } from "./runway.mjs";

const client = runway();

await scenario(async () => {
  const created = client.textToVideo.create({
    model: "gen4.5", promptText: "a lighthouse in a storm", ratio: "1280:720", duration: 5,
  });
  const { id, estimatedCost } = await created;
  const task = await created.waitForTaskOutput();
  const organization = await client.organization.retrieve();
  return { id, estimatedCost: estimatedCost.credits, status: task.status, cost: task.cost,
    output: task.output, download: await fetchMp4(task.output[0]),
    creditBalance: organization.creditBalance, usage: organization.usage };
});
