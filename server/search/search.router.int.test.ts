import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { createConversation, createCustomer, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";
import { Prisma } from "../db/generated/client";
import type { MessageKind } from "../db/generated/enums";
import type { Actor } from "../auth/actor";
import { findActor } from "../workspaces/workspaces.repository";
import { customerHitsSql, findMessageHits, messageHitsSql, messageSearchPlan } from "./search.repository";

const db = testDb();

async function fixture() {
  const ws = await createWorkspaceWithRoles(db);
  const customer = await createCustomer(db, {
    workspaceId: ws.workspace.id,
    name: "Margaret Holloway",
    email: "maggie.h@acme-widgets.com",
    phone: "+15555550142",
  });
  const conversation = (teamId: string, customerId = customer.id) =>
    createConversation(db, { workspaceId: ws.workspace.id, channelId: ws.channel.id, customerId, teamId });
  const message = (conversationId: string, text: string, extra: { kind?: MessageKind; createdAt?: Date } = {}) =>
    db.message.create({
      data: {
        workspaceId: ws.workspace.id,
        conversationId,
        channelId: ws.channel.id,
        direction: "IN",
        authorType: extra.kind === "NOTE" ? "AGENT" : "CUSTOMER",
        kind: extra.kind ?? "MESSAGE",
        text,
        createdAt: extra.createdAt ?? new Date(),
      },
    });
  return { ...ws, customer, conversation, message };
}

/** A word no other test (or workspace) uses. */
const word = () =>
  `zq${randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 10)}`;

describe("search.messages", () => {
  it("refuses an anonymous caller", async () => {
    await expect(callerAs(null).search.messages({ q: "refund" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerAs(null).search.all({ q: "refund" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("finds messages by stemmed words and highlights them in an escaped snippet", async () => {
    const f = await fixture();
    const c = await f.conversation(f.teams.support.id);
    const tag = word();
    await f.message(c.id, `My order ${tag} was shipped <script>alert(1)</script> on Monday & hasn't arrived; 2 < 3 "really".`);
    await f.message(c.id, `Totally unrelated ${tag} message about a refund`);

    const page = await callerAs(f.members.agent).search.messages({ q: `${tag} shipping` });
    expect(page.items).toHaveLength(1);
    const hit = page.items[0]!;
    expect(hit).toMatchObject({
      conversationId: c.id,
      conversationNumber: c.number,
      customerName: "Margaret Holloway",
      channelKind: "EMAIL",
      kind: "MESSAGE",
    });
    expect(hit.snippet).toContain("<mark>shipped</mark>");
    expect(hit.snippet).toContain("&amp; hasn&#39;t arrived; 2 &lt; 3 &quot;really");
    expect(hit.snippet).not.toContain("<script"); // ts_headline drops tags; anything else is escaped
    expect(hit.snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
    expect(page.nextCursor).toBeNull();
    // websearch syntax: a quoted phrase, and a minus excludes
    expect((await callerAs(f.members.agent).search.messages({ q: `${tag} -refund` })).items).toHaveLength(1);
  });

  it("searches internal notes but not activity events", async () => {
    const f = await fixture();
    const c = await f.conversation(f.teams.support.id);
    const tag = word();
    await f.message(c.id, `Note: customer ${tag} is a reseller`, { kind: "NOTE" });
    await f.message(c.id, `Assigned ${tag} to Support`, { kind: "EVENT" });
    const items = (await callerAs(f.members.agent).search.messages({ q: tag })).items;
    expect(items.map((i) => i.kind)).toEqual(["NOTE"]);
  });

  it("keyset-paginates newest first without repeats or gaps, ties broken by id", async () => {
    const f = await fixture();
    const c = await f.conversation(f.teams.support.id);
    const tag = word();
    const base = Date.now() - 3_600_000;
    const created = [];
    // 4 distinct timestamps for 13 messages: most pages end in the middle of a tie
    for (let i = 0; i < 13; i++)
      created.push(await f.message(c.id, `parcel ${tag} number ${i}`, { createdAt: new Date(base + (i % 4) * 60_000) }));
    const agent = callerAs(f.members.agent);
    const seen: string[] = [];
    let cursor: string | null | undefined = undefined;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof agent.search.messages>> = await agent.search.messages({ q: tag, limit: 5, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(13);
    const expected = [...created].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).map((m) => m.id);
    expect(seen).toEqual(expected);
  });

  it("never shows another workspace's messages", async () => {
    const a = await fixture();
    const b = await fixture();
    const tag = word();
    const mine = await a.message((await a.conversation(a.teams.support.id)).id, `damaged ${tag}`);
    await b.message((await b.conversation(b.teams.support.id)).id, `damaged ${tag}`);
    expect((await callerAs(a.members.admin).search.messages({ q: tag })).items.map((i) => i.id)).toEqual([mine.id]);
  });

  it("gives a volunteer only their teams' conversations", async () => {
    const f = await fixture();
    const tag = word();
    const returns = await f.message((await f.conversation(f.teams.returns.id)).id, `return label ${tag}`);
    await f.message((await f.conversation(f.teams.support.id)).id, `return label ${tag}`);
    expect((await callerAs(f.members.volunteer).search.messages({ q: tag })).items.map((i) => i.id)).toEqual([returns.id]);
    expect((await callerAs(f.members.agent).search.messages({ q: tag })).items).toHaveLength(2);
  });

  it("rejects bad input with a clear BAD_REQUEST", async () => {
    const f = await fixture();
    const agent = callerAs(f.members.agent);
    await expect(agent.search.messages({ q: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at least 2"),
    });
    await expect(agent.search.messages({ q: "   a  " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(agent.search.messages({ q: "x".repeat(500) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("200"),
    });
    await expect(agent.search.messages({ q: "refund", cursor: "garbage" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Invalid cursor",
    });
    await expect(agent.search.customers({ q: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(agent.search.all({ q: "x".repeat(500) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // only stop words or punctuation: no error, nothing found
    expect((await agent.search.messages({ q: "the !!" })).items).toEqual([]);
  });
});

describe("search.customers", () => {
  it("finds customers by partial email, a typo in the name, phone digits and order number", async () => {
    const f = await fixture();
    await f.conversation(f.teams.support.id);
    const other = await createCustomer(db, { workspaceId: f.workspace.id, name: "Tobias Lindqvist", email: "tobias@example.org" });
    await db.order.create({ data: { workspaceId: f.workspace.id, customerId: other.id, number: "#4521", placedAt: new Date() } });
    const agent = callerAs(f.members.agent);
    const ids = async (q: string) => (await agent.search.customers({ q })).map((c) => c.id);

    expect(await ids("acme-widgets")).toEqual([f.customer.id]);
    expect(await ids("MAGGIE.H@acme-widgets.com")).toEqual([f.customer.id]);
    expect(await ids("Margret Holloway")).toEqual([f.customer.id]);
    expect(await ids("holowey")).toEqual([]); // too far: not everything matches
    expect(await ids("555-0142")).toEqual([f.customer.id]);
    expect(await ids("#4521")).toEqual([other.id]);
    expect(await ids("4521")).toEqual([other.id]);
    expect(await ids("#45")).toEqual([other.id]);
    const [hit] = await agent.search.customers({ q: "4521" });
    expect(hit).toMatchObject({ name: "Tobias Lindqvist", matched: "order #4521", latestConversationId: null });
  });

  it("is scoped by workspace, and for a volunteer to customers of their teams' conversations", async () => {
    const f = await fixture();
    const g = await fixture(); // same name and email in another workspace
    await g.conversation(g.teams.returns.id);
    const supportOnly = await createCustomer(db, { workspaceId: f.workspace.id, name: "Margaret Hollis" });
    await f.conversation(f.teams.support.id, supportOnly.id);
    const older = await f.conversation(f.teams.returns.id);
    const latest = await f.conversation(f.teams.support.id);

    const agentHits = await callerAs(f.members.agent).search.customers({ q: "Margaret" });
    expect(agentHits.map((c) => c.id).sort()).toEqual([f.customer.id, supportOnly.id].sort());
    expect(agentHits.find((c) => c.id === f.customer.id)?.latestConversationId).toBe(latest.id);

    const volunteerHits = await callerAs(f.members.volunteer).search.customers({ q: "Margaret" });
    expect(volunteerHits.map((c) => ({ id: c.id, latest: c.latestConversationId }))).toEqual([{ id: f.customer.id, latest: older.id }]);
  });
});

describe("search.all", () => {
  it("returns a conversation by number, message hits and customers in one call", async () => {
    const f = await fixture();
    const c = await f.conversation(f.teams.support.id);
    await f.message(c.id, "Where is Margaret's package?");
    const all = await callerAs(f.members.agent).search.all({ q: "margaret" });
    expect(all.customers.map((x) => x.id)).toEqual([f.customer.id]);
    expect(all.messages.map((m) => m.conversationId)).toEqual([c.id]);
    const byNumber = await callerAs(f.members.agent).search.all({ q: `#${c.number}` });
    expect(byNumber.conversations).toMatchObject([{ id: c.id, number: c.number, channelKind: "EMAIL", customerName: "Margaret Holloway" }]);
    // the volunteer may not open it
    expect((await callerAs(f.members.volunteer).search.all({ q: `#${c.number}` })).conversations).toEqual([]);
  });
});

/**
 * Plans depend on volume: on a handful of rows the planner rightly reads a workspace's rows through the
 * workspaceId btrees. So the plan tests give one workspace a few thousand customers, identities, orders and
 * messages, ANALYZE, and price sequential scans out (`enable_seqscan = off`, transaction-local): then the
 * statements must show the GIN indexes and no sequential scan of a searched table. This proves the indexes
 * CAN and, at volume, DO serve the real statements; the 5M-row timing is the benchmark's job.
 */
// plans are asserted on a real PostgreSQL (CI): the embedded PGlite's planner weighs these small tables differently
describe.skipIf(inject("embedded"))("search query plans", () => {
  const N = 3000;
  async function volume() {
    const f = await fixture();
    const workspaceId = f.workspace.id;
    const seed = word();
    const customers = Array.from({ length: N }, (_, i) => ({
      id: randomUUID(),
      workspaceId,
      name: `${seed} Person ${i}`,
      email: `p${i}.${seed}@mail${i % 50}.example.com`,
      phone: `+1415${String(1_000_000 + i)}`,
    }));
    await db.customer.createMany({ data: customers });
    await db.customerIdentity.createMany({
      data: customers.map((c) => ({ workspaceId, customerId: c.id, channelKind: "EMAIL" as const, address: c.email })),
    });
    await db.order.createMany({
      data: customers.map((c, i) => ({ workspaceId, customerId: c.id, number: `#${700_000 + i}`, placedAt: new Date() })),
    });
    const c = await f.conversation(f.teams.returns.id);
    await db.message.createMany({
      data: Array.from({ length: N }, (_, i) => ({
        workspaceId,
        conversationId: c.id,
        channelId: f.channel.id,
        direction: "IN" as const,
        authorType: "CUSTOMER" as const,
        text: `Message ${i} about order #${700_000 + i}: ${seed} tracking ${i % 7 === 0 ? "delayed" : "fine"}`,
      })),
    });
    for (const table of ["Customer", "CustomerIdentity", "Order", "Conversation", "Message"])
      await db.$executeRawUnsafe(`ANALYZE "${table}"`);
    // what autovacuum does in production: fresh rows sit in each GIN index's pending list, which the planner
    // (rightly) prices as a scan of the whole list
    await db.$queryRaw`SELECT gin_clean_pending_list(c.oid) FROM pg_class c JOIN pg_am am ON am.oid = c.relam
      WHERE am.amname = 'gin' AND c.relname IN ('Message_search_idx', 'Customer_name_trgm_idx', 'Customer_email_lower_trgm_idx',
        'Customer_phone_trgm_idx', 'CustomerIdentity_address_trgm_idx', 'Order_number_trgm_idx')`;
    const agent = (await findActor(db, f.members.agent.user.id, workspaceId)) as Actor;
    const volunteer = (await findActor(db, f.members.volunteer.user.id, workspaceId)) as Actor;
    return { agent, volunteer, seed, workspaceId };
  }

  async function plan(sql: Prisma.Sql): Promise<string> {
    return db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${sql}`);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
  }

  it("message search reads Message through the GIN index on search, and customer search through the trigram indexes", async () => {
    const { agent, volunteer } = await volume();
    for (const actor of [agent, volunteer]) {
      // a rare word (no message has it) and a later page
      const messages = await plan(messageHitsSql(actor, { q: "parcel damaged", after: { at: new Date(), id: randomUUID() }, take: 21 }));
      expect(messages).toContain("Message_search_idx");
      expect(messages).not.toMatch(/Seq Scan on "(Message|Conversation)"/);

      const customers = await plan(customerHitsSql(actor, { q: "margret 555-0142", take: 20 }));
      const orders = await plan(customerHitsSql(actor, { q: "#70012", take: 20 }));
      for (const p of [customers, orders]) expect(p).not.toMatch(/Seq Scan on "(Customer|CustomerIdentity|Order|Conversation)"/);
      for (const index of [
        "Customer_name_trgm_idx",
        "Customer_email_lower_trgm_idx",
        "Customer_phone_trgm_idx",
        "CustomerIdentity_address_trgm_idx",
      ]) {
        expect(customers).toContain(index);
      }
      expect(orders).toContain("Order_number_trgm_idx");
    }
  });

  it("reads a rare term's matches from the GIN index and walks newest-first for a common one, paging both correctly", async () => {
    const { agent, seed, workspaceId } = await volume();
    // the seed word is in every message of the workspace, so ANALYZE lists it among the most common elements
    expect(await messageSearchPlan(db, seed)).toBe("walk");
    expect(await messageSearchPlan(db, `${seed} -zzqqnothing`)).toBe("walk");
    expect(await messageSearchPlan(db, "#700123")).toBe("gin");
    expect(await messageSearchPlan(db, `${seed} #700123`)).toBe("gin"); // AND: as rare as its rarest word
    expect(await messageSearchPlan(db, `${seed} or #700123`)).toBe("walk"); // OR: as common as its commonest
    expect(await messageSearchPlan(db, "#700123 or #700124")).toBe("gin");
    const walk = await plan(messageHitsSql(agent, { q: seed, after: { at: new Date(), id: randomUUID() }, take: 21 }, "walk"));
    expect(walk).toContain("Message_workspaceId_createdAt_id_idx");
    const gin = await plan(messageHitsSql(agent, { q: "#700123", after: { at: new Date(), id: randomUUID() }, take: 21 }, "gin"));
    expect(gin).toContain("Message_search_idx");

    // both plans page newest first, ties (all these messages share createdAt) broken by id
    for (const q of [seed, "delayed", "#700123 OR #700124 OR #700125"]) {
      const expected = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
        SELECT id FROM "Message" WHERE "workspaceId" = ${workspaceId}::uuid
          AND search @@ websearch_to_tsquery('english'::regconfig, ${q}) ORDER BY "createdAt" DESC, id DESC LIMIT 45`);
      const seen: string[] = [];
      let after: { at: Date; id: string } | null = null;
      for (let page = 0; page < 3; page++) {
        const rows = await findMessageHits(db, agent, { q, after, take: 15 });
        seen.push(...rows.map((r) => r.id));
        const last = rows[rows.length - 1];
        if (!last) break;
        after = { at: last.createdAt, id: last.id };
      }
      expect(seen).toEqual(expected.map((r) => r.id));
    }
  });
});
