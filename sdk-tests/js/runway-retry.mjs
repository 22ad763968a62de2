// The SDK's own retries (2 by default, on 408/409/429/5xx, 0.5 s then 1 s with jitter): the
// JUnit test injects a 429 and a lost response (500 after the task was created) on create, and
// a 502 on a poll; the SDK retries through all three. It sends no idempotency key.
import { scenario } from "./lib.mjs";
import { runway } from "./runway.mjs";

await scenario(async () => {
  const task = await runway().imageToVideo.create({
    model: "gen4.5", promptImage: "https://example.com/first-frame.png",
    promptText: "the frame comes alive", ratio: "960:960", duration: 5,
  }).waitForTaskOutput();
  return { id: task.id, status: task.status, output: task.output };
});
