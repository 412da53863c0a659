import { describe, expect, it } from "vitest";
import { createConversation, createCustomer, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";
import { COUNT_CAP } from "./count-conversations";

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

describe("inbox.counts at scale", () => {
  it(`stops counting at ${COUNT_CAP} and flags the capped numbers, still exact below the cap`, async () => {
    const f = await fixture();
    const workspaceId = f.workspace.id;
    // COUNT_CAP + 5 resolved conversations in one statement (numbers far above the workspace sequence)
    await db.conversation.createMany({
      data: Array.from({ length: COUNT_CAP + 5 }, (_, i) => ({
        workspaceId,
        number: 1_000_000 + i,
        channelId: f.channel.id,
        customerId: f.customer.id,
        teamId: f.teams.support.id,
        status: "RESOLVED" as const,
      })),
    });
    await f.make(f.teams.support.id);
    await f.make(f.teams.returns.id, { status: "PENDING" });
    const counts = await callerAs(f.members.agent).inbox.counts();
    expect(counts.status).toEqual({ OPEN: 1, PENDING: 1, SNOOZED: 0, RESOLVED: COUNT_CAP });
    expect(counts.capped).toEqual({ views: {}, teams: {}, status: { RESOLVED: true }, channelKinds: {} });
    expect(counts.views).toEqual({ all: 1, mine: 0, unassigned: 1 });
    expect(counts.teams).toEqual({ [f.teams.support.id]: 1 });
    // a volunteer (Returns only) sees none of the Support team's resolved ones: exact, not capped
    const vol = await callerAs(f.members.volunteer).inbox.counts();
    expect(vol.status).toEqual({ OPEN: 0, PENDING: 1, SNOOZED: 0, RESOLVED: 0 });
    expect(vol.capped.status).toEqual({});
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
