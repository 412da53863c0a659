import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { createCustomer, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { testDb } from "../../test/db";
import type { Actor } from "../auth/actor";
import { findActor } from "../workspaces/workspaces.repository";
import { addTag } from "./directory.fixtures";
import { ZCustomerFilters } from "./directory.schemas";
import { exportCustomersCsv } from "./export-customers";

const db = testDb();

async function read(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  const reader = stream.getReader();
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true }); // keep the BOM to check it
  let text = "";
  let chunks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks += 1;
    text += decoder.decode(value, { stream: true });
  }
  return { text, chunks };
}

async function fixture() {
  const ws = await createWorkspaceWithRoles(db);
  const workspaceId = ws.workspace.id;
  const tagged: string[] = [];
  for (let i = 0; i < 11; i++) {
    const c = await createCustomer(db, {
      workspaceId,
      name: i === 0 ? '=HYPERLINK("http://evil")' : `Export ${i}`,
      phone: `+1415555${String(1000 + i)}`,
    });
    if (i % 2 === 0) {
      await addTag(db, workspaceId, c.id, "export-me");
      tagged.push(c.id);
    }
  }
  await createCustomer(db, { workspaceId, name: "Not tagged" });
  const actor = async (m: { user: { id: string } }) => (await findActor(db, m.user.id, workspaceId)) as Actor;
  const tag = await db.tag.findFirstOrThrow({ where: { workspaceId, name: "export-me" } });
  return { ...ws, workspaceId, tagged, tag, actor };
}

describe("customers CSV export", () => {
  it("streams every customer of the filter in keyset batches, escapes formulas, and is audited", async () => {
    const f = await fixture();
    const lead = await f.actor(f.members.lead);
    const filters = ZCustomerFilters.parse({ tagIds: [f.tag.id], sort: "name" });
    const { text, chunks } = await read(await exportCustomersCsv(db, lead, filters, { batch: 2 }));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parse<Record<string, string>>(text.slice(1), { columns: true });
    expect(rows.map((r) => r.id).sort()).toEqual([...f.tagged].sort());
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(chunks).toBeGreaterThanOrEqual(1 + Math.ceil(f.tagged.length / 2)); // header + one chunk per batch
    const evil = rows.find((r) => r.name?.includes("HYPERLINK"));
    expect(evil?.name).toBe('\'=HYPERLINK("http://evil")');
    expect(evil?.phone).toBe("+14155551000"); // a phone is not a formula
    expect(rows[0]).toMatchObject({ vip: "no", channels: "EMAIL", tags: "export-me", orders: "0", open_conversations: "0" });

    const audit = await db.auditLog.findMany({
      where: { workspaceId: f.workspaceId, actorId: lead.userId },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["customers.export", "customers.export.completed"]);
    expect(audit[1]?.data).toMatchObject({ rows: f.tagged.length, filters: { tagIds: [f.tag.id], sort: "name" } });
  });

  it("pulls batches only as the client reads: a download cancelled early never completes", async () => {
    const f = await fixture();
    const admin = await f.actor(f.members.admin);
    const stream = await exportCustomersCsv(db, admin, ZCustomerFilters.parse({}), { batch: 5 });
    const reader = stream.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain("id,name,email,phone");
    await reader.cancel();
    const audit = await db.auditLog.findMany({ where: { workspaceId: f.workspaceId, actorId: admin.userId } });
    // cancelled before the end: started, never completed
    expect(audit.map((a) => a.action)).toEqual(["customers.export"]);
  });

  it("refuses agents and volunteers (nothing is audited for them)", async () => {
    const f = await fixture();
    for (const m of [f.members.agent, f.members.volunteer]) {
      const actor = await f.actor(m);
      await expect(exportCustomersCsv(db, actor, ZCustomerFilters.parse({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.auditLog.count({ where: { workspaceId: f.workspaceId } })).toBe(0);
  });

  it("exports only the actor's workspace", async () => {
    await fixture();
    const other = await createWorkspaceWithRoles(db);
    const theirs = (await findActor(db, other.members.admin.user.id, other.workspace.id)) as Actor;
    const { text } = await read(await exportCustomersCsv(db, theirs, ZCustomerFilters.parse({ q: "Export" })));
    const rows = parse<Record<string, string>>(text.slice(1), { columns: true });
    expect(rows).toEqual([]);
  });
});
