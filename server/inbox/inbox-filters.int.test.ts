import { describe, expect, it } from "vitest";
import { createChannel, createConversation, createCustomer, createMember, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";
import { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { findActor } from "../workspaces/workspaces.repository";
import { conversationIdsByTextSql } from "./inbox.repository";

const db = testDb();
const MIN = 60_000;

async function fixture() {
  const ws = await createWorkspaceWithRoles(db);
  const customer = await createCustomer(db, { workspaceId: ws.workspace.id });
  const vipCustomer = await createCustomer(db, { workspaceId: ws.workspace.id, vip: true });
  /** a conversation, then the columns no factory option sets (SLA, waiting) written directly */
  const make = async (
    teamId: string,
    extra: Partial<Parameters<typeof createConversation>[1]> = {},
    set: Prisma.ConversationUpdateInput = {},
  ) => {
    const c = await createConversation(db, {
      workspaceId: ws.workspace.id,
      channelId: ws.channel.id,
      customerId: customer.id,
      teamId,
      ...extra,
    });
    return Object.keys(set).length ? db.conversation.update({ where: { id: c.id }, data: set }) : c;
  };
  const message = (conversationId: string, text: string, kind: "MESSAGE" | "NOTE" = "MESSAGE") =>
    db.message.create({
      data: { workspaceId: ws.workspace.id, conversationId, channelId: ws.channel.id, direction: "IN", kind, authorType: "CUSTOMER", text },
    });
  return { ...ws, customer, vipCustomer, make, message };
}

type Caller = ReturnType<typeof callerAs>;
type ListInput = Parameters<Caller["inbox"]["list"]>[0];

async function ids(caller: Caller, input: ListInput): Promise<string[]> {
  return (await caller.inbox.list({ limit: 100, ...input })).items.map((i) => i.id).sort();
}

async function allPages(caller: Caller, input: ListInput): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null | undefined;
  do {
    const page: Awaited<ReturnType<Caller["inbox"]["list"]>> = await caller.inbox.list({ ...input, cursor });
    seen.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

describe("inbox.list filters", () => {
  it("filters by assignee, VIP and waiting time", async () => {
    const f = await fixture();
    const now = Date.now();
    const byAgent = await f.make(f.teams.support.id, { assigneeId: f.members.agent.user.id });
    const byLead = await f.make(f.teams.support.id, { assigneeId: f.members.lead.user.id });
    const vip = await f.make(f.teams.support.id, { customerId: f.vipCustomer.id });
    const waitingLong = await f.make(f.teams.support.id, {}, { waitingSince: new Date(now - 90 * MIN) });
    const waitingShort = await f.make(f.teams.support.id, {}, { waitingSince: new Date(now - 10 * MIN) });
    const agent = callerAs(f.members.agent);

    expect(await ids(agent, { assigneeId: f.members.lead.user.id })).toEqual([byLead.id]);
    expect(await ids(agent, { assigneeId: f.members.agent.user.id })).toEqual([byAgent.id]);
    expect(await ids(agent, { vip: true })).toEqual([vip.id]);
    expect(await ids(agent, { vip: false })).toEqual([byAgent.id, byLead.id, waitingLong.id, waitingShort.id].sort());
    expect(await ids(agent, { waitingOver: 60 })).toEqual([waitingLong.id]);
    expect(await ids(agent, { waitingOver: 5 })).toEqual([waitingLong.id, waitingShort.id].sort());
    // filters combine (AND)
    expect(await ids(agent, { waitingOver: 5, vip: true })).toEqual([]);
  });

  it("filters by SLA state: breached, due within the hour, ok (the rest)", async () => {
    const f = await fixture();
    const now = Date.now();
    const overdue = await f.make(f.teams.support.id, {}, { slaDueAt: new Date(now - 5 * MIN) });
    const breachedRecorded = await f.make(
      f.teams.support.id,
      {},
      { slaDueAt: new Date(now + 3 * 60 * MIN), slaBreachedAt: new Date(now - MIN) },
    );
    const dueSoon = await f.make(f.teams.support.id, {}, { slaDueAt: new Date(now + 20 * MIN) });
    const later = await f.make(f.teams.support.id, {}, { slaDueAt: new Date(now + 5 * 60 * MIN) });
    const noSla = await f.make(f.teams.support.id);
    const agent = callerAs(f.members.agent);
    expect(await ids(agent, { sla: "breached" })).toEqual([overdue.id, breachedRecorded.id].sort());
    expect(await ids(agent, { sla: "due_soon" })).toEqual([dueSoon.id]);
    expect(await ids(agent, { sla: "ok" })).toEqual([later.id, noSla.id].sort());
  });

  it("narrows any view to a team, and refuses a volunteer a team they are not in", async () => {
    const f = await fixture();
    const support = await f.make(f.teams.support.id, { assigneeId: f.members.agent.user.id });
    const returns = await f.make(f.teams.returns.id);
    expect(await ids(callerAs(f.members.agent), { teamId: f.teams.support.id })).toEqual([support.id]);
    expect(await ids(callerAs(f.members.agent), { view: "mine", teamId: f.teams.returns.id })).toEqual([]);
    const vol = callerAs(f.members.volunteer);
    expect(await ids(vol, { teamId: f.teams.returns.id })).toEqual([returns.id]);
    await expect(vol.inbox.list({ teamId: f.teams.support.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // a volunteer's other filters never reach past their teams
    expect(await ids(vol, { assigneeId: f.members.agent.user.id })).toEqual([]);
  });

  it("rejects invalid filter values", async () => {
    const f = await fixture();
    const agent = callerAs(f.members.agent);
    for (const bad of [
      { assigneeId: "nope" },
      { waitingOver: 0 },
      { waitingOver: 1.5 },
      { text: "x".repeat(201) },
      { sla: "late" },
    ] as const) {
      await expect(agent.inbox.list(bad as unknown as ListInput)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
  });
});

describe("inbox.list text filter", () => {
  it("finds conversations by a word in their messages, notes or subject (stemmed), within the actor's scope", async () => {
    const f = await fixture();
    const other = await fixture();
    const inMessage = await f.make(f.teams.support.id, { messages: 2 });
    await f.message(inMessage.id, "My parcel arrived damaged and soaked");
    const inNote = await f.make(f.teams.returns.id);
    await f.message(inNote.id, "Internal: the parcels were mislabelled", "NOTE");
    const inSubject = await f.make(f.teams.support.id, { subject: "Damaged parcel from the warehouse" });
    const unrelated = await f.make(f.teams.support.id, { messages: 3, subject: "Where is my order?" });
    const resolved = await f.make(f.teams.support.id, { status: "RESOLVED" });
    await f.message(resolved.id, "parcel never came");
    const foreign = await other.make(other.teams.support.id);
    await other.message(foreign.id, "parcel parcel parcel");

    const agent = callerAs(f.members.agent);
    expect(await ids(agent, { text: "parcel" })).toEqual([inMessage.id, inNote.id, inSubject.id].sort());
    expect(await ids(agent, { text: "damaged parcel" })).toEqual([inMessage.id, inSubject.id].sort());
    expect(await ids(agent, { text: "parcel", status: "RESOLVED" })).toEqual([resolved.id]);
    expect(await ids(agent, { text: "zeppelin" })).toEqual([]);
    // blank text is no filter
    expect(await ids(agent, { text: "   " })).toContain(unrelated.id);
    // combined with other filters and sorts, and paginated
    expect(await allPages(agent, { text: "parcel", teamId: f.teams.support.id, sort: "oldest", limit: 1 })).toEqual([
      inMessage.id,
      inSubject.id,
    ]);
    // a volunteer only finds their teams' matches
    expect(await ids(callerAs(f.members.volunteer), { text: "parcel" })).toEqual([inNote.id]);
  });
  it("reads messages through the GIN index on Message.search (no scan of Message)", async () => {
    const f = await fixture();
    const c = await f.make(f.teams.returns.id);
    await db.message.createMany({
      data: Array.from({ length: 3000 }, (_, i) => ({
        workspaceId: f.workspace.id,
        conversationId: c.id,
        channelId: f.channel.id,
        direction: "IN" as const,
        authorType: "CUSTOMER" as const,
        text: `Message ${i} about tracking ${i % 7 === 0 ? "delayed" : "fine"}`,
      })),
    });
    await db.$executeRawUnsafe(`ANALYZE "Message"`);
    await db.$queryRaw`SELECT gin_clean_pending_list('"Message_search_idx"'::regclass)`;
    for (const member of [f.members.agent, f.members.volunteer]) {
      const actor = (await findActor(db, member.user.id, f.workspace.id)) as Actor;
      const plan = await db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        const sql = conversationIdsByTextSql(actor, { q: "parcel damaged", status: "OPEN", take: 1000 });
        const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${sql}`);
        return rows.map((r) => r["QUERY PLAN"]).join("\n");
      });
      expect(plan).toContain("Message_search_idx");
      expect(plan).not.toMatch(/Seq Scan on "Message"/);
    }
  });
});

describe("inbox.list SLA sort", () => {
  it("orders by SLA due date, conversations without an SLA last, and pages across the null boundary without gaps or repeats", async () => {
    const f = await fixture();
    const base = Date.now() + 60 * MIN;
    const withSla = [];
    // ties on slaDueAt so the id tiebreak matters
    for (let i = 0; i < 7; i++) withSla.push(await f.make(f.teams.support.id, {}, { slaDueAt: new Date(base + (i % 3) * MIN) }));
    const without = [];
    for (let i = 0; i < 5; i++) without.push(await f.make(f.teams.support.id));
    const agent = callerAs(f.members.agent);

    const expected = [
      ...[...withSla].sort((a, b) => a.slaDueAt!.getTime() - b.slaDueAt!.getTime() || (a.id < b.id ? -1 : 1)),
      ...[...without].sort((a, b) => (a.id < b.id ? -1 : 1)),
    ].map((c) => c.id);
    for (const limit of [1, 2, 3, 5, 7, 12, 50]) {
      expect(await allPages(agent, { sort: "sla", limit }), `limit ${limit}`).toEqual(expected);
    }
    // the cursor of the last row with an SLA and of the first without one
    const page7 = await agent.inbox.list({ sort: "sla", limit: 7 });
    expect((await agent.inbox.list({ sort: "sla", limit: 2, cursor: page7.nextCursor })).items.map((i) => i.id)).toEqual(
      expected.slice(7, 9),
    );
    const page8 = await agent.inbox.list({ sort: "sla", limit: 8 });
    expect((await agent.inbox.list({ sort: "sla", limit: 10, cursor: page8.nextCursor })).items.map((i) => i.id)).toEqual(
      expected.slice(8),
    );
    // another sort's cursor is refused
    const newest = await agent.inbox.list({ limit: 1 });
    await expect(agent.inbox.list({ sort: "sla", cursor: newest.nextCursor })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(agent.inbox.list({ sort: "newest", cursor: page7.nextCursor })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("keeps the volunteer's scope under the SLA sort", async () => {
    const f = await fixture();
    const extra = await createMember(db, {
      workspaceId: f.workspace.id,
      role: "VOLUNTEER",
      teamIds: [f.teams.support.id],
      accessUntil: new Date(Date.now() + 86_400_000),
    });
    const support = await f.make(f.teams.support.id, {}, { slaDueAt: new Date(Date.now() + MIN) });
    await f.make(f.teams.returns.id, {}, { slaDueAt: new Date(Date.now() + MIN) });
    expect(await allPages(callerAs(extra), { sort: "sla", limit: 1 })).toEqual([support.id]);
  });
});

describe("inbox.list by channel kind", () => {
  it("lists every channel of the kind (one or several), and nothing for a kind the workspace lacks", async () => {
    const f = await fixture();
    const workspaceId = f.workspace.id;
    const support = f.teams.support.id;
    const secondEmail = await createChannel(db, { workspaceId, kind: "EMAIL", name: "Returns email" });
    const chat = await createChannel(db, { workspaceId, kind: "CHAT", name: "Chat" });
    const e1 = await f.make(support);
    const e2 = await f.make(support, { channelId: secondEmail.id });
    const c1 = await f.make(support, { channelId: chat.id });
    const agent = callerAs(f.members.agent);
    const ids = async (channelKind: "EMAIL" | "CHAT" | "TELEGRAM") =>
      (await agent.inbox.list({ channelKind })).items.map((i) => i.id).sort();
    expect(await ids("EMAIL")).toEqual([e1.id, e2.id].sort());
    expect(await ids("CHAT")).toEqual([c1.id]);
    expect(await ids("TELEGRAM")).toEqual([]);
  });
});
