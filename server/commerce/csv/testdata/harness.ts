// Test helpers for the import: upload through the real handler, confirm through tRPC, run the job's task body.
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import type { Db } from "../../../db/client";
import type { MemberFixture } from "../../../../prisma/seed/factories";
import { callerAs } from "../../../../test/db";
import { findActor } from "../../../workspaces/workspaces.repository";
import { handleImportUpload } from "../../import-upload";
import { importJobKey } from "../../import-jobs";
import { importCsvTask } from "../../../jobs/tasks/import-csv";

// uploaded files go to a throwaway data dir, not the developer's .data
process.env.SWITCHBOARD_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), "switchboard-import-test-"));

export const testdata = (name: string) => readFileSync(path.join(import.meta.dirname, name), "utf8");

export async function upload(
  db: Db,
  who: MemberFixture,
  csv: string | Uint8Array,
  opts: { kind?: string; filename?: string; type?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: { id?: string; error?: string; errorCount?: number; kind?: string; totalRows?: number } }> {
  const actor = await findActor(db, who.user.id, who.membership.workspaceId);
  const req = new Request(`http://localhost/api/imports?kind=${opts.kind ?? "auto"}`, {
    method: "POST",
    body: typeof csv === "string" ? csv : new Blob([new Uint8Array(csv)]),
    headers: { "content-type": opts.type ?? "text/csv", "x-filename": encodeURIComponent(opts.filename ?? "data.csv"), ...opts.headers },
  });
  const res = await handleImportUpload(db, actor, req);
  return { status: res.status, body: (await res.json()) as { id?: string; error?: string } };
}

/** Confirms the import (the job is enqueued) and runs the job's task as the worker would. → the finished import. */
export async function importNow(db: Db, who: MemberFixture, id: string) {
  const caller = callerAs(who);
  const queued = await caller.commerce.startImport({ id });
  expect(queued.status).toBe("QUEUED");
  // the worker would pick this job up; take it off the shared queue so no other test's worker runs it too
  const jobs = await db.$queryRaw<{ payload: { importId: string } }[]>`
    SELECT payload FROM graphile_worker._private_jobs WHERE key = ${importJobKey(id)}`;
  expect(jobs.map((j) => j.payload.importId)).toEqual([id]);
  await db.$executeRaw`SELECT graphile_worker.remove_job(${importJobKey(id)}::text)`;
  const outcome = await importCsvTask(db, { importId: id }, { attempts: 1, maxAttempts: 2 });
  return { outcome, job: await caller.commerce.getImport({ id }) };
}

/** Everything an import can write in a workspace, counted (to prove "nothing written"). */
export async function rowCounts(db: Db, workspaceId: string) {
  const w = { workspaceId };
  const [customers, identities, orders, items, fulfillments, events, tags, customerTags] = await Promise.all([
    db.customer.count({ where: w }),
    db.customerIdentity.count({ where: w }),
    db.order.count({ where: w }),
    db.orderItem.count({ where: w }),
    db.fulfillment.count({ where: w }),
    db.orderEvent.count({ where: w }),
    db.tag.count({ where: w }),
    db.customerTag.count({ where: w }),
  ]);
  return { customers, identities, orders, items, fulfillments, events, tags, customerTags };
}
