import { describe, expect, inject, it } from "vitest";
import { createConversation, createCustomer, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";
import { capture, createBenchDb } from "../../bench/capture";
import { createCaller } from "../trpc/router";
import { addIdentity, addOrder, addTag, minutesAgo } from "./directory.fixtures";
import { Prisma } from "../db/generated/client";
import { findActor } from "../workspaces/workspaces.repository";
import { directoryPageSql, type DirectoryKeyset } from "./directory.repository";
import { ZCustomerFilters, type ListCustomersInput } from "./directory.schemas";

const db = testDb();

async function fixture() {
  const ws = await createWorkspaceWithRoles(db);
  const workspaceId = ws.workspace.id;
  const at = (c: { id: string }, lastContactAt: Date | null) => db.customer.update({ where: { id: c.id }, data: { lastContactAt } });
  const ana = await createCustomer(db, {
    workspaceId,
    name: "Ana Pereira",
    email: "ana.pereira@example.org",
    phone: "+14155550101",
    vip: true,
  });
  const bo = await createCustomer(db, { workspaceId, name: "Bo Jensen", email: "bo@jensen.dk" });
  await addIdentity(db, { workspaceId, customerId: bo.id }, "WHATSAPP", "+4520123456");
  const carla = await createCustomer(db, { workspaceId, name: "Carla Diaz", email: "carla@diaz.mx" });
  const noname = await createCustomer(db, { workspaceId, name: null, email: "mystery@example.net" });
  const gone = await createCustomer(db, { workspaceId, name: "Ana P.", email: "ana.p@example.org" });
  await db.customer.update({ where: { id: gone.id }, data: { mergedIntoId: ana.id } });

  await createConversation(db, { workspaceId, channelId: ws.channel.id, customerId: ana.id, status: "OPEN" });
  await createConversation(db, { workspaceId, channelId: ws.channel.id, customerId: ana.id, status: "RESOLVED" });
  await at(ana, minutesAgo(10));
  await at(bo, minutesAgo(24 * 60));
  await at(carla, null);
  await at(noname, minutesAgo(48 * 60));

  const gift = await addTag(db, workspaceId, ana.id, "gift");
  await addTag(db, workspaceId, carla.id, "gift");
  const wholesale = await addTag(db, workspaceId, carla.id, "wholesale");
  await addOrder(db, { workspaceId, customerId: ana.id, number: "#A1001", delayed: true });
  await addOrder(db, { workspaceId, customerId: bo.id, fulfillmentStatus: "BACKORDERED" });
  await addOrder(db, { workspaceId, customerId: carla.id, delivered: true });
  await addOrder(db, { workspaceId, customerId: carla.id, status: "CANCELLED", delayed: true });
  return { ...ws, workspaceId, ana, bo, carla, noname, gone, gift, wholesale };
}

type F = Awaited<ReturnType<typeof fixture>>;
const names = async (f: F, input: ListCustomersInput) =>
  (await callerAs(f.members.lead).customers.list(input)).items.map((c) => c.name ?? c.email);

describe("customers.list", () => {
  it("searches by name, e-mail, phone digits, channel address and order number", async () => {
    const f = await fixture();
    expect(await names(f, { q: "Pereira" })).toEqual(["Ana Pereira"]);
    expect(await names(f, { q: "ana.pereira@example.org" })).toEqual(["Ana Pereira"]);
    expect(await names(f, { q: "jensen.dk" })).toEqual(["Bo Jensen"]);
    expect(await names(f, { q: "(415) 555-0101" })).toEqual(["Ana Pereira"]);
    expect(await names(f, { q: "+45 20 12 34 56" })).toEqual(["Bo Jensen"]);
    expect(await names(f, { q: "#A1001" })).toEqual(["Ana Pereira"]);
    expect(await names(f, { q: "A1001" })).toEqual(["Ana Pereira"]);
    expect(await names(f, { q: "#A100" })).toEqual(["Ana Pereira"]);
    expect(await names(f, { q: "Carla Dias" })).toEqual(["Carla Diaz"]); // a typo
    expect(await names(f, { q: "zzqq-nobody" })).toEqual([]);
  });

  it("filters by tags (all of them), VIP, delayed orders and last contact; hides merged-away records", async () => {
    const f = await fixture();
    expect(await names(f, { sort: "name" })).toEqual(["Ana Pereira", "Bo Jensen", "Carla Diaz", "mystery@example.net"]);
    expect(await names(f, { vip: true })).toEqual(["Ana Pereira"]);
    expect(await names(f, { vip: false, sort: "name" })).toEqual(["Bo Jensen", "Carla Diaz", "mystery@example.net"]);
    expect(await names(f, { tagIds: [f.gift.id], sort: "name" })).toEqual(["Ana Pereira", "Carla Diaz"]);
    expect(await names(f, { tagIds: [f.gift.id, f.wholesale.id] })).toEqual(["Carla Diaz"]);
    // Ana: delayed fulfilment; Bo: backordered; Carla's delayed order was cancelled, her other one delivered
    expect(await names(f, { hasDelayedOrder: true, sort: "name" })).toEqual(["Ana Pereira", "Bo Jensen"]);
    expect(await names(f, { hasDelayedOrder: false, sort: "name" })).toEqual(["Carla Diaz", "mystery@example.net"]);
    expect(await names(f, { lastContact: { from: minutesAgo(180) } })).toEqual(["Ana Pereira"]);
    expect(await names(f, { lastContact: { to: minutesAgo(60) } })).toEqual(["Bo Jensen", "mystery@example.net"]);
    expect(await names(f, { q: "ana" })).not.toContain("Ana P.");
  });

  it("sorts by last contact (never contacted last), name (unnamed last) and creation", async () => {
    const f = await fixture();
    expect(await names(f, { sort: "recent" })).toEqual(["Ana Pereira", "Bo Jensen", "mystery@example.net", "Carla Diaz"]);
    expect(await names(f, { sort: "created" })).toEqual(["mystery@example.net", "Carla Diaz", "Bo Jensen", "Ana Pereira"]);
  });

  it("returns the row DTO: primary contacts, channels, tags, order and open conversation counts", async () => {
    const f = await fixture();
    const { items } = await callerAs(f.members.agent).customers.list({ sort: "name" });
    const ana = items.find((c) => c.id === f.ana.id);
    const bo = items.find((c) => c.id === f.bo.id);
    expect(ana).toMatchObject({
      email: "ana.pereira@example.org",
      phone: "+14155550101",
      vip: true,
      orderCount: 1,
      openConversationCount: 1,
    });
    expect(ana?.tags.map((t) => t.name)).toEqual(["gift"]);
    expect(ana?.lastContactAt).toBeInstanceOf(Date);
    // no phone on the record: the WhatsApp address stands in
    expect(bo).toMatchObject({ phone: "+4520123456", orderCount: 1, openConversationCount: 0 });
    expect([...(bo?.channelKinds ?? [])].sort()).toEqual(["EMAIL", "WHATSAPP"]);
  });

  it("refuses volunteers and anonymous callers; never lists another workspace's customers", async () => {
    const f = await fixture();
    await expect(callerAs(f.members.volunteer).customers.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(null).customers.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const other = await createWorkspaceWithRoles(db);
    await createCustomer(db, { workspaceId: other.workspace.id, name: "Ana Pereira" });
    const theirs = await callerAs(other.members.admin).customers.list({ q: "Ana Pereira" });
    expect(theirs.items.map((c) => c.id)).not.toContain(f.ana.id);
    expect(theirs.items).toHaveLength(1);
  });
});

describe("customers.list keyset pagination", () => {
  async function many() {
    const f = await fixture();
    const { workspaceId } = f;
    for (let i = 0; i < 19; i++) {
      const c = await createCustomer(db, { workspaceId, name: i % 5 === 0 ? null : `Person ${String(i % 7).padStart(2, "0")}` });
      // repeated names and repeated timestamps: the id breaks ties
      await db.customer.update({ where: { id: c.id }, data: { lastContactAt: i % 4 === 0 ? null : minutesAgo(100 + (i % 6)) } });
    }
    return f;
  }

  const EXPECTED = {
    recent: `"lastContactAt" DESC NULLS LAST, id DESC`,
    name: `name ASC NULLS LAST, id ASC`,
    created: `"createdAt" DESC, id DESC`,
  } as const;

  for (const sort of ["recent", "name", "created"] as const) {
    it(`walks every customer exactly once by ${sort}, also while customers are added`, async () => {
      const f = await many();
      const expected = (
        await db.$queryRawUnsafe<{ id: string }[]>(
          `SELECT id FROM "Customer" WHERE "workspaceId" = $1::uuid AND "mergedIntoId" IS NULL ORDER BY ${EXPECTED[sort]}`,
          f.workspaceId,
        )
      ).map((r) => r.id);
      expect(expected).toHaveLength(23);
      const caller = callerAs(f.members.lead);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await caller.customers.list({ sort, limit: 4, cursor });
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
        pages += 1;
        if (pages === 2) {
          // concurrent writes between pages: a newest, a first-by-name, and an unnamed never-contacted customer
          const a = await createCustomer(db, { workspaceId: f.workspaceId, name: "Aaron Aardvark" });
          await db.customer.update({ where: { id: a.id }, data: { lastContactAt: new Date() } });
          await createCustomer(db, { workspaceId: f.workspaceId, name: null });
        }
      } while (cursor && pages < 20);
      expect(new Set(seen).size).toBe(seen.length); // no duplicates
      expect(seen.filter((id) => expected.includes(id))).toEqual(expected); // no skips, in order
    });
  }

  it("refuses a cursor from another sort or a forged one", async () => {
    const f = await many();
    const caller = callerAs(f.members.lead);
    const { nextCursor } = await caller.customers.list({ sort: "name", limit: 2 });
    await expect(caller.customers.list({ sort: "recent", cursor: nextCursor })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.customers.list({ sort: "name", cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("runs one statement per page, whatever the page's size", async () => {
    const f = await many();
    const bench = createBenchDb(inject("databaseUrl"), 2);
    try {
      const caller = createCaller({ db: bench.db, identity: { userId: f.members.lead.user.id, workspaceId: f.workspaceId } });
      await caller.customers.list({ limit: 1 }); // warm up
      const small = await capture(() => caller.customers.list({ limit: 1 }));
      const big = await capture(() => caller.customers.list({ limit: 50, q: "Person" }));
      const count = (s: { text: string }[]) => s.filter((x) => /^\s*(SELECT|WITH|\()/i.test(x.text) && !/"Membership"/.test(x.text)).length;
      expect(big.result.items.length).toBeGreaterThan(10);
      expect(count(big.statements)).toBe(count(small.statements));
      expect(count(big.statements)).toBe(1);
    } finally {
      await bench.close();
    }
  });
});

/**
 * Plans depend on volume: on a few rows the planner rightly scans. So a workspace gets a few thousand customers,
 * identities, orders and fulfilments, ANALYZE runs, and sequential scans are priced out (`enable_seqscan = off`,
 * transaction-local, as in the search plan tests): every directory statement must then be served by indexes —
 * the trigram GINs for a search, the sort's btree for a page. Timing at 100k+ rows is the benchmark's job.
 */
// plans are asserted on a real PostgreSQL (CI): the embedded PGlite's planner weighs these small tables differently
describe.skipIf(inject("embedded"))("customers.list query plans", () => {
  it("reads Customer, CustomerIdentity, Order and Fulfillment through indexes for every sort, search and filter", async () => {
    const f = await fixture();
    const { workspaceId } = f;
    const N = 2000;
    const ids = Array.from({ length: N }, () => crypto.randomUUID());
    await db.customer.createMany({
      data: ids.map((id, i) => ({
        id,
        workspaceId,
        name: i % 9 === 0 ? null : `Volume ${i}`,
        email: `v${i}@vol${i % 40}.example.com`,
        phone: `+1212${String(1_000_000 + i)}`,
        lastContactAt: i % 5 === 0 ? null : minutesAgo(i),
      })),
    });
    await db.customerIdentity.createMany({
      data: ids.map((customerId, i) => ({
        workspaceId,
        customerId,
        channelKind: "EMAIL" as const,
        address: `v${i}@vol${i % 40}.example.com`,
      })),
    });
    await db.order.createMany({
      data: ids.map((customerId, i) => ({ workspaceId, customerId, number: `#P${900_000 + i}`, placedAt: new Date() })),
    });
    for (const t of ["Customer", "CustomerIdentity", "Order", "Fulfillment", "CustomerTag", "Conversation"])
      await db.$executeRawUnsafe(`ANALYZE "${t}"`);
    await db.$queryRaw`SELECT gin_clean_pending_list(c.oid) FROM pg_class c JOIN pg_am am ON am.oid = c.relam
      WHERE am.amname = 'gin' AND c.relname IN ('Customer_name_trgm_idx', 'Customer_email_lower_trgm_idx', 'Customer_phone_trgm_idx',
        'CustomerIdentity_address_trgm_idx', 'Order_number_trgm_idx')`;
    const actor = await findActor(db, f.members.lead.user.id, workspaceId);
    if (!actor) throw new Error("actor");
    const plan = (input: Record<string, unknown>, after: DirectoryKeyset | null = null) =>
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        const sql = directoryPageSql(actor, { filters: ZCustomerFilters.parse(input), after, take: 51 });
        const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${sql}`);
        return rows.map((r) => r["QUERY PLAN"]).join("\n");
      });
    const noSeq = /Seq Scan on "(Customer|CustomerIdentity|Order|Fulfillment|Conversation|CustomerTag)"/;
    const after = { seg: 0 as const, value: minutesAgo(500).toISOString(), id: ids[500] ?? "" };
    const cases: [Record<string, unknown>, string[], DirectoryKeyset | null][] = [
      [{ sort: "recent" }, ["Customer_workspaceId_lastContactAt_id_idx"], after],
      [{ sort: "name" }, ["Customer_workspaceId_name_id_idx"], { seg: 0, value: "Volume 5", id: ids[5] ?? "" }],
      [{ sort: "created" }, ["Customer_workspaceId_createdAt_id_idx"], null],
      // name similarity: with a 2,000-row workspace the planner may rightly prefer the workspace index and filter
      // (it did once the suite's other files had filled the table), so only the no-Seq-Scan rule is pinned here
      [{ q: "Volume 77" }, [], null],
      [{ q: "v77@vol37" }, ["Customer_email_lower_trgm_idx", "CustomerIdentity_address_trgm_idx"], null],
      [{ q: "(212) 100-0077" }, ["Customer_phone_trgm_idx"], null],
      // the exact number through its unique index; for the prefix match the planner may likewise prefer the
      // workspace's own Order index and filter 2,000 rows over the trigram index (seen once in CI): not pinned
      [{ q: "#P900077" }, ["Order_workspaceId_number_key"], null],
      [{ hasDelayedOrder: true }, ["Fulfillment_workspaceId_delayed_eta_idx", "Order_workspaceId_fulfillmentStatus_idx"], null],
      [{ tagIds: [f.gift.id], sort: "name" }, [], null],
    ];
    for (const [input, indexes, k] of cases) {
      const text = await plan(input, k);
      expect(text, JSON.stringify(input)).not.toMatch(noSeq);
      for (const index of indexes) expect(text, JSON.stringify(input)).toContain(index);
    }
  });
});
