// A server-mode worker process for the liveness test: takes jobs of one task and hangs in them (mid-job), beating its
// heartbeat, until the test kills it. Prints "started <job id>" when it has a job.
import { createDb } from "../../db/client";
import type { LivenessTimings } from "../liveness";
import { startWorker } from "../worker";

const [url, task, timings] = process.argv.slice(2);
if (!url || !task || !timings) throw new Error("usage: liveness-worker-child <databaseUrl> <task> <timings json>");
const db = createDb(url, { max: 2 });
await startWorker(db, {
  connectionString: url,
  embedded: false,
  concurrency: 1,
  liveness: JSON.parse(timings) as LivenessTimings,
  taskList: {
    [task]: async (_payload, helpers) => {
      console.log(`started ${helpers.job.id}`);
      await new Promise(() => undefined); // mid-job, forever
    },
  },
});
