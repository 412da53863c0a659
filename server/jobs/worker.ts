import { Logger, consoleLogFactory, run, runMigrations, type Runner, type TaskList } from "graphile-worker";
import type { Db } from "../db/client";
import { sendMessageTask } from "./tasks/send-message";
import { wakeConversationTask } from "./tasks/wake-conversation";

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
  };
}

/**
 * The worker: in-process in embedded mode (PGlite delivers no NOTIFY between connections, so it polls),
 * or as N separate processes against a server. Jobs are durable rows; a crash mid-job retries it.
 */
export async function startWorker(db: Db, opts: { connectionString: string; embedded: boolean; concurrency?: number }): Promise<Runner> {
  return run({
    connectionString: opts.connectionString,
    concurrency: opts.concurrency ?? (opts.embedded ? 1 : 5),
    pollInterval: opts.embedded ? 500 : 2000,
    noHandleSignals: true,
    logger: quietLogger(),
    taskList: taskList(db),
  });
}
