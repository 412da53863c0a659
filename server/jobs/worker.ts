import { EventEmitter } from "node:events";
import {
  Logger,
  consoleLogFactory,
  makeWorkerUtils,
  run,
  runMigrations,
  type Runner,
  type TaskList,
  type WorkerEvents,
} from "graphile-worker";
import type { Db } from "../db/client";
import { registerBuiltInAdapters } from "../channels";
import { sendMessageTask } from "./tasks/send-message";
import { wakeConversationTask } from "./tasks/wake-conversation";
import { importCsvTask } from "./tasks/import-csv";
import { reprocessPendingEmailEvents } from "../channels/email/ingest";
import { compactConversationCounts } from "../inbox/count-conversations";
import { purgeStaleUploads } from "../attachments/purge-uploads";
import { attachmentStore } from "../lib/attachment-store";
import { startLiveness, type LivenessTimings } from "./liveness";

/** Creates/updates the queue's own schema (graphile_worker); run before anything enqueues. */
export async function migrateQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quietLogger() });
}

/** Warnings and errors only: job-level info lines would drown the app's log at peak. */
function quietLogger(): Logger {
  return new Logger((scope) => {
    const log = consoleLogFactory(scope);
    return (level, message) => {
      // LogLevel is a const enum in @graphile/logger (no runtime object), so compare its string values
      const name: string = level;
      if (name === "error" || name === "warning") log(level, message);
    };
  });
}

export function taskList(db: Db): TaskList {
  return {
    "send-message.v1": async (payload, helpers) => {
      await sendMessageTask(db, payload, { attempts: helpers.job.attempts, maxAttempts: helpers.job.max_attempts });
    },
    "wake-conversation.v1": async (payload) => {
      await wakeConversationTask(db, payload);
    },
    "import-csv.v1": async (payload, helpers) => {
      await importCsvTask(db, payload, { attempts: helpers.job.attempts, maxAttempts: helpers.job.max_attempts });
    },
    // inbound email stored but not processed (a crash mid-ingest, a transient DB error): retry it
    reprocess_email_events: async () => {
      await reprocessPendingEmailEvents(db);
    },
    // fold the sidebar's count deltas so reading them stays cheap (see ConversationCount)
    compact_counts: async () => {
      await compactConversationCounts(db);
    },
    // composer uploads never sent within a day (and their bytes, unless referenced elsewhere)
    purge_uploads: async () => {
      await purgeStaleUploads(db);
    },
  };
}

// crontab task identifiers allow no dots
const CRONTAB = ["* * * * * reprocess_email_events", "* * * * * compact_counts", "17 * * * * purge_uploads"].join("\n");

/**
 * The worker: in-process in embedded mode (PGlite delivers no NOTIFY between connections, so it polls),
 * or as N separate processes against a server. Jobs are durable rows; a crash mid-job retries it: embedded mode
 * releases the dead run's locks at start, server mode beats a heartbeat per worker and releases the locks of workers
 * that stopped beating (./liveness.ts).
 */
export async function startWorker(
  db: Db,
  opts: {
    connectionString: string;
    embedded: boolean;
    concurrency?: number;
    /** server mode: heartbeat/sweep timings (tests shorten them) */
    liveness?: Partial<LivenessTimings>;
    /** tests: run only these tasks, without the crontab */
    taskList?: TaskList;
  },
): Promise<Runner> {
  registerBuiltInAdapters();
  attachmentStore(); // a half-configured S3 store (ATTACHMENTS_S3_*) fails the start, naming the variable
  if (opts.embedded) await releaseOrphanedLocks(opts.connectionString);
  // our own emitter, so the liveness sees every worker:create that run() emits before it returns
  const events = new EventEmitter() as WorkerEvents;
  const liveness = opts.embedded ? null : startLiveness(db, events, opts.liveness);
  let runner: Runner;
  try {
    runner = await run({
      connectionString: opts.connectionString,
      concurrency: opts.concurrency ?? (opts.embedded ? 1 : 5),
      pollInterval: opts.embedded ? 500 : 2000,
      noHandleSignals: true,
      logger: quietLogger(),
      events,
      taskList: opts.taskList ?? taskList(db),
      ...(opts.taskList ? {} : { crontab: CRONTAB }),
    });
  } catch (err) {
    await liveness?.stop();
    throw err;
  }
  if (!liveness) return runner;
  return {
    ...runner,
    // the heartbeat goes on while running jobs finish; the rows go after
    stop: async () => {
      try {
        await runner.stop();
      } finally {
        await liveness.stop();
      }
    },
  };
}

/**
 * Embedded mode has exactly one worker, this process: a job still locked at start was held by a previous run that
 * died (crash, kill -9) mid-job, e.g. mid-send. Release it now rather than after graphile's 4-hour lock expiry; the
 * send task's own idempotency (QUEUED check + attempt claim) makes the re-run safe. Server mode runs N workers: there
 * a lock is released only when its worker stopped beating (releaseDeadWorkers in ./liveness.ts).
 */
export async function releaseOrphanedLocks(connectionString: string): Promise<number> {
  const utils = await makeWorkerUtils({ connectionString, logger: quietLogger() });
  try {
    const { rows } = await utils.withPgClient((client) =>
      client.query<{ locked_by: string }>("SELECT DISTINCT locked_by FROM graphile_worker._private_jobs WHERE locked_by IS NOT NULL"),
    );
    if (rows.length) await utils.forceUnlockWorkers(rows.map((r) => r.locked_by));
    return rows.length;
  } finally {
    await utils.release();
  }
}
