// The two ways to point @fal-ai/client at vidsim; it has no base-URL option.
import { createFalClient } from "@fal-ai/client";
import { key, root } from "./lib.mjs";

/** 1. A requestMiddleware rewriting fal's hosts to vidsim's /fal routes. */
export const viaMiddleware = () => createFalClient({
  credentials: key,
  requestMiddleware: async (request) => ({
    ...request,
    url: request.url.replace("https://queue.fal.run", `${root}/fal/queue`)
      .replace("https://fal.run", `${root}/fal/run`),
  }),
});

/** 2. vidsim as the client's proxy: every call goes to /fal/proxy with x-fal-target-url. */
export const viaProxy = () => createFalClient({
  credentials: key,
  proxyUrl: { url: `${root}/fal/proxy`, when: "always" },
});
