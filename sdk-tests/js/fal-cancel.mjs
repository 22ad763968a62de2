// fal.queue.submit() then fal.queue.cancel(): the request ends COMPLETED with client_cancelled
// and costs nothing.
import { scenario } from "./lib.mjs";
import { viaMiddleware } from "./fal.mjs";

await scenario(async () => {
  const fal = viaMiddleware();
  const { request_id: requestId } = await fal.queue.submit("fal-ai/veo3.1", {
    input: { prompt: "a long drive" },
  });
  await fal.queue.cancel("fal-ai/veo3.1", { requestId });
  const status = await fal.queue.status("fal-ai/veo3.1", { requestId, logs: false });
  return { requestId, status: status.status, errorType: status.error_type };
});
