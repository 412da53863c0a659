import { describe, expect, it } from "vitest";
import { createChannel, createCustomer, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";

const db = testDb();

const jobFor = async (messageId: string) =>
  db.$queryRaw<{ key: string }[]>`SELECT key FROM graphile_worker._private_jobs WHERE key = ${`send:${messageId}`}`;

describe("conversation.startEmail", () => {
  it("creates the conversation, its QUEUED first message and the send job; a new address becomes a customer", async () => {
    const f = await createWorkspaceWithRoles(db);
    const input = {
      channelId: f.channel.id,
      to: " New.Person@Customer.test ",
      subject: "Your return",
      text: "Hello!\nWe got your parcel.",
    };
    const out = await callerAs(f.members.agent).conversation.startEmail(input);

    const c = await db.conversation.findUniqueOrThrow({ where: { id: out.conversationId }, include: { messages: true, customer: true } });
    expect(c).toMatchObject({
      workspaceId: f.workspace.id,
      channelId: f.channel.id,
      subject: "Your return",
      status: "PENDING",
      teamId: f.teams.support.id,
      assigneeId: f.members.agent.user.id,
      messageCount: 1,
      number: out.number,
    });
    expect(c.customer.email).toBe("new.person@customer.test");
    expect(c.messages).toHaveLength(1);
    expect(c.messages[0]).toMatchObject({
      id: out.messageId,
      direction: "OUT",
      authorType: "AGENT",
      deliveryStatus: "QUEUED",
      text: "Hello!\nWe got your parcel.",
      meta: { to: "new.person@customer.test" },
    });
    expect(await jobFor(out.messageId)).toHaveLength(1);
    const events = await db.domainEvent.findMany({ where: { workspaceId: f.workspace.id }, select: { type: true } });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(["conversation.created", "message.created"]));
    // visible in the agent's inbox straight away
    const conv = await callerAs(f.members.agent).conversation.get({ conversationId: out.conversationId });
    expect(conv.conversation.id).toBe(out.conversationId);
  });

  it("reuses the customer who already has that address", async () => {
    const f = await createWorkspaceWithRoles(db);
    const customer = await createCustomer(db, { workspaceId: f.workspace.id, email: "known@customer.test" });
    const out = await callerAs(f.members.lead).conversation.startEmail({
      channelId: f.channel.id,
      to: "KNOWN@customer.test",
      subject: "Hi",
      text: "Hi",
    });
    expect((await db.conversation.findUniqueOrThrow({ where: { id: out.conversationId } })).customerId).toBe(customer.id);
    expect(await db.customer.count({ where: { workspaceId: f.workspace.id } })).toBe(1);
  });

  it("refuses anonymous, another workspace, a volunteer outside the channel's team, and non-email channels", async () => {
    const f = await createWorkspaceWithRoles(db);
    const other = await createWorkspaceWithRoles(db);
    const input = { channelId: f.channel.id, to: "x@customer.test", subject: "S", text: "T" };
    await expect(callerAs(null).conversation.startEmail(input)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerAs(other.members.admin).conversation.startEmail(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerAs(f.members.volunteer).conversation.startEmail(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const sms = await createChannel(db, { workspaceId: f.workspace.id, kind: "SMS", ownerTeamId: f.teams.support.id });
    await expect(callerAs(f.members.agent).conversation.startEmail({ ...input, channelId: sms.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callerAs(f.members.agent).conversation.startEmail({ ...input, to: "not an address" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    // nothing was created along the way
    expect(await db.conversation.count({ where: { workspaceId: f.workspace.id } })).toBe(0);
    expect(await db.customer.count({ where: { workspaceId: f.workspace.id } })).toBe(0);
  });

  it("a volunteer may start one on their own team's channel; lists only reachable email channels", async () => {
    const f = await createWorkspaceWithRoles(db);
    const returns = await createChannel(db, { workspaceId: f.workspace.id, kind: "EMAIL", ownerTeamId: f.teams.returns.id });
    expect((await callerAs(f.members.volunteer).conversation.emailChannels()).map((c) => c.id)).toEqual([returns.id]);
    expect((await callerAs(f.members.agent).conversation.emailChannels()).map((c) => c.id).sort()).toEqual(
      [f.channel.id, returns.id].sort(),
    );
    await expect(callerAs(null).conversation.emailChannels()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const out = await callerAs(f.members.volunteer).conversation.startEmail({
      channelId: returns.id,
      to: "v@customer.test",
      subject: "S",
      text: "T",
    });
    expect((await db.conversation.findUniqueOrThrow({ where: { id: out.conversationId } })).teamId).toBe(f.teams.returns.id);
  });
});
