// replicate.run() with only baseUrl changed: it creates with "Prefer: wait" and returns the
// output. vidsim's output URLs are http://127.0.0.1 (not https:), so run() returns them as
// strings instead of FileOutput objects; a plain fetch downloads the video.
import Replicate from "replicate";
import { fetchMp4, key, root, scenario } from "./lib.mjs";

const replicate = new Replicate({ auth: key, baseUrl: `${root}/replicate/v1` });

await scenario(async () => {
  const output = await replicate.run("google/veo-3.1", {
    input: { prompt: "a cat surfing a wave at sunset", duration: 8, resolution: "720p" },
  });
  return { output, download: await fetchMp4(String(output)) };
});
