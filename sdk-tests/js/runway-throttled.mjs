// Over the organization's concurrency (1 here) a task is accepted and waits THROTTLED: the SDK
// sees it with tasks.retrieve(); cancelling the running one (tasks.delete) lets it run, and
// waitForTaskOutput() on a retrieved task returns it SUCCEEDED.
import { scenario } from "./lib.mjs";
import { runway } from "./runway.mjs";

const client = runway();
const body = { model: "gen4.5", promptText: "a slow pan", ratio: "1280:720", duration: 2 };

await scenario(async () => {
  const running = await client.textToVideo.create(body);
  const waiting = await client.textToVideo.create(body);
  const seen = [];
  for (let i = 0; i < 100 && !seen.includes("THROTTLED"); i++) {
    seen.push((await client.tasks.retrieve(waiting.id)).status);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await client.tasks.delete(running.id);
  const cancelled = await client.tasks.retrieve(running.id);
  const done = await client.tasks.retrieve(waiting.id).waitForTaskOutput();
  return { seen, cancelled: cancelled.status, status: done.status, cost: done.cost };
});
