// @openrouter/sdk's video generation, unchanged but for serverURL: list the video models,
// generate (202 pending), poll getGeneration until completed, download getVideoContent.
// The SDK has no wait helper: this loop is what its docs show (poll the polling_url).
import { OpenRouter } from "@openrouter/sdk";
import { key, root, scenario } from "./lib.mjs";

const client = new OpenRouter({ apiKey: key, serverURL: `${root}/openrouter/api/v1` });
const TERMINAL = ["completed", "failed", "cancelled", "expired"];

export async function generateAndWait(request) {
  let video = await client.videoGeneration.generate({ videoGenerationRequest: request });
  const created = video.status;
  for (let polls = 0; polls < 600 && !TERMINAL.includes(video.status); polls++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    video = await client.videoGeneration.getGeneration({ jobId: video.id });
  }
  return { created, video };
}

await scenario(async () => {
  const models = await client.videoGeneration.listVideosModels();
  const { created, video } = await generateAndWait({ model: "google/veo-3.1",
    prompt: "a paper boat on a pond", duration: 8, resolution: "720p" });
  const stream = await client.videoGeneration.getVideoContent({ jobId: video.id, index: 0 });
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return { models: models.data.map((m) => ({ id: m.id, skus: m.pricingSkus,
    resolutions: m.supportedResolutions })), created, id: video.id, status: video.status,
    pollingUrl: video.pollingUrl, cost: video.usage?.cost, unsignedUrls: video.unsignedUrls,
    mp4: new TextDecoder().decode(bytes.slice(4, 8)) === "ftyp", bytes: bytes.length };
});
