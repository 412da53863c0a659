import { describe, expect, it } from "vitest";
import { createConversation, createCustomer, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";

const db = testDb();

async function fixture() {
  const ws = await createWorkspaceWithRoles(db);
  const customer = await createCustomer(db, { workspaceId: ws.workspace.id });
  const make = (teamId: string, subject = "Damaged item") =>
    createConversation(db, {
      workspaceId: ws.workspace.id,
      channelId: ws.channel.id,
      customerId: customer.id,
      teamId,
      subject,
      messages: 1,
    });
  return { ...ws, customer, make };
}

/** Raw rows, straight from the table (not through the procedures under test). */
function rowsOf(userId: string) {
  return db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
}

describe("notifications: who may do what", () => {
  it("refuses anonymous callers on every procedure", async () => {
    const anon = callerAs(null);
    await expect(anon.notifications.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anon.notifications.unreadCount()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anon.notifications.markRead({ all: true })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses a member of another workspace, and never shows or touches another workspace's notifications", async () => {
    const a = await fixture();
    const b = await fixture();
    const c = await a.make(a.teams.support.id);
    await callerAs(a.members.lead).conversation.note({
      conversationId: c.id,
      text: "@Agent look",
      mentionUserIds: [a.members.agent.user.id],
    });
    const intruder = callerAs({ userId: b.members.admin.user.id, workspaceId: a.workspace.id });
    await expect(intruder.notifications.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(intruder.notifications.unreadCount()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(intruder.notifications.markRead({ all: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // the mentioned agent, signed into another workspace they are not a member of, is refused too
    const wrongWorkspace = callerAs({ userId: a.members.agent.user.id, workspaceId: b.workspace.id });
    await expect(wrongWorkspace.notifications.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await callerAs(a.members.agent).notifications.unreadCount()).count).toBe(1);
  });

  it("lets every role read their own notifications, and only their own", async () => {
    const f = await fixture();
    const c = await f.make(f.teams.returns.id);
    await callerAs(f.members.lead).conversation.note({
      conversationId: c.id,
      text: "@Volunteer please check",
      mentionUserIds: [f.members.volunteer.user.id],
    });
    for (const m of [f.members.admin, f.members.agent]) {
      expect(await callerAs(m).notifications.list({})).toEqual({ items: [], nextCursor: null });
      expect(await callerAs(m).notifications.unreadCount()).toEqual({ count: 0, capped: false });
    }
    const vol = callerAs(f.members.volunteer);
    expect((await vol.notifications.list({})).items).toHaveLength(1);
    expect(await vol.notifications.unreadCount()).toEqual({ count: 1, capped: false });
  });

  it("markRead never touches someone else's rows", async () => {
    const f = await fixture();
    const c = await f.make(f.teams.support.id);
    await callerAs(f.members.lead).conversation.note({
      conversationId: c.id,
      text: "@Agent @Admin both of you",
      mentionUserIds: [f.members.agent.user.id, f.members.admin.user.id],
    });
    const [agentRow] = await rowsOf(f.members.agent.user.id);
    const [adminRow] = await rowsOf(f.members.admin.user.id);
    expect(agentRow && adminRow).toBeTruthy();
    const admin = callerAs(f.members.admin);
    // by id: the agent's id is ignored, the admin's own is marked
    expect(await admin.notifications.markRead({ ids: [agentRow!.id, adminRow!.id] })).toEqual({ updated: 1 });
    expect(await admin.notifications.markRead({ ids: [agentRow!.id] })).toEqual({ updated: 0 });
    // "all" means all of the caller's, never anyone else's
    expect(await callerAs(f.members.lead).notifications.markRead({ all: true })).toEqual({ updated: 0 });
    expect((await rowsOf(f.members.agent.user.id))[0]?.readAt).toBeNull();
    expect((await rowsOf(f.members.admin.user.id))[0]?.readAt).toBeInstanceOf(Date);
    const agent = callerAs(f.members.agent);
    expect(await agent.notifications.unreadCount()).toEqual({ count: 1, capped: false });
    expect(await agent.notifications.markRead({ all: true })).toEqual({ updated: 1 });
    expect(await agent.notifications.unreadCount()).toEqual({ count: 0, capped: false });
    expect((await agent.notifications.list({})).items[0]?.readAt).toBeInstanceOf(Date);
  });

  it("validates input", async () => {
    const f = await fixture();
    const agent = callerAs(f.members.agent);
    await expect(agent.notifications.list({ limit: 51 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(agent.notifications.list({ cursor: "nonsense" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(agent.notifications.markRead({ ids: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(agent.notifications.markRead({ ids: ["not-a-uuid"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(agent.notifications.markRead({ all: false } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("notifications: mentions and assignments", () => {
  it("a note creates exactly one MENTION per mentioned teammate, never for its author", async () => {
    const f = await fixture();
    const c = await f.make(f.teams.support.id, "Damaged item on arrival");
    const long = `@Agent @Admin ${"the box was crushed and the vase inside is in pieces ".repeat(5)}`;
    await callerAs(f.members.lead).conversation.note({
      conversationId: c.id,
      text: long,
      // duplicates and the author themself
      mentionUserIds: [f.members.agent.user.id, f.members.admin.user.id, f.members.agent.user.id, f.members.lead.user.id],
    });
    expect(await rowsOf(f.members.agent.user.id)).toHaveLength(1);
    expect(await rowsOf(f.members.admin.user.id)).toHaveLength(1);
    expect(await rowsOf(f.members.lead.user.id)).toHaveLength(0);
    expect(await rowsOf(f.members.volunteer.user.id)).toHaveLength(0);

    const { items } = await callerAs(f.members.agent).notifications.list({});
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item).toMatchObject({
      kind: "MENTION",
      readAt: null,
      by: f.members.lead.user.name,
      conversation: { id: c.id, number: c.number, subject: "Damaged item on arrival" },
    });
    expect(item!.excerpt!.length).toBeLessThanOrEqual(140);
    expect(item!.excerpt).toMatch(/^@Agent @Admin the box was crushed/);
    expect(item!.excerpt).toMatch(/…$/);
  });

  it("assigning to someone else notifies them (single and bulk); claiming or re-assigning the same person does not", async () => {
    const f = await fixture();
    const [c1, c2, c3] = await Promise.all([f.make(f.teams.support.id), f.make(f.teams.support.id), f.make(f.teams.support.id)]);
    const lead = callerAs(f.members.lead);
    await lead.conversation.assign({ conversationId: c1.id, assigneeId: f.members.agent.user.id });
    // same assignee again: nothing new
    await lead.conversation.assign({ conversationId: c1.id, assigneeId: f.members.agent.user.id });
    // claims: the agent takes one, the lead takes one
    await callerAs(f.members.agent).conversation.assign({ conversationId: c2.id, assigneeId: f.members.agent.user.id });
    await lead.conversation.assign({ conversationId: c3.id, assigneeId: f.members.lead.user.id });
    // unassigning notifies nobody
    await lead.conversation.assign({ conversationId: c3.id, assigneeId: null });
    expect(await rowsOf(f.members.agent.user.id)).toHaveLength(1);
    expect(await rowsOf(f.members.lead.user.id)).toHaveLength(0);

    const bulk = await lead.conversation.bulk({
      conversationIds: [c1.id, c2.id, c3.id],
      change: { type: "assign", assigneeId: f.members.admin.user.id },
    });
    expect(bulk).toEqual({ count: 3 });
    const adminRows = await rowsOf(f.members.admin.user.id);
    expect(adminRows.map((r) => r.kind)).toEqual(["ASSIGNED", "ASSIGNED", "ASSIGNED"]);
    expect(adminRows.map((r) => (r.data as { conversationId: string }).conversationId).sort()).toEqual([c1.id, c2.id, c3.id].sort());

    const { items } = await callerAs(f.members.agent).notifications.list({});
    expect(items).toEqual([
      {
        id: expect.any(String),
        kind: "ASSIGNED",
        createdAt: expect.any(Date),
        readAt: null,
        by: f.members.lead.user.name,
        conversation: { id: c1.id, number: c1.number, subject: "Damaged item" },
        excerpt: null,
      },
    ]);
  });

  it("a failed assignment leaves no notification behind (same transaction)", async () => {
    const f = await fixture();
    const c = await f.make(f.teams.support.id);
    const other = await fixture();
    // the second id is not in scope → the whole bulk is NOT_FOUND, nothing is written
    await expect(
      callerAs(f.members.lead).conversation.bulk({
        conversationIds: [c.id, (await other.make(other.teams.support.id)).id],
        change: { type: "assign", assigneeId: f.members.agent.user.id },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await rowsOf(f.members.agent.user.id)).toHaveLength(0);
  });

  it("does not leak a conversation the caller can no longer reach", async () => {
    const f = await fixture();
    const returns = await f.make(f.teams.returns.id, "Refund for order 1042");
    const support = await f.make(f.teams.support.id, "Secret support case");
    const lead = callerAs(f.members.lead);
    await lead.conversation.note({
      conversationId: returns.id,
      text: "@Volunteer can you take this refund?",
      mentionUserIds: [f.members.volunteer.user.id],
    });
    await lead.conversation.note({
      conversationId: support.id,
      text: "@Volunteer the password is hunter2",
      mentionUserIds: [f.members.volunteer.user.id],
    });
    const vol = callerAs(f.members.volunteer);
    let items = (await vol.notifications.list({})).items;
    expect(items).toHaveLength(2);
    // newest first: the Support one is outside the volunteer's teams
    expect(items[0]).toMatchObject({ kind: "MENTION", conversation: null, excerpt: null });
    expect(items[1]).toMatchObject({
      conversation: { id: returns.id, subject: "Refund for order 1042" },
      excerpt: "@Volunteer can you take this refund?",
    });
    expect(JSON.stringify(items)).not.toContain("hunter2");
    expect(JSON.stringify(items)).not.toContain("Secret");

    // the Returns conversation moves to Support: its content disappears too
    await lead.conversation.moveTeam({ conversationId: returns.id, teamId: f.teams.support.id });
    items = (await vol.notifications.list({})).items;
    expect(items.map((i) => [i.conversation, i.excerpt])).toEqual([
      [null, null],
      [null, null],
    ]);
    // still countable and markable read
    expect(await vol.notifications.unreadCount()).toEqual({ count: 2, capped: false });
    expect(await vol.notifications.markRead({ ids: items.map((i) => i.id) })).toEqual({ updated: 2 });
  });
});

describe("notifications.list and unreadCount", () => {
  it("pages newest first on (createdAt, id) with no gaps or repeats, ties included", async () => {
    const f = await fixture();
    const c = await f.make(f.teams.support.id);
    const t0 = Date.now() - 60_000;
    // 12 rows over 4 timestamps: three share each createdAt
    await db.notification.createMany({
      data: Array.from({ length: 12 }, (_, i) => ({
        workspaceId: f.workspace.id,
        userId: f.members.agent.user.id,
        kind: "ASSIGNED" as const,
        data: { conversationId: c.id, by: `Lead ${i}` },
        createdAt: new Date(t0 + Math.floor(i / 3) * 1000),
      })),
    });
    // someone else's rows in between must not show up
    await db.notification.createMany({
      data: Array.from({ length: 3 }, () => ({
        workspaceId: f.workspace.id,
        userId: f.members.admin.user.id,
        kind: "ASSIGNED" as const,
        createdAt: new Date(t0),
      })),
    });
    const agent = callerAs(f.members.agent);
    const seen: { id: string; createdAt: Date }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof agent.notifications.list>> = await agent.notifications.list({ limit: 5, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(12);
    expect(new Set(seen.map((s) => s.id)).size).toBe(12);
    const expected = [...seen].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
    expect(seen.map((s) => s.id)).toEqual(expected.map((s) => s.id));
    // an exact page boundary has no dangling cursor
    const exact = await agent.notifications.list({ limit: 12 });
    expect(exact.items).toHaveLength(12);
    expect(exact.nextCursor).toBeNull();
  });

  it("caps the unread count at 99", async () => {
    const f = await fixture();
    await db.notification.createMany({
      data: Array.from({ length: 105 }, () => ({ workspaceId: f.workspace.id, userId: f.members.agent.user.id, kind: "MENTION" as const })),
    });
    const agent = callerAs(f.members.agent);
    expect(await agent.notifications.unreadCount()).toEqual({ count: 99, capped: true });
    expect(await agent.notifications.markRead({ all: true })).toEqual({ updated: 105 });
    expect(await agent.notifications.unreadCount()).toEqual({ count: 0, capped: false });
    // a notification without a conversation (e.g. a future kind) lists without content
    expect((await agent.notifications.list({ limit: 1 })).items[0]).toMatchObject({ conversation: null, excerpt: null, by: null });
  });
});
