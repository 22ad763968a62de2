// An unknown model is the SDK's BadRequestError (400, Runway's validation body); a task that
// fails makes waitForTaskOutput() throw the SDK's TaskFailedError with the failure code.
import { scenario } from "./lib.mjs";
import { caught, runway } from "./runway.mjs";

const client = runway();

await scenario(async () => {
  const unknownModel = await caught(() => client.textToVideo.create({
    model: "gen9", promptText: "x", ratio: "1280:720", duration: 5,
  }));
  let failed;
  try {
    await client.textToVideo.create({
      model: "gen4.5", promptText: "something the filter stops", ratio: "720:1280", duration: 4,
    }).waitForTaskOutput();
    failed = { thrown: false };
  } catch (error) {
    failed = { thrown: true, name: error.constructor.name, message: error.message,
      task: error.taskDetails };
  }
  return { unknownModel, failed };
});
