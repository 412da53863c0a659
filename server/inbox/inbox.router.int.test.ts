import { describe, expect, it } from "vitest";
import { createConversation, createCustomer, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";
import { publishCommitted } from "../events/emit";
import { subscriberCount } from "../events/bus";

const db = testDb();

/** tracked() yields [id, data, marker] on the server side of a caller */
const trackedData = (v: unknown): unknown => (Array.isArray(v) ? v[1] : v);

async function fixture() {
  const ws = await createWorkspaceWithRoles(db);
  const customer = await createCustomer(db, { workspaceId: ws.workspace.id });
  const make = (teamId: string, extra: Partial<Parameters<typeof createConversation>[1]> = {}) =>
    createConversation(db, { workspaceId: ws.workspace.id, channelId: ws.channel.id, customerId: customer.id, teamId, ...extra });
  return { ...ws, customer, make };
}

describe("inbox.list", () => {
  it("refuses an anonymous caller", async () => {
    await expect(callerAs(null).inbox.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses a member of another workspace", async () => {
    const a = await fixture();
    const b = await fixture();
    await expect(callerAs({ userId: b.members.agent.user.id, workspaceId: a.workspace.id }).inbox.list({})).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("never shows another workspace's conversations", async () => {
    const a = await fixture();
    const b = await fixture();
    const mine = await a.make(a.teams.support.id);
    await b.make(b.teams.support.id);
    const page = await callerAs(a.members.admin).inbox.list({ limit: 100 });
    expect(page.items.map((i) => i.id)).toEqual([mine.id]);
  });

  it("gives a volunteer only their teams' queues, and refuses another team's view", async () => {
    const f = await fixture();
    const returns = await f.make(f.teams.returns.id);
    await f.make(f.teams.support.id);
    const vol = callerAs(f.members.volunteer);
    expect((await vol.inbox.list({})).items.map((i) => i.id)).toEqual([returns.id]);
    await expect(vol.inbox.list({ view: "team", teamId: f.teams.support.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // an agent sees both
    expect((await callerAs(f.members.agent).inbox.list({})).items).toHaveLength(2);
  });

  it("filters by view and status", async () => {
    const f = await fixture();
    const mine = await f.make(f.teams.support.id, { assigneeId: f.members.agent.user.id });
    const unassigned = await f.make(f.teams.support.id);
    const resolved = await f.make(f.teams.support.id, { status: "RESOLVED" });
    const agent = callerAs(f.members.agent);
    expect((await agent.inbox.list({ view: "mine" })).items.map((i) => i.id)).toEqual([mine.id]);
    expect((await agent.inbox.list({ view: "unassigned" })).items.map((i) => i.id)).toEqual([unassigned.id]);
    expect((await agent.inbox.list({ status: "RESOLVED" })).items.map((i) => i.id)).toEqual([resolved.id]);
  });

  it("rejects invalid input with a clear error", async () => {
    const f = await fixture();
    await expect(callerAs(f.members.agent).inbox.list({ view: "team" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerAs(f.members.agent).inbox.list({ cursor: "garbage" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("keyset-paginates newest first without gaps or repeats, even while new conversations arrive", async () => {
    const f = await fixture();
    const base = Date.now() - 3_600_000;
    const created = [];
    for (let i = 0; i < 23; i++) created.push(await f.make(f.teams.support.id, { lastMessageAt: new Date(base + (i % 7) * 60_000) }));
    const agent = callerAs(f.members.agent);
    const seen: string[] = [];
    let cursor: string | null | undefined = undefined;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof agent.inbox.list>> = await agent.inbox.list({ limit: 5, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      // a newer conversation arriving mid-scroll lands at the top and must not shift later pages
      if (pages++ === 1) await f.make(f.teams.support.id, { lastMessageAt: new Date() });
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(created.map((c) => c.id).sort());
    expect(pages).toBe(5);
  });

  it("orders by last activity, newest first", async () => {
    const f = await fixture();
    const old = await f.make(f.teams.support.id, { lastMessageAt: new Date(Date.now() - 86_400_000) });
    const recent = await f.make(f.teams.support.id, { lastMessageAt: new Date() });
    const ids = (await callerAs(f.members.agent).inbox.list({})).items.map((i) => i.id);
    expect(ids).toEqual([recent.id, old.id]);
  });
});

describe("inbox.events", () => {
  it("refuses an anonymous caller", async () => {
    await expect(callerAs(null).inbox.events()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("streams the workspace's events, filtered to a volunteer's teams", async () => {
    const f = await fixture();
    const ac = new AbortController();
    const agentStream = await callerAs(f.members.agent, { signal: ac.signal }).inbox.events();
    const volStream = await callerAs(f.members.volunteer, { signal: ac.signal }).inbox.events();
    const agentIt = agentStream[Symbol.asyncIterator]();
    const volIt = volStream[Symbol.asyncIterator]();
    const agentNext = agentIt.next();
    const volNext = volIt.next();
    // both generators must be subscribed to the bus before anything is published (a fixed sleep races under load)
    while (subscriberCount(f.workspace.id) < 2) await new Promise((r) => setTimeout(r, 10));
    const at = new Date().toISOString();
    publishCommitted([
      {
        id: "1",
        at,
        workspaceId: f.workspace.id,
        type: "conversation.updated",
        conversationId: "c-support",
        teamId: f.teams.support.id,
        changes: ["status"],
      },
      {
        id: "2",
        at,
        workspaceId: f.workspace.id,
        type: "conversation.updated",
        conversationId: "c-returns",
        teamId: f.teams.returns.id,
        changes: ["status"],
      },
    ]);
    const a = await agentNext;
    const v = await volNext;
    expect(trackedData(a.value)).toMatchObject({ conversationId: "c-support" });
    expect(trackedData(v.value)).toMatchObject({ conversationId: "c-returns" });
    ac.abort();
  });
});
