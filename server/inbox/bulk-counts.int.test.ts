import { describe, expect, it } from "vitest";
import { createConversation, createCustomer, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";
import { compactConversationCounts } from "./count-conversations";

const db = testDb();

async function fixture() {
  const ws = await createWorkspaceWithRoles(db);
  const customer = await createCustomer(db, { workspaceId: ws.workspace.id });
  const make = (teamId: string, extra: Partial<Parameters<typeof createConversation>[1]> = {}) =>
    createConversation(db, { workspaceId: ws.workspace.id, channelId: ws.channel.id, customerId: customer.id, teamId, ...extra });
  return { ...ws, customer, make };
}

describe("inbox.counts", () => {
  it("refuses anonymous callers", async () => {
    await expect(callerAs(null).inbox.counts()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("counts views, teams and statuses within the actor's scope", async () => {
    const f = await fixture();
    await f.make(f.teams.support.id, { assigneeId: f.members.agent.user.id });
    await f.make(f.teams.support.id);
    await f.make(f.teams.returns.id);
    await f.make(f.teams.returns.id, { status: "RESOLVED" });
    const agent = await callerAs(f.members.agent).inbox.counts();
    expect(agent.views).toEqual({ all: 3, mine: 1, unassigned: 2 });
    expect(agent.teams).toEqual({ [f.teams.support.id]: 2, [f.teams.returns.id]: 1 });
    expect(agent.status).toEqual({ OPEN: 3, PENDING: 0, SNOOZED: 0, RESOLVED: 1 });
    const vol = await callerAs(f.members.volunteer).inbox.counts();
    expect(vol.views).toEqual({ all: 1, mine: 0, unassigned: 1 });
    expect(vol.teams).toEqual({ [f.teams.returns.id]: 1 });
    // by channel kind (the fixture's one channel), open ones only
    expect(agent.channelKinds).toEqual({ [f.channel.kind]: 3 });
    expect(vol.channelKinds).toEqual({ [f.channel.kind]: 1 });
  });
});

describe("inbox.counts from the counter table", () => {
  /** the truth the counter rows must always add up to, straight from "Conversation" */
  async function groundTruth(workspaceId: string) {
    const rows = await db.conversation.groupBy({
      by: ["status", "teamId", "assigneeId", "channelId"],
      where: { workspaceId },
      _count: true,
    });
    const key = (r: { status: string; teamId: string | null; assigneeId: string | null; channelId: string }) =>
      `${r.status}|${r.teamId}|${r.assigneeId}|${r.channelId}`;
    return new Map(rows.map((r) => [key(r), r._count]));
  }
  async function counterRows(workspaceId: string) {
    const rows = await db.conversationCount.groupBy({
      by: ["status", "teamId", "assigneeId", "channelId"],
      where: { workspaceId },
      _sum: { n: true },
    });
    return new Map(
      rows.filter((r) => (r._sum.n ?? 0) !== 0).map((r) => [`${r.status}|${r.teamId}|${r.assigneeId}|${r.channelId}`, r._sum.n ?? 0]),
    );
  }

  it("stays exact through bulk inserts, moves, assignment, status changes and deletes, and through compaction", async () => {
    const f = await fixture();
    const workspaceId = f.workspace.id;
    await db.conversation.createMany({
      data: Array.from({ length: 500 }, (_, i) => ({
        workspaceId,
        number: 1_000_000 + i,
        channelId: f.channel.id,
        customerId: f.customer.id,
        teamId: i % 2 ? f.teams.support.id : f.teams.returns.id,
        status: i % 5 === 0 ? ("RESOLVED" as const) : ("OPEN" as const),
      })),
    });
    const mine = await f.make(f.teams.support.id, { assigneeId: f.members.agent.user.id });
    await f.make(f.teams.returns.id, { status: "PENDING" });
    const agent = callerAs(f.members.agent);
    let counts = await agent.inbox.counts();
    expect(counts.status).toEqual({ OPEN: 401, PENDING: 1, SNOOZED: 0, RESOLVED: 100 });
    expect(counts.views).toEqual({ all: 401, mine: 1, unassigned: 400 });
    expect(counts.teams).toEqual({ [f.teams.support.id]: 201, [f.teams.returns.id]: 200 });

    // a bulk status change, a team move, an assignment, an update that touches no bucket column, a delete
    await db.conversation.updateMany({
      where: { workspaceId, number: { gte: 1_000_000, lt: 1_000_050 }, status: "OPEN" },
      data: { status: "RESOLVED" },
    });
    await db.conversation.updateMany({
      where: { workspaceId, number: { gte: 1_000_100, lt: 1_000_120 } },
      data: { teamId: f.teams.support.id },
    });
    await agent.conversation.assign({ conversationId: mine.id, assigneeId: null });
    await db.conversation.updateMany({ where: { workspaceId }, data: { preview: "touched" } });
    await db.conversation.deleteMany({ where: { workspaceId, number: { gte: 1_000_200, lt: 1_000_210 } } });
    expect(await counterRows(workspaceId)).toEqual(await groundTruth(workspaceId));
    counts = await agent.inbox.counts();
    const open = await db.conversation.count({ where: { workspaceId, status: "OPEN" } });
    expect(counts.views.all).toBe(open);
    expect(counts.views.mine).toBe(0);
    expect(counts.status.RESOLVED).toBe(await db.conversation.count({ where: { workspaceId, status: "RESOLVED" } }));

    const rowsBefore = await db.conversationCount.count({ where: { workspaceId } });
    const { before, after } = await compactConversationCounts(db);
    expect(after).toBeLessThan(before);
    expect(await db.conversationCount.count({ where: { workspaceId } })).toBeLessThan(rowsBefore);
    expect(await counterRows(workspaceId)).toEqual(await groundTruth(workspaceId));
    expect(await agent.inbox.counts()).toEqual(counts);

    // a volunteer (Returns only) sees only that team's buckets
    const vol = await callerAs(f.members.volunteer).inbox.counts();
    expect(vol.status.OPEN).toBe(await db.conversation.count({ where: { workspaceId, status: "OPEN", teamId: f.teams.returns.id } }));
    expect(Object.keys(vol.teams)).toEqual([f.teams.returns.id]);
  });

  it("a deleted workspace takes its counter rows with it", async () => {
    const f = await fixture();
    await f.make(f.teams.support.id);
    expect(await db.conversationCount.count({ where: { workspaceId: f.workspace.id } })).toBeGreaterThan(0);
    await db.workspace.delete({ where: { id: f.workspace.id } });
    expect(await db.conversationCount.count({ where: { workspaceId: f.workspace.id } })).toBe(0);
  });
});

describe("inbox.list sorting", () => {
  it("sorts by priority then activity, and by longest waiting, with keyset paging", async () => {
    const f = await fixture();
    const t = Date.now() - 3_600_000;
    const urgent = await f.make(f.teams.support.id, { priority: "URGENT", lastMessageAt: new Date(t) });
    const high1 = await f.make(f.teams.support.id, { priority: "HIGH", lastMessageAt: new Date(t + 1000) });
    const high2 = await f.make(f.teams.support.id, { priority: "HIGH", lastMessageAt: new Date(t + 2000) });
    const none = await f.make(f.teams.support.id, { lastMessageAt: new Date(t + 3000) });
    const agent = callerAs(f.members.agent);
    const ids: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page: Awaited<ReturnType<typeof agent.inbox.list>> = await agent.inbox.list({ sort: "priority", limit: 1, cursor });
      ids.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual([urgent.id, high2.id, high1.id, none.id]);
    // pages that end inside a priority group and continue into the lower ones
    for (const limit of [2, 3]) {
      const first = await agent.inbox.list({ sort: "priority", limit });
      const second = await agent.inbox.list({ sort: "priority", limit, cursor: first.nextCursor });
      expect([...first.items, ...second.items].map((i) => i.id)).toEqual(ids);
      expect(second.nextCursor).toBeNull();
    }

    const waitingOld = await f.make(f.teams.support.id, { messages: 1, lastMessageAt: new Date(t - 60_000) });
    const waitingNew = await f.make(f.teams.support.id, { messages: 1, lastMessageAt: new Date(t + 60_000) });
    const waiting = await agent.inbox.list({ sort: "waiting" });
    expect(waiting.items.map((i) => i.id)).toEqual([waitingOld.id, waitingNew.id]);
    const oldest = await agent.inbox.list({ sort: "oldest", limit: 2 });
    expect(oldest.items.map((i) => i.id)).toEqual([waitingOld.id, urgent.id]);
    await expect(agent.inbox.list({ sort: "priority", cursor: oldest.nextCursor })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("conversation.bulk", () => {
  it("refuses anonymous callers and volunteers (no bulk permission)", async () => {
    const f = await fixture();
    const c = await f.make(f.teams.returns.id);
    const input = { conversationIds: [c.id], change: { type: "status" as const, status: "RESOLVED" as const } };
    await expect(callerAs(null).conversation.bulk(input)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerAs(f.members.volunteer).conversation.bulk(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("applies one change to a selection atomically; any conversation out of reach fails the whole batch", async () => {
    const f = await fixture();
    const other = await fixture();
    const a = await f.make(f.teams.support.id);
    const b = await f.make(f.teams.returns.id);
    const foreign = await other.make(other.teams.support.id);
    const agent = callerAs(f.members.agent);
    expect(
      await agent.conversation.bulk({ conversationIds: [a.id, b.id], change: { type: "assign", assigneeId: f.members.agent.user.id } }),
    ).toEqual({ count: 2 });
    expect(await agent.conversation.bulk({ conversationIds: [a.id, b.id], change: { type: "addTag", name: "holiday" } })).toEqual({
      count: 2,
    });
    await expect(
      agent.conversation.bulk({ conversationIds: [a.id, foreign.id], change: { type: "status", status: "RESOLVED" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.conversation.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("OPEN");
    expect(await agent.conversation.bulk({ conversationIds: [a.id, b.id], change: { type: "status", status: "RESOLVED" } })).toEqual({
      count: 2,
    });
    expect(await db.conversation.count({ where: { id: { in: [a.id, b.id] }, status: "RESOLVED" } })).toBe(2);
  });
});

describe("workspace.members", () => {
  it("lists active members only, and refuses anonymous callers", async () => {
    const f = await fixture();
    await expect(callerAs(null).workspace.members()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const members = await callerAs(f.members.agent).workspace.members();
    expect(members.map((m) => m.id).sort()).toEqual(
      Object.values(f.members)
        .map((m) => m.user.id)
        .sort(),
    );
  });
});
