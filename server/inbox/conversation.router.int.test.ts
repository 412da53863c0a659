import { describe, expect, it } from "vitest";
import { createConversation, createCustomer, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";

const db = testDb();

async function fixture() {
  const ws = await createWorkspaceWithRoles(db);
  const customer = await createCustomer(db, { workspaceId: ws.workspace.id });
  const support = await createConversation(db, {
    workspaceId: ws.workspace.id,
    channelId: ws.channel.id,
    customerId: customer.id,
    teamId: ws.teams.support.id,
    messages: 3,
  });
  const returns = await createConversation(db, {
    workspaceId: ws.workspace.id,
    channelId: ws.channel.id,
    customerId: customer.id,
    teamId: ws.teams.returns.id,
    messages: 1,
  });
  return { ...ws, customer, support, returns };
}

type Caller = ReturnType<typeof callerAs>;
type F = Awaited<ReturnType<typeof fixture>>;

/** Every conversation procedure, called on a given conversation. */
const PROCEDURES: Record<string, (c: Caller, id: string, f: F) => Promise<unknown>> = {
  get: (c, id) => c.conversation.get({ conversationId: id }),
  messages: (c, id) => c.conversation.messages({ conversationId: id }),
  assign: (c, id, f) => c.conversation.assign({ conversationId: id, assigneeId: f.members.agent.user.id }),
  moveTeam: (c, id, f) => c.conversation.moveTeam({ conversationId: id, teamId: f.teams.support.id }),
  setPriority: (c, id) => c.conversation.setPriority({ conversationId: id, priority: "HIGH" }),
  setStatus: (c, id) => c.conversation.setStatus({ conversationId: id, status: "RESOLVED" }),
  addTag: (c, id) => c.conversation.addTag({ conversationId: id, name: "vip" }),
  removeTag: (c, id) => c.conversation.removeTag({ conversationId: id, tagId: "01a20000-0000-7000-8000-000000000000" }),
  reply: (c, id) => c.conversation.reply({ conversationId: id, text: "Hello" }),
  note: (c, id) => c.conversation.note({ conversationId: id, text: "Internal" }),
  markRead: (c, id) => c.conversation.markRead({ conversationId: id }),
};

describe("conversation procedures: who is refused", () => {
  for (const [name, call] of Object.entries(PROCEDURES)) {
    it(`${name}: anonymous → UNAUTHORIZED, other workspace → NOT_FOUND, volunteer outside their teams → NOT_FOUND`, async () => {
      const f = await fixture();
      const other = await fixture();
      await expect(call(callerAs(null), f.support.id, f)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      await expect(call(callerAs(other.members.admin), f.support.id, f)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(call(callerAs(f.members.volunteer), f.support.id, f)).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  }

  it("tags: anonymous refused", async () => {
    await expect(callerAs(null).conversation.tags()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("retry: anonymous refused, another workspace's message not found", async () => {
    const f = await fixture();
    const other = await fixture();
    const msg = await callerAs(f.members.agent).conversation.reply({ conversationId: f.support.id, text: "hi" });
    await expect(callerAs(null).conversation.retry({ messageId: msg.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerAs(other.members.admin).conversation.retry({ messageId: msg.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a volunteer may claim a conversation in their queue but not assign it to others or move it", async () => {
    const f = await fixture();
    const vol = callerAs(f.members.volunteer);
    await expect(vol.conversation.assign({ conversationId: f.returns.id, assigneeId: f.members.agent.user.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(vol.conversation.moveTeam({ conversationId: f.returns.id, teamId: f.teams.support.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(vol.conversation.assign({ conversationId: f.returns.id, assigneeId: f.members.volunteer.user.id })).resolves.toBeTruthy();
  });
});

describe("conversation procedures: behaviour", () => {
  it("get returns the thread newest first and the customer; the panel lists their other conversations in scope", async () => {
    const f = await fixture();
    const res = await callerAs(f.members.agent).conversation.get({ conversationId: f.support.id });
    expect(res.conversation.id).toBe(f.support.id);
    expect(res.customer.id).toBe(f.customer.id);
    expect(res.messages.items).toHaveLength(3);
    const times = res.messages.items.map((m) => m.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // the customer's other conversations come with the customer panel (customers.panel), no longer with the thread
    const panel = await callerAs(f.members.agent).customers.panel({ customerId: f.customer.id });
    expect(panel.conversations.items.map((c) => c.id).filter((id) => id !== f.support.id)).toEqual([f.returns.id]);
    // a volunteer sees the same customer's history only within their queues
    const vol = await callerAs(f.members.volunteer).customers.panel({ customerId: f.customer.id });
    expect(vol.conversations.items.map((c) => c.id).filter((id) => id !== f.returns.id)).toEqual([]);
  });

  it("assign writes a system line and returns the previous assignee for undo", async () => {
    const f = await fixture();
    const agent = callerAs(f.members.agent);
    const res = await agent.conversation.assign({ conversationId: f.support.id, assigneeId: f.members.agent.user.id });
    expect(res?.previous).toEqual({ type: "assign", assigneeId: null });
    const thread = await agent.conversation.messages({ conversationId: f.support.id });
    expect(thread.items[0]).toMatchObject({ kind: "EVENT", text: expect.stringContaining("took this conversation") });
    await expect(
      agent.conversation.assign({ conversationId: f.support.id, assigneeId: "01a20000-0000-7000-8000-000000000001" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("resolve then undo restores the previous status; snooze needs a future time and schedules the wake-up", async () => {
    const f = await fixture();
    const agent = callerAs(f.members.agent);
    const resolved = await agent.conversation.setStatus({ conversationId: f.support.id, status: "RESOLVED" });
    expect(resolved?.previous).toMatchObject({ type: "status", status: "OPEN" });
    await agent.conversation.setStatus({ conversationId: f.support.id, status: "OPEN" });
    const row = await db.conversation.findUniqueOrThrow({ where: { id: f.support.id } });
    expect(row.status).toBe("OPEN");
    expect(row.resolvedAt).toBeNull();
    await expect(
      agent.conversation.setStatus({ conversationId: f.support.id, status: "SNOOZED", snoozedUntil: new Date(Date.now() - 1000) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const until = new Date(Date.now() + 3_600_000);
    await agent.conversation.setStatus({ conversationId: f.support.id, status: "SNOOZED", snoozedUntil: until });
    const jobs = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = ${`wake:${f.support.id}`}`;
    expect(Number(jobs[0]?.n)).toBe(1);
  });

  it("tags are created on the fly, deduplicated and removable", async () => {
    const f = await fixture();
    const agent = callerAs(f.members.agent);
    const a = await agent.conversation.addTag({ conversationId: f.support.id, name: "Gift Wrap" });
    expect(a.tag.name).toBe("gift-wrap");
    expect(a.added).toBe(1);
    expect((await agent.conversation.addTag({ conversationId: f.support.id, name: "gift-wrap" })).added).toBe(0);
    expect((await agent.conversation.tags()).map((t) => t.name)).toContain("gift-wrap");
    expect((await agent.conversation.removeTag({ conversationId: f.support.id, tagId: a.tag.id })).removed).toBe(1);
    await expect(agent.conversation.addTag({ conversationId: f.support.id, name: "<script>" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("reply is stored QUEUED with a durable send job in the same transaction, clears waiting and stops the SLA clock", async () => {
    const f = await fixture();
    const agent = callerAs(f.members.agent);
    const breachedAt = new Date(Date.now() - 60_000);
    await db.conversation.update({ where: { id: f.support.id }, data: { slaDueAt: breachedAt, slaBreachedAt: breachedAt } });
    const msg = await agent.conversation.reply({ conversationId: f.support.id, text: "Your parcel ships today." });
    expect(msg.deliveryStatus).toBe("QUEUED");
    const jobs = await db.$queryRaw<
      { task: string }[]
    >`SELECT task_identifier AS task FROM graphile_worker.jobs WHERE key = ${`send:${msg.id}`}`;
    expect(jobs.map((j) => j.task)).toEqual(["send-message.v1"]);
    const c = await db.conversation.findUniqueOrThrow({ where: { id: f.support.id } });
    expect(c.waitingSince).toBeNull();
    expect(c.preview).toBe("Your parcel ships today.");
    expect(c.firstResponseAt).not.toBeNull();
    expect(c.slaDueAt).toBeNull();
    expect(c.slaBreachedAt).toEqual(breachedAt); // the breach stays on record
    await expect(agent.conversation.reply({ conversationId: f.support.id, text: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("warns before sending when someone else replied meanwhile (soft lock), and sends when forced", async () => {
    const f = await fixture();
    const seen = await callerAs(f.members.agent).conversation.get({ conversationId: f.support.id });
    const lastSeen = seen.messages.items[0]?.id;
    await callerAs(f.members.lead).conversation.reply({ conversationId: f.support.id, text: "Lead answered first" });
    const agent = callerAs(f.members.agent);
    await expect(
      agent.conversation.reply({ conversationId: f.support.id, text: "Me too", lastSeenMessageId: lastSeen }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("replied while you were typing"),
    });
    await expect(
      agent.conversation.reply({ conversationId: f.support.id, text: "Me too", lastSeenMessageId: lastSeen, force: true }),
    ).resolves.toMatchObject({ deliveryStatus: "QUEUED" });
  });

  it("a note with @mentions notifies the mentioned teammate and is never queued for sending", async () => {
    const f = await fixture();
    const note = await callerAs(f.members.agent).conversation.note({
      conversationId: f.support.id,
      text: "@Lead can you check?",
      mentionUserIds: [f.members.lead.user.id],
    });
    expect(note.kind).toBe("NOTE");
    expect(note.deliveryStatus).toBeNull();
    const n = await db.notification.findMany({ where: { userId: f.members.lead.user.id, messageId: note.id } });
    expect(n).toHaveLength(1);
    const other = await fixture();
    await expect(
      callerAs(f.members.agent).conversation.note({
        conversationId: f.support.id,
        text: "x",
        mentionUserIds: [other.members.agent.user.id],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("the unread dot is per member: opening clears it for me only, and a new customer message brings it back", async () => {
    const f = await fixture();
    const unread = async (caller: Caller) =>
      (await caller.inbox.list({ view: "all", status: "OPEN" })).items.find((i) => i.id === f.support.id)?.unread;
    expect(await unread(callerAs(f.members.agent))).toBe(true);
    await callerAs(f.members.agent).conversation.markRead({ conversationId: f.support.id });
    expect(await unread(callerAs(f.members.agent))).toBe(false);
    expect(await unread(callerAs(f.members.lead))).toBe(true);
    // the customer writes again: newer than my read mark
    await db.conversation.update({ where: { id: f.support.id }, data: { lastMessageAt: new Date(Date.now() + 1000) } });
    expect(await unread(callerAs(f.members.agent))).toBe(true);
  });

  it("older thread pages come by keyset cursor", async () => {
    const f = await fixture();
    const big = await createConversation(db, {
      workspaceId: f.workspace.id,
      channelId: f.channel.id,
      customerId: f.customer.id,
      messages: 7,
    });
    const agent = callerAs(f.members.agent);
    const p1 = await agent.conversation.messages({ conversationId: big.id, limit: 3 });
    const p2 = await agent.conversation.messages({ conversationId: big.id, limit: 3, cursor: p1.nextCursor });
    const p3 = await agent.conversation.messages({ conversationId: big.id, limit: 3, cursor: p2.nextCursor });
    const ids = [...p1.items, ...p2.items, ...p3.items].map((m) => m.id);
    expect(new Set(ids).size).toBe(7);
    expect(p3.nextCursor).toBeNull();
  });
});
