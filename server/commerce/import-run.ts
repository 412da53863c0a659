// The import job: re-reads and re-checks the file, stages every row in temp tables and writes them set-based — all in
// ONE transaction, so an error anywhere (a bad row, a constraint) leaves nothing behind. Progress goes to the
// ImportJob row over other connections while that transaction is open.
import type { Db } from "../db/client";
import { checkCsv, type RowError, type StagedRow } from "./csv/check";
import type { ImportKindKey } from "./csv/columns";
import { CsvFileError } from "./csv/reader";
import { addCounts, type ImportCounts, type Tx } from "./csv/sql";
import { createCustomerStaging, stageCustomers, writeCustomers } from "./csv/write-customers";
import { createFulfillmentStaging, resolveFulfillments, stageFulfillments, writeFulfillments } from "./csv/write-fulfillments";
import { createOrderStaging, stageOrderLines, writeOrders } from "./csv/write-orders";
import { deleteImportFile, importFilePath } from "./import-files";
import { KIND_FROM_DB } from "./import-preview";
import { claimImportJob, csvIntegrationId, finishImportJob, lockWorkspaceImports, setImportProgress } from "./import.repository";

const MAX_ERRORS = 200;

export type RunPhase = "checkAndStage" | "write" | "commit";
export type RunPhases = Partial<Record<RunPhase, number>>;
/** Sizes are tunable for tests and the bench; onPhase reports where the time went (ms). */
export type RunOptions = { batchSize?: number; chunkSize?: number; onPhase?: (phase: RunPhase, ms: number) => void };
export type RunOutcome = "succeeded" | "failed" | "skipped";

class RowsInvalid extends Error {
  constructor(
    readonly errors: RowError[],
    readonly count: number,
  ) {
    super(`${count} ${count === 1 ? "error" : "errors"} in the file: nothing was imported`);
  }
}

/** One progress write in flight at a time, the newest values win; never awaited inside the import transaction. */
function progressReporter(db: Db, id: string) {
  let pending: { checkedRows?: number; processedRows?: number } | null = null;
  let inflight: Promise<void> | null = null;
  const pump = () => {
    if (inflight || !pending) return;
    const p = pending;
    pending = null;
    inflight = setImportProgress(db, id, p)
      .catch(() => undefined)
      .finally(() => {
        inflight = null;
        pump();
      });
  };
  return {
    report: (p: { checkedRows?: number; processedRows?: number }) => {
      pending = { ...pending, ...p };
      pump();
    },
    flush: async () => {
      while (inflight) await inflight;
    },
  };
}

/** SQLSTATE and message of a database error, wherever the driver adapter put them. */
export function databaseError(err: unknown): { code: string; message: string } | null {
  const seen = new Set<unknown>();
  const walk = (v: unknown, depth: number): { code: string; message: string } | null => {
    if (!v || typeof v !== "object" || seen.has(v) || depth > 5) return null;
    seen.add(v);
    const o = v as Record<string, unknown>;
    // Prisma's own codes (P2010 "raw query failed") look like SQLSTATEs: the database's is the adapter's originalCode
    const prisma = typeof o.name === "string" && o.name.startsWith("PrismaClient");
    const code = o.originalCode ?? (prisma ? undefined : o.code);
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) {
      const message = o.originalMessage ?? o.message;
      return { code, message: typeof message === "string" ? message : String(code) };
    }
    for (const k of ["cause", "meta", "driverAdapterError"]) {
      const hit = walk(o[k], depth + 1);
      if (hit) return hit;
    }
    return null;
  };
  return walk(err, 0);
}

/** The temp table for this kind of file (dropped at commit) and the function that fills it batch by batch. */
async function openStaging(tx: Tx, kind: ImportKindKey): Promise<(rows: StagedRow<ImportKindKey>[]) => Promise<void>> {
  if (kind === "customers") {
    await createCustomerStaging(tx);
    return (rows) => stageCustomers(tx, rows as StagedRow<"customers">[]);
  }
  if (kind === "orders") {
    await createOrderStaging(tx);
    return (rows) => stageOrderLines(tx, rows as StagedRow<"orders">[]);
  }
  await createFulfillmentStaging(tx);
  return (rows) => stageFulfillments(tx, rows as StagedRow<"fulfillments">[]);
}

export async function runImport(
  db: Db,
  importId: string,
  attempt: { attempts: number; maxAttempts: number },
  opts: RunOptions = {},
): Promise<RunOutcome> {
  const job = await claimImportJob(db, importId, attempt.attempts > 1);
  if (!job) return "skipped";
  const progress = progressReporter(db, job.id);
  const kind = KIND_FROM_DB[job.kind];
  const file = importFilePath(job.storageKey);
  // orders (or rows) per chunk of set-based statements: big enough to amortise them, small enough for the progress bar
  const chunkSize = opts.chunkSize ?? 2500;
  let committing = 0;
  try {
    const counts = await db.$transaction(
      async (tx: Tx) => {
        await lockWorkspaceImports(tx, job.workspaceId);
        const stage = await openStaging(tx, kind);
        const t0 = performance.now();
        const checked = await checkCsv(file, {
          kind,
          maxErrors: MAX_ERRORS,
          sampleSize: 0,
          batchSize: opts.batchSize ?? 5000,
          onBatch: stage,
          onProgress: (n) => progress.report({ checkedRows: n }),
        });
        if (checked.fileErrors.length) throw new CsvFileError(checked.fileErrors.join(" "));
        if (checked.errorCount) throw new RowsInvalid(checked.errors, checked.errorCount);
        const t1 = performance.now();
        opts.onPhase?.("checkAndStage", t1 - t0);
        const onChunk = (n: number) => progress.report({ processedRows: n });
        const out: ImportCounts = {};
        if (kind === "customers") addCounts(out, await writeCustomers(tx, { workspaceId: job.workspaceId, chunkSize, onChunk }));
        else if (kind === "orders") {
          const integrationId = await csvIntegrationId(tx, job.workspaceId);
          addCounts(out, await writeOrders(tx, { workspaceId: job.workspaceId, integrationId, importId: job.id, chunkSize, onChunk }));
        } else {
          const missing = await resolveFulfillments(tx, job.workspaceId, MAX_ERRORS);
          if (missing.missing) throw new RowsInvalid(missing.errors, missing.missing);
          addCounts(out, await writeFulfillments(tx, { workspaceId: job.workspaceId, importId: job.id, chunkSize, onChunk }));
        }
        opts.onPhase?.("write", performance.now() - t1);
        committing = performance.now();
        return { ...out, rows: checked.totalRows };
      },
      // one transaction for the whole file: allow it the time a very large file needs
      { timeout: 4 * 60 * 60 * 1000, maxWait: 60_000 },
    );
    opts.onPhase?.("commit", performance.now() - committing);
    await progress.flush();
    await finishImportJob(db, job.id, { status: "SUCCEEDED", counts, processedRows: counts.rows, errors: [], errorCount: 0 });
    await deleteImportFile(job.storageKey);
    return "succeeded";
  } catch (err) {
    await progress.flush();
    const dbErr = databaseError(err);
    const final =
      err instanceof RowsInvalid ||
      err instanceof CsvFileError ||
      // data and constraint errors (classes 22, 23) fail the same way on every attempt
      (dbErr !== null && /^(22|23)/.test(dbErr.code)) ||
      attempt.attempts >= attempt.maxAttempts;
    if (!final) {
      await finishImportJob(db, job.id, { status: "QUEUED", failureReason: `Interrupted (${errorText(err)}); retrying` });
      throw err;
    }
    const rows = err instanceof RowsInvalid ? err : null;
    await finishImportJob(db, job.id, {
      status: "FAILED",
      errors: rows?.errors ?? [],
      errorCount: rows?.count ?? 0,
      processedRows: 0,
      failureReason: rows
        ? rows.message
        : dbErr
          ? `The database refused the import: ${dbErr.message}. Nothing was imported.`
          : `${errorText(err)}. Nothing was imported.`,
    });
    await deleteImportFile(job.storageKey);
    return "failed";
  }
}

function errorText(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split("\n")[0]?.slice(0, 500) ?? "Unknown error";
}
