// An unknown endpoint is the client's ApiError (404); a failed generation still ends
// COMPLETED, and its result is an ApiError carrying fal's error_type.
import { scenario } from "./lib.mjs";
import { viaMiddleware } from "./fal.mjs";

async function caught(call) {
  try {
    await call();
    return { thrown: false };
  } catch (error) {
    return { thrown: true, name: error.name, status: error.status, body: error.body };
  }
}

await scenario(async () => {
  const fal = viaMiddleware();
  const statuses = [];
  const failed = await caught(() => fal.subscribe("fal-ai/veo3.1", {
    input: { prompt: "a storm" }, pollInterval: 50,
    onQueueUpdate: (update) => statuses.push(update.status),
  }));
  return {
    unknownModel: await caught(() => fal.subscribe("fal-ai/no-such-model",
      { input: { prompt: "x" } })),
    failed: { ...failed, lastStatus: statuses.at(-1) },
  };
});
