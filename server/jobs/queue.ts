import type { Prisma } from "../db/generated/client";

type Tx = Pick<Prisma.TransactionClient, "$executeRaw">;

/** Versioned job names with their payloads (validated again by the task). */
export type JobPayloads = {
  "send-message.v1": { messageId: string };
  "wake-conversation.v1": { conversationId: string };
  "import-csv.v1": { importId: string };
};

/**
 * Enqueue in the caller's transaction (transactional outbox): the job exists iff the row that needs it
 * committed. jobKey makes enqueueing idempotent (the same key replaces a pending job instead of adding one).
 */
export async function enqueue<K extends keyof JobPayloads>(
  tx: Tx,
  task: K,
  payload: JobPayloads[K],
  opts: { jobKey?: string; maxAttempts?: number; runAt?: Date } = {},
): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${task}::text,
    ${JSON.stringify(payload)}::json,
    job_key => ${opts.jobKey ?? null}::text,
    max_attempts => ${opts.maxAttempts ?? 8}::int,
    run_at => ${opts.runAt ?? null}::timestamptz
  )`;
}
