import { describe, expect, inject, it } from "vitest";
import { createChannel, createConversation, createCustomer, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";
import { capture, createBenchDb } from "../../bench/capture";
import { createCaller } from "../trpc/router";
import { createConversationsBulk, createOrder } from "./customer-panel.fixtures";

const db = testDb();

async function fixture() {
  const ws = await createWorkspaceWithRoles(db);
  const workspaceId = ws.workspace.id;
  const whatsapp = await createChannel(db, { workspaceId, kind: "WHATSAPP", name: "WhatsApp line", ownerTeamId: ws.teams.returns.id });
  const customer = await createCustomer(db, { workspaceId, name: "Maya Lindqvist", phone: "+15555550123" });
  await db.customerIdentity.create({ data: { workspaceId, customerId: customer.id, channelKind: "WHATSAPP", address: "+15555550123" } });
  const emailConv = await createConversation(db, {
    workspaceId,
    channelId: ws.channel.id,
    customerId: customer.id,
    subject: "Where is my parcel?",
    status: "RESOLVED",
    lastMessageAt: new Date(Date.now() - 3 * 86_400_000),
    messages: 2,
  });
  const waConv = await createConversation(db, { workspaceId, channelId: whatsapp.id, customerId: customer.id, messages: 1 });
  return { ...ws, workspaceId, whatsapp, customer, emailConv, waConv };
}

describe("customers.panel", () => {
  it("shows the whole customer: identities, attributes, tags, notes (pinned first), stats, orders and conversations", async () => {
    const f = await fixture();
    const { workspaceId, customer } = f;
    const tag = await db.tag.create({ data: { workspaceId, name: `gift-${customer.id.slice(0, 6)}` } });
    await db.customerTag.create({ data: { workspaceId, customerId: customer.id, tagId: tag.id } });
    await db.customAttributeDefinition.createMany({
      data: [
        { workspaceId, entity: "CUSTOMER", key: "tier", label: "Tier", type: "LIST", options: ["gold", "silver"], position: 0 },
        { workspaceId, entity: "CUSTOMER", key: "birthday", label: "Birthday", type: "DATE", position: 1 },
        { workspaceId, entity: "CONVERSATION", key: "topic", label: "Topic", type: "TEXT" },
      ],
    });
    await db.customer.update({ where: { id: customer.id }, data: { attributes: { tier: "gold", stray: 1 } } });
    const old = await db.note.create({
      data: {
        workspaceId,
        customerId: customer.id,
        authorId: f.members.agent.user.id,
        body: "Prefers WhatsApp",
        createdAt: new Date(Date.now() - 86_400_000),
      },
    });
    await db.noteRevision.create({ data: { workspaceId, noteId: old.id, body: "Prefers email" } });
    await db.note.create({ data: { workspaceId, customerId: customer.id, body: "Newer, unpinned" } });
    const pinned = await db.note.create({
      data: {
        workspaceId,
        customerId: customer.id,
        body: "Allergic to wool",
        pinned: true,
        createdAt: new Date(Date.now() - 5 * 86_400_000),
      },
    });
    for (let i = 0; i < 6; i++)
      await createOrder(db, {
        workspaceId,
        customerId: customer.id,
        placedAt: new Date(Date.now() - (i + 2) * 86_400_000),
        totalCents: 1000,
      });
    await createOrder(db, {
      workspaceId,
      customerId: customer.id,
      currency: "EUR",
      totalCents: 2000,
      status: "CANCELLED",
      placedAt: new Date(Date.now() - 30 * 86_400_000),
    });
    const delayed = await createOrder(db, { workspaceId, customerId: customer.id, delayed: true, totalCents: 4599 });
    const survey = await db.survey.create({
      data: { workspaceId, kind: "CSAT", name: "CSAT", question: "How did we do?", settings: { scale: 5 } },
    });
    await db.surveyResponse.createMany({
      data: [
        {
          workspaceId,
          surveyId: survey.id,
          customerId: customer.id,
          tokenHash: `${customer.id}-1`,
          score: 2,
          answeredAt: new Date(Date.now() - 9e8),
        },
        {
          workspaceId,
          surveyId: survey.id,
          customerId: customer.id,
          tokenHash: `${customer.id}-2`,
          score: 5,
          answeredAt: new Date(Date.now() - 1e8),
        },
        { workspaceId, surveyId: survey.id, customerId: customer.id, tokenHash: `${customer.id}-3`, score: null, answeredAt: null },
      ],
    });

    const panel = await callerAs(f.members.agent).customers.panel({ customerId: customer.id });
    expect(panel.customer).toMatchObject({ id: customer.id, name: "Maya Lindqvist" });
    expect(panel.identities.map((i) => i.channelKind).sort()).toEqual(["EMAIL", "WHATSAPP"]);
    expect(panel.tags.map((t) => t.name)).toEqual([tag.name]);
    expect(panel.attributes.map((a) => [a.key, a.type, a.value])).toEqual([
      ["tier", "LIST", "gold"],
      ["birthday", "DATE", null],
    ]);
    expect(panel.notes.map((n) => [n.id, n.edited])).toEqual([
      [pinned.id, false],
      [expect.any(String), false],
      [old.id, true],
    ]);
    expect(panel.notes[2]?.author?.name).toBe(f.members.agent.user.name);

    expect(panel.stats.orderCount).toBe(8);
    expect(panel.stats.spent).toEqual([
      { currency: "USD", cents: 6 * 1000 + 4599 },
      { currency: "EUR", cents: 0 },
    ]);
    expect(panel.stats.conversationCount).toBe(2);
    expect(panel.stats.lastCsat).toMatchObject({ score: 5, scale: 5 });

    // newest order first, with its delayed flag, items, fulfilment and timeline
    expect(panel.orders.items).toHaveLength(5);
    const first = panel.orders.items[0];
    expect(first).toMatchObject({ id: delayed.id, delayed: true, backordered: false, delayReason: "Weather delay in the carrier network" });
    expect(first?.items.map((i) => i.sku)).toEqual(["SKU-1", "SKU-2"]);
    expect(first?.fulfillments[0]).toMatchObject({ carrier: "UPS", trackingUrl: delayed.fulfillments[0]?.trackingUrl });
    expect(first?.timeline.map((e) => e.kind).sort()).toEqual(["PLACED", "SHIPPED"]);

    // "more": keyset pages until the end, no order twice
    const seen = panel.orders.items.map((o) => o.id);
    let cursor = panel.orders.nextCursor;
    while (cursor) {
      const next = await callerAs(f.members.agent).customers.panelOrders({ customerId: customer.id, cursor });
      seen.push(...next.items.map((o) => o.id));
      cursor = next.nextCursor;
    }
    expect(new Set(seen).size).toBe(8);
    expect(seen).toHaveLength(8);

    expect(panel.conversations.items.map((c) => [c.id, c.channel.kind])).toEqual([
      [f.waConv.id, "WHATSAPP"],
      [f.emailConv.id, "EMAIL"],
    ]);
    expect(panel.conversations.nextCursor).toBeNull();
  });

  it("pages the conversations with a keyset cursor", async () => {
    const f = await fixture();
    await createConversationsBulk(db, {
      workspaceId: f.workspaceId,
      channelId: f.channel.id,
      customerId: f.customer.id,
      teamId: f.teams.support.id,
      n: 12,
      since: new Date(Date.now() - 86_400_000),
    });
    const c = callerAs(f.members.lead);
    const panel = await c.customers.panel({ customerId: f.customer.id });
    const ids = panel.conversations.items.map((x) => x.id);
    let cursor = panel.conversations.nextCursor;
    while (cursor) {
      const next = await c.customers.panelConversations({ customerId: f.customer.id, cursor });
      ids.push(...next.items.map((x) => x.id));
      cursor = next.nextCursor;
    }
    expect(ids).toHaveLength(14);
    expect(new Set(ids).size).toBe(14);
    await expect(c.customers.panelConversations({ customerId: f.customer.id, cursor: "garbage" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("volunteers: only customers with a conversation in their queues, and only those conversations", async () => {
    const f = await fixture();
    const v = callerAs(f.members.volunteer);
    // the WhatsApp conversation is in Returns (the volunteer's team); the email one in Support
    const panel = await v.customers.panel({ customerId: f.customer.id });
    expect(panel.conversations.items.map((c) => c.id)).toEqual([f.waConv.id]);
    expect(panel.stats.conversationCount).toBe(1);

    const stranger = await createCustomer(db, { workspaceId: f.workspaceId });
    await createConversation(db, { workspaceId: f.workspaceId, channelId: f.channel.id, customerId: stranger.id });
    await expect(v.customers.panel({ customerId: stranger.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const orderless = await createCustomer(db, { workspaceId: f.workspaceId });
    await expect(v.customers.panel({ customerId: orderless.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // agents see any customer of the workspace, even one without conversations
    await expect(callerAs(f.members.agent).customers.panel({ customerId: orderless.id })).resolves.toMatchObject({
      customer: { id: orderless.id },
    });
  });

  it("never shows another workspace's customer, and refuses anonymous callers", async () => {
    const f = await fixture();
    const other = await createWorkspaceWithRoles(db);
    const o = callerAs(other.members.admin);
    const cursor = Buffer.from(`${new Date().toISOString()}|${f.waConv.id}`).toString("base64url");
    await expect(o.customers.panel({ customerId: f.customer.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(o.customers.panelOrders({ customerId: f.customer.id, cursor })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(o.customers.panelConversations({ customerId: f.customer.id, cursor })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerAs(null).customers.panel({ customerId: f.customer.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("customers.panel: a fixed number of SQL statements", () => {
  it("runs as many statements for 50 orders and 200 conversations as for 1 and 1", async () => {
    const f = await fixture();
    const big = await createCustomer(db, { workspaceId: f.workspaceId, name: "Big spender" });
    for (let i = 0; i < 50; i++)
      await createOrder(db, {
        workspaceId: f.workspaceId,
        customerId: big.id,
        placedAt: new Date(Date.now() - i * 3_600_000),
        items: 3,
        delayed: i % 7 === 0,
      });
    await createConversationsBulk(db, {
      workspaceId: f.workspaceId,
      channelId: f.channel.id,
      customerId: big.id,
      teamId: f.teams.support.id,
      n: 200,
    });
    for (let i = 0; i < 10; i++)
      await db.note.create({ data: { workspaceId: f.workspaceId, customerId: big.id, body: `note ${i}`, pinned: i === 0 } });
    const small = await createCustomer(db, { workspaceId: f.workspaceId, name: "One of each" });
    await createOrder(db, { workspaceId: f.workspaceId, customerId: small.id });
    await createConversationsBulk(db, {
      workspaceId: f.workspaceId,
      channelId: f.channel.id,
      customerId: small.id,
      teamId: f.teams.support.id,
      n: 1,
    });

    const bench = createBenchDb(inject("databaseUrl"), 4);
    try {
      const caller = createCaller({ db: bench.db, identity: { userId: f.members.agent.user.id, workspaceId: f.workspaceId } });
      await caller.customers.panel({ customerId: small.id }); // warm up (connection setup is not the procedure's)
      const a = await capture(() => caller.customers.panel({ customerId: big.id }));
      const b = await capture(() => caller.customers.panel({ customerId: small.id }));
      expect(a.result.orders.items).toHaveLength(5);
      expect(a.result.conversations.items).toHaveLength(5);
      expect(a.result.stats).toMatchObject({ orderCount: 50, conversationCount: 200 });
      expect(b.result.stats).toMatchObject({ orderCount: 1, conversationCount: 1 });
      const count = (s: { text: string }[]) => s.filter((x) => !/^\s*(BEGIN|COMMIT|ROLLBACK|DEALLOCATE)/i.test(x.text)).length;
      expect(count(a.statements)).toBe(count(b.statements));
      expect(count(a.statements)).toBeLessThanOrEqual(16);
    } finally {
      await bench.close();
    }
  });
});
