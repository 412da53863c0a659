import { describe, expect, it } from "vitest";
import { createConversation, createCustomer, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";

const db = testDb();

async function fixture() {
  const f = await createWorkspaceWithRoles(db);
  const customer = await createCustomer(db, { workspaceId: f.workspace.id, name: "Maya Lopez" });
  const order = await db.order.create({
    data: {
      workspaceId: f.workspace.id,
      customerId: customer.id,
      number: "#1042",
      placedAt: new Date(Date.now() - 86_400_000),
      totalCents: 4999,
    },
  });
  await db.fulfillment.create({
    data: {
      workspaceId: f.workspace.id,
      orderId: order.id,
      status: "IN_TRANSIT",
      carrier: "UPS",
      trackingNumber: "1Z999",
      trackingUrl: "https://www.ups.com/track?tracknum=1Z999",
    },
  });
  const conversation = await createConversation(db, {
    workspaceId: f.workspace.id,
    channelId: f.channel.id,
    customerId: customer.id,
    messages: 1,
  });
  const returnsOnly = await db.savedReply.create({
    data: {
      workspaceId: f.workspace.id,
      teamId: f.teams.returns.id,
      name: "Return label",
      shortcut: `ret${Date.now()}`,
      body: "Label for {{order.number}}",
    },
  });
  const wismo = await db.savedReply.create({
    data: {
      workspaceId: f.workspace.id,
      name: "Where is my order",
      shortcut: `wismo${Date.now()}`,
      body: "Hi {{customer.first_name}}, {{order.number}} ships with {{order.carrier}}: {{order.tracking_url}} ({{customer.phone}}) — {{agent.first_name}}",
    },
  });
  return { ...f, conversation, wismo, returnsOnly };
}

describe("saved replies", () => {
  it("list and render refuse anonymous callers", async () => {
    const f = await fixture();
    await expect(callerAs(null).savedReplies.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerAs(null).savedReplies.render({ savedReplyId: f.wismo.id, conversationId: f.conversation.id })).rejects.toMatchObject(
      { code: "UNAUTHORIZED" },
    );
  });

  it("searches by name or shortcut; a volunteer sees workspace-wide and their teams' replies only", async () => {
    const f = await fixture();
    const agent = callerAs(f.members.agent);
    expect((await agent.savedReplies.list({ q: "where is" })).map((r) => r.id)).toEqual([f.wismo.id]);
    expect((await agent.savedReplies.list({ q: f.wismo.shortcut ?? "" })).map((r) => r.id)).toEqual([f.wismo.id]);
    expect((await callerAs(f.members.volunteer).savedReplies.list()).map((r) => r.id).sort()).toEqual(
      [f.wismo.id, f.returnsOnly.id].sort(),
    );
    const other = await fixture();
    expect((await callerAs(other.members.agent).savedReplies.list()).map((r) => r.id)).not.toContain(f.wismo.id);
  });

  it("renders with the customer's latest order and the agent, flagging what is missing", async () => {
    const f = await fixture();
    const r = await callerAs(f.members.agent).savedReplies.render({ savedReplyId: f.wismo.id, conversationId: f.conversation.id });
    const first = f.members.agent.user.name.split(" ")[0];
    expect(r.text).toBe(`Hi Maya, #1042 ships with UPS: https://www.ups.com/track?tracknum=1Z999 ({{customer.phone}}) — ${first}`);
    expect(r.missing).toEqual(["customer.phone"]);
    // a conversation out of scope is not found
    // sending with a placeholder left is refused
    await expect(callerAs(f.members.agent).conversation.reply({ conversationId: f.conversation.id, text: r.text })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("{{customer.phone}}"),
    });
    await expect(
      callerAs(f.members.volunteer).savedReplies.render({ savedReplyId: f.wismo.id, conversationId: f.conversation.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
