// Shared by every scenario: where vidsim is, which key to use, and how to report.
// The JUnit test sets VIDSIM_URL (the server root, e.g. http://127.0.0.1:8080) and VIDSIM_KEY.
export const root = process.env.VIDSIM_URL ?? "http://127.0.0.1:8080";
export const key = process.env.VIDSIM_KEY ?? "sk-test-alice";

/** Prints the scenario's result as one JSON line the JUnit test reads. */
export function report(result) {
  console.log("RESULT " + JSON.stringify(result));
}

/** Downloads a URL and says whether it is an MP4 (an ISO-BMFF "ftyp" box first). */
export async function fetchMp4(url) {
  const response = await fetch(url);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const ftyp = new TextDecoder().decode(bytes.slice(4, 8));
  return { status: response.status, type: response.headers.get("content-type"),
    bytes: bytes.length, mp4: ftyp === "ftyp" };
}

/** Runs a scenario, reporting an unexpected error as a failure with its message. */
export async function scenario(body) {
  try {
    report(await body());
  } catch (error) {
    console.error(error);
    report({ failed: true, name: error?.name, message: String(error?.message ?? error) });
    process.exitCode = 1;
  }
}
