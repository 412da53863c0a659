import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { createCustomer, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";
import { importFilePath } from "./import-files";
import { importNow, rowCounts, testdata, upload } from "./csv/testdata/harness";
import { runImport } from "./import-run";

const db = testDb();

describe("CSV import: all or nothing", () => {
  it("a constraint violation on a late row rolls back everything and the import shows FAILED with the reason", async () => {
    const f = await createWorkspaceWithRoles(db);
    await createCustomer(db, { workspaceId: f.workspace.id, email: "maya.lopez@example.com" });
    const boom = `BOOM-${randomUUID().slice(0, 8)}`;
    const fn = `test_import_refuse_${boom.slice(5)}`;
    // a database-side rule the CSV checks know nothing about, hit by the last row of the file
    await db.$executeRawUnsafe(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW."productName" = '${boom}' THEN RAISE EXCEPTION 'product ${boom} is discontinued' USING ERRCODE = '23514'; END IF; RETURN NEW; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER ${fn} BEFORE INSERT ON "OrderItem" FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    try {
      const csv = `${testdata("orders-good.csv").trimEnd()}\n#5005,zed@example.com,paid,,USD,,,,,2025-12-02,1,${boom},9.00,,Zed,\n`;
      const before = await rowCounts(db, f.workspace.id);
      const res = await upload(db, f.members.lead, csv);
      expect(res.body).toMatchObject({ errorCount: 0, totalRows: 6 });
      const { outcome, job } = await importNow(db, f.members.lead, res.body.id ?? "");
      expect(outcome).toBe("failed");
      expect(job.status).toBe("FAILED");
      expect(job.failureReason).toBe(`The database refused the import: product ${boom} is discontinued. Nothing was imported.`);
      expect(job.finishedAt).not.toBeNull();
      // customers created for earlier rows, orders, items, events, the CSV integration: all rolled back
      expect(await rowCounts(db, f.workspace.id)).toEqual(before);
      expect(await db.commerceIntegration.count({ where: { workspaceId: f.workspace.id } })).toBe(0);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER ${fn} ON "OrderItem"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
  });

  it("the job checks the file again: a row broken after the preview fails the whole import with its line", async () => {
    const f = await createWorkspaceWithRoles(db);
    const before = await rowCounts(db, f.workspace.id);
    const res = await upload(db, f.members.lead, testdata("orders-good.csv"));
    const stored = await db.importJob.findUniqueOrThrow({ where: { id: res.body.id ?? "" } });
    writeFileSync(importFilePath(stored.storageKey), testdata("orders-good.csv").replace("2025-11-30", "30/11/2025"));
    const { outcome, job } = await importNow(db, f.members.lead, stored.id);
    expect(outcome).toBe("failed");
    expect(job).toMatchObject({ status: "FAILED", errorCount: 1, failureReason: "1 error in the file: nothing was imported" });
    expect(job.errors).toEqual([
      {
        line: 5,
        field: "placed_at",
        message: "Created at '30/11/2025' is not a date (use YYYY-MM-DD or ISO 8601, e.g. 2025-11-28T14:05:00Z)",
      },
    ]);
    expect(await rowCounts(db, f.workspace.id)).toEqual(before);
  });

  it("a fulfilment whose order was deleted after the preview fails the import with that line", async () => {
    const f = await createWorkspaceWithRoles(db);
    await importNow(db, f.members.lead, (await upload(db, f.members.lead, testdata("orders-good.csv"))).body.id ?? "");
    const res = await upload(db, f.members.lead, testdata("fulfillments-good.csv"));
    expect(res.body.errorCount).toBe(0);
    await db.order.deleteMany({ where: { workspaceId: f.workspace.id, number: "#5004" } });
    const before = await rowCounts(db, f.workspace.id);
    const { job } = await importNow(db, f.members.lead, res.body.id ?? "");
    expect(job).toMatchObject({ status: "FAILED", errorCount: 1 });
    expect(job.errors).toEqual([{ line: 4, field: "order_number", message: "order #5004 does not exist in this workspace" }]);
    expect(await rowCounts(db, f.workspace.id)).toEqual(before);
    expect((await callerAs(f.members.lead).commerce.listImports({})).items[0]).toMatchObject({ status: "FAILED", errorCount: 1 });
  });
});

describe("CSV import: progress", () => {
  // the embedded PGlite runs one transaction at a time: there, progress shows once the import ends
  it.skipIf(inject("embedded"))("is visible from outside while the transaction is open, and nothing else is", async () => {
    const f = await createWorkspaceWithRoles(db);
    const rows = ["Order number,Email,Placed at,Product,Qty,Price"];
    for (let i = 0; i < 1500; i++) rows.push(`#P${i},p${i % 300}@example.com,2025-11-${1 + (i % 28)},Mug,1,4.70`);
    const res = await upload(db, f.members.lead, rows.join("\n"));
    const id = res.body.id ?? "";
    await callerAs(f.members.lead).commerce.startImport({ id });
    await db.$executeRaw`SELECT graphile_worker.remove_job(${`import-csv:${id}`}::text)`;
    const seen: { checked: number; processed: number; orders: number }[] = [];
    let done = false;
    const watcher = (async () => {
      while (!done) {
        const job = await db.importJob.findUniqueOrThrow({
          where: { id },
          select: { status: true, checkedRows: true, processedRows: true },
        });
        if (job.status === "RUNNING" && (job.checkedRows > 0 || job.processedRows > 0)) {
          seen.push({
            checked: job.checkedRows,
            processed: job.processedRows,
            orders: await db.order.count({ where: { workspaceId: f.workspace.id } }),
          });
        }
        await new Promise((r) => setTimeout(r, 15));
      }
    })();
    const outcome = await runImport(db, id, { attempts: 1, maxAttempts: 2 }, { batchSize: 50, chunkSize: 50 });
    done = true;
    await watcher;
    expect(outcome).toBe("succeeded");
    // progress moved while the import ran (partway snapshots), and no order was visible to anyone meanwhile; near the
    // end a snapshot may already see the commit (progress writes trail by a chunk; SUCCEEDED is set just after it)
    const partway = seen.filter((s) => s.processed < 1400);
    expect(partway.some((s) => (s.checked > 0 && s.checked < 1500) || s.processed > 0)).toBe(true);
    expect(partway.map((s) => s.orders)).toEqual(partway.map(() => 0));
    expect(await db.order.count({ where: { workspaceId: f.workspace.id } })).toBe(1500);
    expect(await db.importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "SUCCEEDED",
      checkedRows: 1500,
      processedRows: 1500,
    });
  });
});
