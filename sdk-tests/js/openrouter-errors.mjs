// Errors as the SDK raises them: an unknown model is its NotFoundResponseError (404), a value
// out of the documented set its BadRequestResponseError (400), a 429 its
// TooManyRequestsResponseError (the SDK never retries a 429). Every error.code is an integer,
// as the SDK's schemas require.
import { OpenRouter } from "@openrouter/sdk";
import { key, root, scenario } from "./lib.mjs";

const client = new OpenRouter({ apiKey: key, serverURL: `${root}/openrouter/api/v1` });

async function caught(call) {
  try {
    await call();
    return { thrown: false };
  } catch (error) {
    return { thrown: true, name: error.name, status: error.statusCode, code: error.error?.code,
      message: error.message, metadata: error.error?.metadata };
  }
}

const generate = (request) => () => client.videoGeneration.generate(
  { videoGenerationRequest: request });

await scenario(async () => ({
  unknownModel: await caught(generate({ model: "acme/no-such-model", prompt: "x" })),
  badResolution: await caught(generate({ model: "google/veo-3.1", prompt: "x",
    resolution: "5K" })),
  rateLimited: await caught(generate({ model: "google/veo-3.1", prompt: "x" })),
}));
