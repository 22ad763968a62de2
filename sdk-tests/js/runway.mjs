// The one change a Runway program needs to run against vidsim: the client's baseURL (and key).
// The SDK appends /v1/... and sends X-Runway-Version: 2024-11-06 itself.
import RunwayML from "@runwayml/sdk";
import { key, root } from "./lib.mjs";

export function runway() {
  return new RunwayML({ apiKey: key, baseURL: `${root}/runway` });
}

/** Runs a call and describes what it threw (class, status, body), or that it did not throw. */
export async function caught(call) {
  try {
    await call();
    return { thrown: false };
  } catch (error) {
    return { thrown: true, name: error.constructor.name, status: error.status,
      error: error.error, message: error.message };
  }
}
