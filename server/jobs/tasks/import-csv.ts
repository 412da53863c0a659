import { z } from "zod";
import type { Db } from "../../db/client";
import { runImport, type RunOutcome } from "../../commerce/import-run";

const ZPayload = z.object({ importId: z.uuid() });

/** Runs a confirmed CSV import (idempotent: an import that is cancelled or already finished is skipped). */
export async function importCsvTask(db: Db, rawPayload: unknown, job: { attempts: number; maxAttempts: number }): Promise<RunOutcome> {
  const { importId } = ZPayload.parse(rawPayload);
  return runImport(db, importId, job);
}
