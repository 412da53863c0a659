import { readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";
import { dataDir } from "../lib/attachment-store";
import { findActor } from "../workspaces/workspaces.repository";
import { importErrorsResponse, importTemplateResponse } from "./import-downloads";
import { importJobKey } from "./import-jobs";
import { importCsvTask } from "../jobs/tasks/import-csv";
import { importNow, testdata, upload } from "./csv/testdata/harness";

const db = testDb();
const SMALL = "Email,Name\nann@example.com,Ann\n";

afterEach(() => {
  delete process.env.IMPORT_MAX_BYTES;
});

describe("CSV import: who may do what", () => {
  it("refuses anonymous callers, agents and volunteers on every procedure and on the upload", async () => {
    const f = await createWorkspaceWithRoles(db);
    const id = (await upload(db, f.members.lead, SMALL)).body.id ?? "";
    for (const [who, code] of [
      [null, "UNAUTHORIZED"],
      [f.members.agent, "FORBIDDEN"],
      [f.members.volunteer, "FORBIDDEN"],
    ] as const) {
      const c = callerAs(who);
      await expect(c.commerce.getImport({ id }), String(code)).rejects.toMatchObject({ code });
      await expect(c.commerce.listImports({})).rejects.toMatchObject({ code });
      await expect(c.commerce.startImport({ id })).rejects.toMatchObject({ code });
      await expect(c.commerce.cancelImport({ id })).rejects.toMatchObject({ code });
    }
    expect((await upload(db, f.members.agent, SMALL)).status).toBe(403);
    expect((await upload(db, f.members.volunteer, SMALL)).status).toBe(403);
    const volunteer = await findActor(db, f.members.volunteer.user.id, f.workspace.id);
    expect(importTemplateResponse(volunteer, "orders").status).toBe(403);
    expect((await importErrorsResponse(db, volunteer, id)).status).toBe(403);
    expect(importTemplateResponse(null, "orders").status).toBe(401);
    expect((await callerAs(f.members.lead).commerce.getImport({ id })).status).toBe("PREVIEWED");
  });

  it("never shows or touches another workspace's imports", async () => {
    const a = await createWorkspaceWithRoles(db);
    const b = await createWorkspaceWithRoles(db);
    const id = (await upload(db, a.members.lead, SMALL)).body.id ?? "";
    // a member of b claiming a's workspace is not a member there
    const intruder = callerAs({ userId: b.members.admin.user.id, workspaceId: a.workspace.id });
    await expect(intruder.commerce.listImports({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      (await upload(db, { ...b.members.admin, membership: { ...b.members.admin.membership, workspaceId: a.workspace.id } }, SMALL)).status,
    ).toBe(401);

    const other = callerAs(b.members.admin);
    await expect(other.commerce.getImport({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.commerce.startImport({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.commerce.cancelImport({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await other.commerce.listImports({})).items).toEqual([]);
    const bAdmin = await findActor(db, b.members.admin.user.id, b.workspace.id);
    expect((await importErrorsResponse(db, bAdmin, id)).status).toBe(404);
    expect((await callerAs(a.members.lead).commerce.getImport({ id })).status).toBe("PREVIEWED");
  });
});

describe("CSV import: the upload", () => {
  it("refuses a file over the limit with 413 (declared or streamed) and keeps nothing of it", async () => {
    const f = await createWorkspaceWithRoles(db);
    process.env.IMPORT_MAX_BYTES = "2048";
    const big = `Email,Name\n${Array.from({ length: 200 }, (_, i) => `person${i}@example.com,Person ${i}`).join("\n")}\n`;
    const declared = await upload(db, f.members.lead, big, { headers: { "content-length": String(Buffer.byteLength(big)) } });
    expect(declared).toMatchObject({ status: 413, body: { error: expect.stringContaining("larger than") } });
    const streamed = await upload(db, f.members.lead, big);
    expect(streamed.status).toBe(413);
    expect(await db.importJob.count({ where: { workspaceId: f.workspace.id } })).toBe(0);
    const dir = path.join(dataDir(), "imports", f.workspace.id);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses what is not a CSV", async () => {
    const f = await createWorkspaceWithRoles(db);
    expect((await upload(db, f.members.lead, SMALL, { type: "image/png" })).status).toBe(415);
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    const res = await upload(db, f.members.lead, xlsx, { type: "application/vnd.ms-excel", filename: "orders.xlsx" });
    expect(res).toMatchObject({ status: 400, body: { error: expect.stringContaining("Excel workbook") } });
    expect((await upload(db, f.members.lead, SMALL, { kind: "everything" })).status).toBe(400);
  });

  it("offers a template per kind that imports cleanly", async () => {
    const f = await createWorkspaceWithRoles(db);
    const lead = await findActor(db, f.members.lead.user.id, f.workspace.id);
    const customers = importTemplateResponse(lead, "customers");
    expect(customers.headers.get("content-disposition")).toContain("switchboard-customers-template.csv");
    const orders = await importTemplateResponse(lead, "orders").text();
    expect(orders.split("\n")[0]).toContain("Order number,Email,Phone,Customer name,Placed at");
    const res = await upload(db, f.members.lead, orders.replace(/^\uFEFF/, ""));
    expect(res.body).toMatchObject({ kind: "orders", totalRows: 2, errorCount: 0 });
    expect(importTemplateResponse(lead, "invoices").status).toBe(404);
  });
});

describe("CSV import: history and cancelling", () => {
  it("lists imports newest first with a keyset cursor", async () => {
    const f = await createWorkspaceWithRoles(db);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await upload(db, f.members.lead, SMALL, { filename: `c${i}.csv` })).body.id ?? "");
    const caller = callerAs(f.members.admin);
    const first = await caller.commerce.listImports({ limit: 2 });
    expect(first.items.map((i) => i.filename)).toEqual(["c2.csv", "c1.csv"]);
    expect(first.items[0]?.createdBy?.id).toBe(f.members.lead.user.id);
    const second = await caller.commerce.listImports({ limit: 2, cursor: first.nextCursor });
    expect(second).toMatchObject({ items: [{ id: ids[0] }], nextCursor: null });
  });

  it("cancels a queued import: its job is removed and a late run skips it; a finished import cannot be cancelled", async () => {
    const f = await createWorkspaceWithRoles(db);
    const caller = callerAs(f.members.lead);
    const id = (await upload(db, f.members.lead, SMALL)).body.id ?? "";
    await caller.commerce.startImport({ id });
    await expect(caller.commerce.startImport({ id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await caller.commerce.cancelImport({ id })).status).toBe("CANCELLED");
    expect(await db.$queryRaw`SELECT 1 FROM graphile_worker._private_jobs WHERE key = ${importJobKey(id)}`).toEqual([]);
    expect(await importCsvTask(db, { importId: id }, { attempts: 1, maxAttempts: 2 })).toBe("skipped");
    expect(await db.customer.count({ where: { workspaceId: f.workspace.id } })).toBe(0);

    const done = (await upload(db, f.members.lead, testdata("customers-good.csv"))).body.id ?? "";
    expect((await importNow(db, f.members.lead, done)).job.status).toBe("SUCCEEDED");
    await expect(caller.commerce.cancelImport({ id: done })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
