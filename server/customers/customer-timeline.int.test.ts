import { describe, expect, it } from "vitest";
import { createChannel, createConversation, createCustomer, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";
import { addIdentity, addOrder, minutesAgo } from "./directory.fixtures";
import { compareEntries } from "./customer-timeline";

const db = testDb();
const DAY = 24 * 60;

async function fixture() {
  const ws = await createWorkspaceWithRoles(db);
  const workspaceId = ws.workspace.id;
  const whatsapp = await createChannel(db, { workspaceId, kind: "WHATSAPP", name: "WhatsApp", ownerTeamId: ws.teams.returns.id });
  const customer = await createCustomer(db, { workspaceId, name: "Maya Lindqvist", email: "maya@example.se", phone: "+46701234567" });
  await addIdentity(db, { workspaceId, customerId: customer.id }, "WHATSAPP", "+46701234567");
  const conv = (at: Date, channelId: string, subject: string | null) =>
    createConversation(db, { workspaceId, channelId, customerId: customer.id, lastMessageAt: at, subject, messages: 0 });
  const c5 = await conv(minutesAgo(5 * DAY), ws.channel.id, "Which size?");
  const c3 = await conv(minutesAgo(3 * DAY), whatsapp.id, null);
  const c1 = await conv(minutesAgo(1 * DAY), ws.channel.id, "Where is my parcel?");
  const order = await addOrder(db, {
    workspaceId,
    customerId: customer.id,
    number: "#M5001",
    placedAt: minutesAgo(6 * DAY),
    events: [
      { kind: "PLACED", at: minutesAgo(6 * DAY) },
      { kind: "PAID", at: minutesAgo(6 * DAY - 1) },
      { kind: "SHIPPED", at: minutesAgo(4 * DAY), data: { carrier: "PostNord" } },
      { kind: "DELAYED", at: minutesAgo(2 * DAY), data: { reason: "Weather" } },
      { kind: "DELIVERED", at: minutesAgo(DAY / 2) },
    ],
  });
  return { ...ws, workspaceId, whatsapp, customer, c1, c3, c5, order };
}

const label = (e: { type: string; conversation?: { id: string }; event?: { kind: string } }) =>
  e.type === "conversation" ? `conv:${e.conversation?.id}` : `order:${e.event?.kind}`;

describe("customers.timeline", () => {
  it("interleaves conversations on every channel with order events, newest first (PAID left out)", async () => {
    const f = await fixture();
    const page = await callerAs(f.members.agent).customers.timeline({ customerId: f.customer.id });
    expect(page.items.map(label)).toEqual([
      "order:DELIVERED",
      `conv:${f.c1.id}`,
      "order:DELAYED",
      `conv:${f.c3.id}`,
      "order:SHIPPED",
      `conv:${f.c5.id}`,
      "order:PLACED",
    ]);
    expect(page.nextCursor).toBeNull();
    const wa = page.items.find((e) => e.type === "conversation" && e.conversation.id === f.c3.id);
    expect(wa).toMatchObject({ conversation: { channel: { kind: "WHATSAPP", name: "WhatsApp" }, status: "OPEN" } });
    const delayed = page.items.find((e) => e.type === "orderEvent" && e.event.kind === "DELAYED");
    expect(delayed).toMatchObject({ event: { data: { reason: "Weather" }, order: { id: f.order.id, number: "#M5001" } } });
  });

  it("pages with one keyset across both sources: every entry once, in order, ties broken by id", async () => {
    const f = await fixture();
    // a conversation and an order event at the very same millisecond
    const tie = minutesAgo(2.5 * DAY);
    const tc = await createConversation(db, {
      workspaceId: f.workspaceId,
      channelId: f.channel.id,
      customerId: f.customer.id,
      lastMessageAt: tie,
    });
    await db.orderEvent.create({
      data: { workspaceId: f.workspaceId, orderId: f.order.id, kind: "NOTE", occurredAt: tie, data: { text: "tie" } },
    });
    const caller = callerAs(f.members.lead);
    const all = await caller.customers.timeline({ customerId: f.customer.id, limit: 50 });
    expect(all.items).toHaveLength(9);
    const sorted = [...all.items].sort(compareEntries);
    expect(all.items.map((e) => e.id)).toEqual(sorted.map((e) => e.id));
    expect(all.items.some((e) => e.id === tc.id)).toBe(true);
    for (const limit of [1, 2, 4]) {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await caller.customers.timeline({ customerId: f.customer.id, limit, cursor });
        ids.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(ids).toEqual(all.items.map((e) => e.id));
    }
  });

  it("volunteers see only customers of their queues, and only those conversations", async () => {
    const f = await fixture();
    const v = callerAs(f.members.volunteer);
    // the WhatsApp channel belongs to Returns, the volunteer's team
    const page = await v.customers.timeline({ customerId: f.customer.id });
    expect(page.items.filter((e) => e.type === "conversation").map(label)).toEqual([`conv:${f.c3.id}`]);
    expect(page.items.filter((e) => e.type === "orderEvent")).toHaveLength(4);
    await expect(v.customers.summary({ customerId: f.customer.id })).resolves.toMatchObject({ name: "Maya Lindqvist" });

    const elsewhere = await createCustomer(db, { workspaceId: f.workspaceId });
    await createConversation(db, { workspaceId: f.workspaceId, channelId: f.channel.id, customerId: elsewhere.id });
    await expect(v.customers.timeline({ customerId: elsewhere.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(v.customers.summary({ customerId: elsewhere.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is NOT_FOUND in another workspace and refuses anonymous callers", async () => {
    const f = await fixture();
    const other = await createWorkspaceWithRoles(db);
    await expect(callerAs(other.members.admin).customers.timeline({ customerId: f.customer.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callerAs(other.members.admin).customers.summary({ customerId: f.customer.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callerAs(null).customers.timeline({ customerId: f.customer.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("customers.summary", () => {
  it("shows identities and where a merged-away customer went", async () => {
    const f = await fixture();
    const twin = await createCustomer(db, { workspaceId: f.workspaceId, name: "Maya L." });
    await db.customer.update({ where: { id: twin.id }, data: { mergedIntoId: f.customer.id } });
    const s = await callerAs(f.members.agent).customers.summary({ customerId: twin.id });
    expect(s.mergedInto).toMatchObject({ id: f.customer.id, name: "Maya Lindqvist" });
    const me = await callerAs(f.members.agent).customers.summary({ customerId: f.customer.id });
    expect(me.identities.map((i) => i.channelKind)).toEqual(["EMAIL", "WHATSAPP"]);
    expect(me.mergedInto).toBeNull();
  });
});
