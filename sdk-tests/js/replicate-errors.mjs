// An unknown model is the SDK's own ApiError with the HTTP status; a failed prediction makes
// replicate.run() throw "Prediction failed: <error>".
import Replicate from "replicate";
import { key, root, scenario } from "./lib.mjs";

const replicate = new Replicate({ auth: key, baseUrl: `${root}/replicate/v1` });

async function caught(call) {
  try {
    await call();
    return { thrown: false };
  } catch (error) {
    return { thrown: true, name: error.name, status: error.response?.status,
      contentType: error.response?.headers.get("content-type"), message: error.message };
  }
}

await scenario(async () => ({
  unknownModel: await caught(() => replicate.run("acme/no-such-model", { input: { prompt: "x" } })),
  failed: await caught(() => replicate.run("google/veo-3.1", { input: { prompt: "x" } })),
}));
