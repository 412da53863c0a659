// A worker process for the crash test: runs one send job and gets killed mid-send by the test.
import { createDb } from "../../../db/client";
import { sendMessageTask } from "../../../jobs/tasks/send-message";
import { registerBuiltInAdapters } from "../../index";

const [url, messageId] = process.argv.slice(2);
if (!url || !messageId) throw new Error("usage: send-job-child <databaseUrl> <messageId>");
registerBuiltInAdapters();
const db = createDb(url, { max: 1 });
const result = await sendMessageTask(db, { messageId }, { attempts: 1, maxAttempts: 8 });
console.log(result);
await db.$disconnect();
process.exit(0);
