// The import's lifecycle after the preview: look at it, list the history, confirm (queue the job), cancel.
import type { Db } from "../db/client";
import { assertCan, type Actor } from "../auth/actor";
import { decodeCursor, encodeCursor } from "../inbox/cursor";
import { enqueue } from "../jobs/queue";
import { AppError } from "../lib/errors";
import { deleteImportFile } from "./import-files";
import { toImportDto, toSummary } from "./import-preview";
import { findImportJob, findImportJobs, markCancelled, markQueued } from "./import.repository";
import type { ImportJobDto, ImportJobSummary, ListImportsInput } from "./import.schemas";

const notFound = () => new AppError("NOT_FOUND", "Import not found");

export const importJobKey = (id: string) => `import-csv:${id}`;

export async function getImport(db: Db, actor: Actor, id: string): Promise<ImportJobDto> {
  assertCan(actor, "commerce.import");
  const row = await findImportJob(db, actor.workspaceId, id);
  if (!row) throw notFound();
  return toImportDto(row);
}

export async function listImports(
  db: Db,
  actor: Actor,
  input: ListImportsInput,
): Promise<{ items: ImportJobSummary[]; nextCursor: string | null }> {
  assertCan(actor, "commerce.import");
  const limit = input.limit ?? 10;
  const rows = await findImportJobs(db, actor.workspaceId, input.cursor ? decodeCursor(input.cursor) : null, limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(toSummary), nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
}

/** Confirms a clean preview: QUEUED and its job enqueued in one transaction (the job exists iff the import is queued). */
export async function startImport(db: Db, actor: Actor, id: string): Promise<ImportJobDto> {
  assertCan(actor, "commerce.import");
  const row = await db.$transaction(async (tx) => {
    const job = await findImportJob(tx, actor.workspaceId, id);
    if (!job) throw notFound();
    if (job.status !== "PREVIEWED") throw new AppError("CONFLICT", `This import is already ${job.status.toLowerCase()}.`);
    if (job.errorCount > 0)
      throw new AppError("BAD_REQUEST", "Fix the errors in the file and upload it again: nothing is imported while a row has an error.");
    if (!(await markQueued(tx, actor.workspaceId, id))) throw new AppError("CONFLICT", "This import changed meanwhile; reload it.");
    // one attempt does the work; a second only after a crash (the transaction rolled back, so it starts over)
    await enqueue(tx, "import-csv.v1", { importId: id }, { jobKey: importJobKey(id), maxAttempts: 2 });
    return findImportJob(tx, actor.workspaceId, id);
  });
  if (!row) throw notFound();
  return toImportDto(row);
}

/** A previewed or queued import can be dropped (its file too); one that is running finishes or fails as a whole. */
export async function cancelImport(db: Db, actor: Actor, id: string): Promise<ImportJobDto> {
  assertCan(actor, "commerce.import");
  const cancelled = await db.$transaction(async (tx) => {
    const job = await findImportJob(tx, actor.workspaceId, id);
    if (!job) throw notFound();
    const done = await markCancelled(tx, actor.workspaceId, id);
    if (!done) throw new AppError("CONFLICT", `This import is ${job.status.toLowerCase()} and can no longer be cancelled.`);
    // a queued job not yet picked up goes away; one already locked by a worker finds the import CANCELLED and stops
    await tx.$executeRaw`SELECT graphile_worker.remove_job(${importJobKey(id)}::text)`;
    return done;
  });
  await deleteImportFile(cancelled.storageKey);
  return getImport(db, actor, id);
}
