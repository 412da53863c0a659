import { describe, expect, it } from "vitest";
import { createChannel, createConversation, createCustomer, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";
import { createOrder } from "../customers/customer-panel.fixtures";

const db = testDb();

async function fixture() {
  const ws = await createWorkspaceWithRoles(db);
  const workspaceId = ws.workspace.id;
  const customer = await createCustomer(db, { workspaceId, name: "Omar Haddad" });
  const conversation = await createConversation(db, { workspaceId, channelId: ws.channel.id, customerId: customer.id, messages: 1 });
  const order = await createOrder(db, { workspaceId, customerId: customer.id, totalCents: 8900, delayed: true });
  return { ...ws, workspaceId, customer, conversation, order };
}

const ADDRESS = { name: "Omar Haddad", address1: "12 Elm St", city: "Portland", province: "OR", zip: "97201", country: "US" };

describe("commerce.requestOrderAction", () => {
  it("records the request on the timeline, in the audit log and as an internal note, in one go", async () => {
    const f = await fixture();
    const res = await callerAs(f.members.agent).commerce.requestOrderAction({
      orderId: f.order.id,
      kind: "REFUND",
      reason: "Arrived damaged",
      details: { amountCents: 2500 },
      conversationId: f.conversation.id,
    });
    expect(res.summary).toBe(`Refund requested for order ${f.order.number}: $25.00 of $89.00`);
    const events = await db.orderEvent.findMany({ where: { orderId: f.order.id, kind: "REFUND_REQUESTED" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: f.members.agent.user.id,
      data: { amountCents: 2500, reason: "Arrived damaged", conversationId: f.conversation.id },
    });
    const note = await db.message.findFirstOrThrow({ where: { conversationId: f.conversation.id, kind: "NOTE" } });
    expect(note).toMatchObject({ authorType: "AGENT", authorUserId: f.members.agent.user.id });
    expect(note.text).toContain("Refund requested");
    expect(note.text).toContain("Reason: Arrived damaged");
    const audit = await db.auditLog.findFirstOrThrow({ where: { workspaceId: f.workspaceId, action: "order.refund_requested" } });
    expect(audit).toMatchObject({ targetId: f.order.id, data: { orderEventId: events[0]?.id, noteId: note.id } });
    const types = (await db.domainEvent.findMany({ where: { workspaceId: f.workspaceId }, select: { type: true } })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["message.created", "customer.updated"]));
    // the panel's timeline shows it
    const panel = await callerAs(f.members.agent).customers.panel({ customerId: f.customer.id });
    expect(panel.orders.items[0]?.timeline[0]).toMatchObject({ kind: "REFUND_REQUESTED", actorName: f.members.agent.user.name });
  });

  it("cancellation and address change without a conversation: no note, still timeline + audit", async () => {
    const f = await fixture();
    const c = callerAs(f.members.lead);
    await c.commerce.requestOrderAction({ orderId: f.order.id, kind: "CANCEL", reason: "Ordered twice" });
    await c.commerce.requestOrderAction({
      orderId: f.order.id,
      kind: "ADDRESS_CHANGE",
      reason: "Moved house",
      details: { address: ADDRESS },
    });
    const kinds = (await db.orderEvent.findMany({ where: { orderId: f.order.id }, orderBy: { occurredAt: "asc" } })).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["CANCEL_REQUESTED", "ADDRESS_CHANGE_REQUESTED"]));
    expect(await db.message.count({ where: { conversationId: f.conversation.id, kind: "NOTE" } })).toBe(0);
    expect(await db.auditLog.count({ where: { workspaceId: f.workspaceId, targetId: f.order.id } })).toBe(2);
  });

  it("refuses impossible requests and writes nothing", async () => {
    const f = await fixture();
    const c = callerAs(f.members.agent);
    const cancelled = await createOrder(db, { workspaceId: f.workspaceId, customerId: f.customer.id, status: "CANCELLED" });
    const refunded = await createOrder(db, { workspaceId: f.workspaceId, customerId: f.customer.id, financialStatus: "REFUNDED" });
    const delivered = await createOrder(db, { workspaceId: f.workspaceId, customerId: f.customer.id, fulfillmentStatus: "DELIVERED" });
    await expect(c.commerce.requestOrderAction({ orderId: cancelled.id, kind: "CANCEL", reason: "again" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(c.commerce.requestOrderAction({ orderId: refunded.id, kind: "REFUND", reason: "again" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      c.commerce.requestOrderAction({ orderId: delivered.id, kind: "ADDRESS_CHANGE", reason: "late", details: { address: ADDRESS } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      c.commerce.requestOrderAction({ orderId: f.order.id, kind: "REFUND", reason: "too much", details: { amountCents: 8901 } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // a conversation of another customer
    const someoneElse = await createCustomer(db, { workspaceId: f.workspaceId });
    const theirs = await createConversation(db, { workspaceId: f.workspaceId, channelId: f.channel.id, customerId: someoneElse.id });
    await expect(
      c.commerce.requestOrderAction({ orderId: f.order.id, kind: "CANCEL", reason: "wrong thread", conversationId: theirs.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(
      await db.orderEvent.count({
        where: { workspaceId: f.workspaceId, kind: { in: ["REFUND_REQUESTED", "CANCEL_REQUESTED", "ADDRESS_CHANGE_REQUESTED"] } },
      }),
    ).toBe(0);
    expect(await db.message.count({ where: { workspaceId: f.workspaceId, kind: "NOTE" } })).toBe(0);
    expect(await db.auditLog.count({ where: { workspaceId: f.workspaceId } })).toBe(0);
  });

  it("volunteers are refused, other workspaces do not find the order, anonymous callers are refused", async () => {
    const f = await fixture();
    const other = await fixture();
    const input = { orderId: f.order.id, kind: "CANCEL" as const, reason: "please cancel" };
    await expect(callerAs(f.members.volunteer).commerce.requestOrderAction(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(other.members.admin).commerce.requestOrderAction(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerAs(null).commerce.requestOrderAction(input)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // nor can a foreign conversation be written into
    await expect(
      callerAs(other.members.admin).commerce.requestOrderAction({
        orderId: other.order.id,
        kind: "CANCEL",
        reason: "wrong thread",
        conversationId: f.conversation.id,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.orderEvent.count({ where: { orderId: { in: [f.order.id, other.order.id] }, kind: "CANCEL_REQUESTED" } })).toBe(0);
  });
});

describe("tracking replies", () => {
  async function withReplies() {
    const f = await fixture();
    const wismo = await db.savedReply.create({
      data: {
        workspaceId: f.workspaceId,
        name: "Where is my order",
        body: "Hi {{customer.first_name}}, {{order.number}} → {{order.tracking_url}} — {{agent.name}}",
      },
    });
    await db.savedReply.create({ data: { workspaceId: f.workspaceId, name: "Thanks", body: "Thanks {{customer.first_name}}!" } });
    const returnsOnly = await db.savedReply.create({
      data: {
        workspaceId: f.workspaceId,
        teamId: f.teams.returns.id,
        name: "Return label",
        body: "Label for {{order.number}}: {{order.tracking_number}}",
      },
    });
    return { ...f, wismo, returnsOnly };
  }

  it("lists the tracking replies the member may use and fills one for THIS order", async () => {
    const f = await withReplies();
    // a newer order: savedReplies.render would use it; renderOrderReply must use the order asked for
    await createOrder(db, { workspaceId: f.workspaceId, customerId: f.customer.id, placedAt: new Date(Date.now() + 60_000) });
    const agent = callerAs(f.members.agent);
    expect((await agent.commerce.trackingReplies()).map((r) => r.name).sort()).toEqual(["Return label", "Where is my order"]);
    const rendered = await agent.commerce.renderOrderReply({
      orderId: f.order.id,
      conversationId: f.conversation.id,
      savedReplyId: f.wismo.id,
    });
    expect(rendered.text).toBe(`Hi Omar, ${f.order.number} → ${f.order.fulfillments[0]?.trackingUrl} — ${f.members.agent.user.name}`);
    expect(rendered.missing).toEqual([]);
    const v = callerAs(f.members.volunteer);
    await expect(
      v.commerce.renderOrderReply({ orderId: f.order.id, conversationId: f.conversation.id, savedReplyId: f.wismo.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const other = await fixture();
    await expect(
      callerAs(other.members.admin).commerce.renderOrderReply({
        orderId: f.order.id,
        conversationId: other.conversation.id,
        savedReplyId: f.wismo.id,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("records TRACKING_SENT only for the actor's sent reply that really carries the order's tracking, once", async () => {
    const f = await fixture();
    const agent = callerAs(f.members.agent);
    const url = f.order.fulfillments[0]?.trackingUrl ?? "";
    const withLink = await agent.conversation.reply({ conversationId: f.conversation.id, text: `Track it here: ${url}` });
    const without = await agent.conversation.reply({ conversationId: f.conversation.id, text: "On its way!" });
    const input = { conversationId: f.conversation.id, orderIds: [f.order.id] };
    expect(await agent.commerce.recordTrackingSent({ ...input, messageId: without.id })).toEqual({ recorded: [] });
    expect(await callerAs(f.members.lead).commerce.recordTrackingSent({ ...input, messageId: withLink.id })).toEqual({ recorded: [] });
    expect(await agent.commerce.recordTrackingSent({ ...input, messageId: withLink.id })).toEqual({ recorded: [f.order.number] });
    expect(await agent.commerce.recordTrackingSent({ ...input, messageId: withLink.id })).toEqual({ recorded: [] });
    const events = await db.orderEvent.findMany({ where: { orderId: f.order.id, kind: "TRACKING_SENT" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: f.members.agent.user.id, data: { messageId: withLink.id, trackingUrl: url } });
    const other = await fixture();
    await expect(callerAs(other.members.admin).commerce.recordTrackingSent({ ...input, messageId: withLink.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callerAs(f.members.volunteer).commerce.recordTrackingSent({ ...input, messageId: withLink.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("volunteer scope on orders", () => {
  it("a volunteer can insert tracking for a customer in their queue (render), not for others", async () => {
    const f = await fixture();
    const wa = await createChannel(db, { workspaceId: f.workspaceId, kind: "WHATSAPP", ownerTeamId: f.teams.returns.id });
    const queued = await createConversation(db, { workspaceId: f.workspaceId, channelId: wa.id, customerId: f.customer.id });
    const reply = await db.savedReply.create({ data: { workspaceId: f.workspaceId, name: "Track", body: "{{order.tracking_url}}" } });
    const v = callerAs(f.members.volunteer);
    const out = await v.commerce.renderOrderReply({ orderId: f.order.id, conversationId: queued.id, savedReplyId: reply.id });
    expect(out.text).toBe(f.order.fulfillments[0]?.trackingUrl);
    await expect(
      v.commerce.renderOrderReply({ orderId: f.order.id, conversationId: f.conversation.id, savedReplyId: reply.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
