import { describe, expect, it } from "vitest";
import { createConversation, createCustomer, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";

const db = testDb();

async function fixture() {
  const ws = await createWorkspaceWithRoles(db);
  const customer = await createCustomer(db, { workspaceId: ws.workspace.id });
  const vip = await createCustomer(db, { workspaceId: ws.workspace.id, vip: true });
  const make = (teamId: string, extra: Partial<Parameters<typeof createConversation>[1]> = {}) =>
    createConversation(db, { workspaceId: ws.workspace.id, channelId: ws.channel.id, customerId: customer.id, teamId, ...extra });
  return { ...ws, customer, vip, make };
}

describe("views: who may do what", () => {
  it("refuses anonymous callers on every procedure", async () => {
    const anon = callerAs(null);
    const id = "0196b1f2-7c3a-7def-8abc-0123456789ab";
    await expect(anon.views.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anon.views.counts()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anon.views.create({ name: "x", filters: {} })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anon.views.update({ id, name: "y" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anon.views.delete({ id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anon.views.reorder({ ids: [id] })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses a member of another workspace, and never shows or touches another workspace's views", async () => {
    const a = await fixture();
    const b = await fixture();
    const shared = await callerAs(a.members.lead).views.create({ name: "Urgent", filters: { priority: "URGENT" }, shared: true });
    const intruder = callerAs({ userId: b.members.admin.user.id, workspaceId: a.workspace.id });
    await expect(intruder.views.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(intruder.views.create({ name: "x", filters: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const otherAdmin = callerAs(b.members.admin);
    expect(await otherAdmin.views.list()).toEqual([]);
    await expect(otherAdmin.views.update({ id: shared.id, name: "Mine now" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(otherAdmin.views.delete({ id: shared.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(otherAdmin.views.reorder({ ids: [shared.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets only leads and admins create, edit, share or delete shared views", async () => {
    const f = await fixture();
    const agent = callerAs(f.members.agent);
    const volunteer = callerAs(f.members.volunteer);
    await expect(agent.views.create({ name: "Team", filters: {}, shared: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(volunteer.views.create({ name: "Team", filters: {}, shared: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const shared = await callerAs(f.members.lead).views.create({ name: "VIPs", filters: { vip: true }, sort: "sla", shared: true });
    expect(shared).toMatchObject({
      name: "VIPs",
      shared: true,
      sort: "sla",
      canEdit: true,
      filters: { vip: true, view: "all", status: "OPEN" },
    });
    // agents see it, read-only
    expect((await agent.views.list()).find((v) => v.id === shared.id)).toMatchObject({ shared: true, canEdit: false });
    await expect(agent.views.update({ id: shared.id, name: "Mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(agent.views.update({ id: shared.id, shared: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(agent.views.delete({ id: shared.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(agent.views.reorder({ ids: [shared.id] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // an agent cannot promote their own view to shared either
    const own = await agent.views.create({ name: "Mine", filters: {} });
    await expect(agent.views.update({ id: own.id, shared: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // an admin may edit and delete the lead's shared view
    const admin = callerAs(f.members.admin);
    expect(await admin.views.update({ id: shared.id, name: "VIP customers" })).toMatchObject({ name: "VIP customers", shared: true });
    expect(await admin.views.delete({ id: shared.id })).toEqual({ id: shared.id });
    expect((await agent.views.list()).map((v) => v.id)).toEqual([own.id]);
  });

  it("keeps personal views private: another user's view is NOT_FOUND", async () => {
    const f = await fixture();
    const mine = await callerAs(f.members.agent).views.create({ name: "Mine", filters: { view: "mine" } });
    for (const other of [callerAs(f.members.admin), callerAs(f.members.lead), callerAs(f.members.volunteer)]) {
      expect((await other.views.list()).map((v) => v.id)).not.toContain(mine.id);
      await expect(other.views.update({ id: mine.id, name: "Hijacked" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(other.views.update({ id: mine.id, shared: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(other.views.delete({ id: mine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(other.views.reorder({ ids: [mine.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await callerAs(f.members.agent).views.list()).toEqual([mine]);
  });

  it("lets a volunteer keep personal views of their own teams only", async () => {
    const f = await fixture();
    const vol = callerAs(f.members.volunteer);
    await expect(vol.views.create({ name: "Support", filters: { view: "team", teamId: f.teams.support.id } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const v = await vol.views.create({ name: "Returns urgent", filters: { teamId: f.teams.returns.id, priority: "URGENT" } });
    await expect(vol.views.update({ id: v.id, filters: { teamId: f.teams.support.id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await vol.views.update({ id: v.id, name: "Returns!" })).toMatchObject({ name: "Returns!", canEdit: true });
  });
});

describe("views: create, update, delete, reorder", () => {
  it("validates names and filters, keeps names unique per owner, and caps personal views at 50", async () => {
    const f = await fixture();
    const agent = callerAs(f.members.agent);
    await expect(agent.views.create({ name: "   ", filters: {} })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(agent.views.create({ name: "x".repeat(61), filters: {} })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(agent.views.create({ name: "Team", filters: { view: "team" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(agent.views.create({ name: "Bad", filters: { sla: "late" } as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const first = await agent.views.create({ name: "  Waiting  ", filters: { waitingOver: 30 } });
    expect(first.name).toBe("Waiting");
    await expect(agent.views.create({ name: "waiting", filters: {} })).rejects.toMatchObject({
      code: "CONFLICT",
      message: 'You already have a view named "waiting"',
    });
    // the same name is fine for someone else, and for a shared view
    await callerAs(f.members.lead).views.create({ name: "Waiting", filters: {} });
    await callerAs(f.members.lead).views.create({ name: "Waiting", filters: {}, shared: true });
    await expect(callerAs(f.members.admin).views.create({ name: "WAITING", filters: {}, shared: true })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    // renaming onto another of your names conflicts; renaming to itself does not
    const second = await agent.views.create({ name: "Second", filters: {} });
    await expect(agent.views.update({ id: second.id, name: "Waiting" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await agent.views.update({ id: second.id, name: "Second" })).toMatchObject({ name: "Second" });

    for (let i = 2; i < 50; i++) await agent.views.create({ name: `View ${i}`, filters: {} });
    await expect(agent.views.create({ name: "One too many", filters: {} })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at most 50"),
    });
    // concurrent creates cannot slip past the limit or the unique name
    await agent.views.delete({ id: second.id });
    const racing = await Promise.allSettled([
      agent.views.create({ name: "Race", filters: {} }),
      agent.views.create({ name: "Race 2", filters: {} }),
    ]);
    expect(racing.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await agent.views.list()).filter((v) => !v.shared)).toHaveLength(50);
  });

  it("updates only the given fields, moves views between personal and shared, and lists shared first then own by position", async () => {
    const f = await fixture();
    const lead = callerAs(f.members.lead);
    const a = await lead.views.create({ name: "A", filters: { priority: "HIGH" } });
    const b = await lead.views.create({ name: "B", filters: {} });
    const s = await lead.views.create({ name: "S", filters: {}, shared: true });
    expect((await lead.views.list()).map((v) => v.name)).toEqual(["S", "A", "B"]);

    const changed = await lead.views.update({ id: a.id, sort: "waiting", filters: { vip: true, text: "refund" } });
    expect(changed).toMatchObject({ name: "A", sort: "waiting", filters: { vip: true, text: "refund", status: "OPEN" }, shared: false });
    expect(changed.filters.priority).toBeUndefined();

    const nowShared = await lead.views.update({ id: a.id, shared: true });
    expect(nowShared).toMatchObject({ shared: true, position: 1 });
    expect((await callerAs(f.members.agent).views.list()).map((v) => v.name)).toEqual(["S", "A"]);
    // unsharing makes it the caller's personal view
    const admin = callerAs(f.members.admin);
    expect(await admin.views.update({ id: a.id, shared: false })).toMatchObject({ shared: false, canEdit: true });
    expect((await lead.views.list()).map((v) => v.name)).toEqual(["S", "B"]);
    expect((await admin.views.list()).map((v) => v.name)).toEqual(["S", "A"]);

    const c = await lead.views.create({ name: "C", filters: {} });
    const reordered = await lead.views.reorder({ ids: [c.id, b.id] });
    expect(reordered.map((v) => v.name)).toEqual(["S", "C", "B"]);
    await expect(lead.views.reorder({ ids: [c.id, c.id] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(s.position).toBe(0);
  });

  it("stores filters that inbox.list takes as they are", async () => {
    const f = await fixture();
    const agent = callerAs(f.members.agent);
    const vipConv = await f.make(f.teams.support.id, { customerId: f.vip.id, priority: "HIGH" });
    await f.make(f.teams.support.id, { priority: "HIGH" });
    const view = await agent.views.create({ name: "VIP high", filters: { vip: true, priority: "HIGH" }, sort: "priority" });
    const page = await agent.inbox.list({ ...view.filters, sort: view.sort });
    expect(page.items.map((i) => i.id)).toEqual([vipConv.id]);
  });
});

describe("views.counts", () => {
  it("counts each visible view's conversations in the caller's scope with the list's filter", async () => {
    const f = await fixture();
    await f.make(f.teams.support.id, { priority: "URGENT" });
    await f.make(f.teams.returns.id, { priority: "URGENT" });
    await f.make(f.teams.returns.id, { priority: "URGENT", status: "RESOLVED" });
    await f.make(f.teams.returns.id, { customerId: f.vip.id });
    const lead = callerAs(f.members.lead);
    const urgent = await lead.views.create({ name: "Urgent", filters: { priority: "URGENT" }, shared: true });
    const support = await lead.views.create({ name: "Support", filters: { view: "team", teamId: f.teams.support.id }, shared: true });
    const resolved = await lead.views.create({
      name: "Resolved urgent",
      filters: { priority: "URGENT", status: "RESOLVED" },
      shared: true,
    });
    const vip = await lead.views.create({ name: "VIP", filters: { vip: true } });

    const counts = (c: Awaited<ReturnType<typeof lead.views.counts>>) => Object.fromEntries(c.map((r) => [r.id, r.count]));
    expect(counts(await lead.views.counts())).toEqual({ [urgent.id]: 2, [support.id]: 1, [resolved.id]: 1, [vip.id]: 1 });
    expect((await lead.views.counts()).every((r) => r.capped === false)).toBe(true);
    // the volunteer (Returns only) counts within their teams; a view of a team they are not in counts 0
    expect(counts(await callerAs(f.members.volunteer).views.counts())).toEqual({ [urgent.id]: 1, [support.id]: 0, [resolved.id]: 1 });
    // the list agrees with the count
    const list = await lead.inbox.list({ ...urgent.filters, limit: 100 });
    expect(list.items).toHaveLength(2);
  });

  it("caps counts at 1,000", async () => {
    const f = await fixture();
    const now = new Date();
    await db.conversation.createMany({
      data: Array.from({ length: 1003 }, (_, i) => ({
        workspaceId: f.workspace.id,
        number: 100_000 + i,
        channelId: f.channel.id,
        customerId: f.customer.id,
        teamId: f.teams.support.id,
        lastMessageAt: now,
      })),
    });
    const agent = callerAs(f.members.agent);
    const all = await agent.views.create({ name: "Everything", filters: {} });
    const none = await agent.views.create({ name: "Nothing", filters: { vip: true } });
    expect(await agent.views.counts()).toEqual([
      { id: all.id, count: 1000, capped: true },
      { id: none.id, count: 0, capped: false },
    ]);
  });

  it("counts text views through the message search", async () => {
    const f = await fixture();
    const c = await f.make(f.teams.support.id);
    await db.message.create({
      data: {
        workspaceId: f.workspace.id,
        conversationId: c.id,
        channelId: f.channel.id,
        direction: "IN",
        authorType: "CUSTOMER",
        text: "The blender exploded",
      },
    });
    await f.make(f.teams.support.id, { messages: 2 });
    const agent = callerAs(f.members.agent);
    const view = await agent.views.create({ name: "Blenders", filters: { text: "blenders" } });
    expect(await agent.views.counts()).toEqual([{ id: view.id, count: 1, capped: false }]);
  });
});
