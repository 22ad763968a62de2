// tasks.delete() on an unfinished task (the test keeps it running) cancels it; on a finished one it deletes it, and a
// later retrieve is the SDK's NotFoundError.
import { scenario } from "./lib.mjs";
import { caught, runway } from "./runway.mjs";

const client = runway();

await scenario(async () => {
  const { id } = await client.textToVideo.create({
    model: "gen4.5", promptText: "a very long take", ratio: "720:1280", duration: 10,
  });
  await client.tasks.delete(id);
  const cancelled = await client.tasks.retrieve(id);
  await client.tasks.delete(id);
  const deleted = await caught(() => client.tasks.retrieve(id));
  return { id, status: cancelled.status, cost: cancelled.cost, deleted };
});
