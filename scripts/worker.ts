// npm run worker: a standalone job worker (server mode), for scaling workers by queue depth.
import { getDb, disconnectDb } from "../server/db/client";
import { migrateQueue, startWorker } from "../server/jobs/worker";
import { startEmailInbound } from "../server/channels/email/inbound";
import { fanout } from "../server/events/fanout";
import { loadDotEnv } from "./start-env";

loadDotEnv(process.cwd());
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("[worker] DATABASE_URL is required: the embedded database runs its worker inside `npm start`.");
  process.exit(1);
}
process.env.SWITCHBOARD_DB_MODE = "server";
await migrateQueue(url);
const runner = await startWorker(getDb(), {
  connectionString: url,
  embedded: false,
  concurrency: Number(process.env.WORKER_CONCURRENCY ?? 5),
});
const inbound = await startEmailInbound(getDb());
console.log("[worker] running");
const stop = async () => {
  await inbound.stop();
  await runner.stop();
  await fanout().close();
  await disconnectDb();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
