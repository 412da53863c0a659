import crypto from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { createConversation, createCustomer, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";
import type { BusEvent } from "../events/bus";
import { createPgFanout } from "../events/fanout";

const db = testDb();

async function fixture() {
  const ws = await createWorkspaceWithRoles(db);
  const customer = await createCustomer(db, { workspaceId: ws.workspace.id });
  const conversation = await createConversation(db, {
    workspaceId: ws.workspace.id,
    channelId: ws.channel.id,
    customerId: customer.id,
    messages: 1,
  });
  return { ...ws, conversation };
}

const take = async <T>(it: AsyncIterator<T>, n: number): Promise<T[]> => {
  const out: T[] = [];
  while (out.length < n) {
    const r = await it.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
};
const data = (v: unknown): BusEvent => (Array.isArray(v) ? v[1] : v) as BusEvent;

describe("inbox.events", () => {
  it("delivers committed changes live, and a reconnect with lastEventId backfills what it missed", async () => {
    const f = await fixture();
    const ac = new AbortController();
    const stream = (await callerAs(f.members.agent, { signal: ac.signal }).inbox.events())[Symbol.asyncIterator]();
    const pending = take(stream, 1);
    await new Promise((r) => setTimeout(r, 30));
    await callerAs(f.members.lead).conversation.setPriority({ conversationId: f.conversation.id, priority: "HIGH" });
    const [live] = await pending;
    expect(data(live)).toMatchObject({ type: "conversation.updated", conversationId: f.conversation.id, changes: ["priority"] });
    ac.abort();

    // while disconnected: two more changes
    await callerAs(f.members.lead).conversation.assign({ conversationId: f.conversation.id, assigneeId: f.members.agent.user.id });
    await callerAs(f.members.lead).conversation.note({ conversationId: f.conversation.id, text: "fyi" });
    const ac2 = new AbortController();
    const resumed = (await callerAs(f.members.agent, { signal: ac2.signal }).inbox.events({ lastEventId: data(live).id }))[
      Symbol.asyncIterator
    ]();
    const missed = (await take(resumed, 2)).map(data);
    expect(missed.map((e) => e.type)).toEqual(["conversation.assigned", "message.created"]);
    ac2.abort();
  });
});

describe("presence", () => {
  it("shows who is viewing and typing, and refuses callers outside the conversation's scope", async () => {
    const f = await fixture();
    const ac = new AbortController();
    const watch = (await callerAs(f.members.agent, { signal: ac.signal }).presence.watch({ conversationId: f.conversation.id }))[
      Symbol.asyncIterator
    ]();
    expect((await take(watch, 1))[0]).toEqual({ viewers: [] });
    await callerAs(f.members.lead).presence.heartbeat({ conversationId: f.conversation.id, typing: true });
    const [seen] = await take(watch, 1);
    expect(seen?.viewers).toEqual([{ userId: f.members.lead.user.id, name: f.members.lead.user.name, typing: true }]);
    await callerAs(f.members.lead).presence.leave({ conversationId: f.conversation.id });
    expect((await take(watch, 1))[0]).toEqual({ viewers: [] });
    ac.abort();
    await expect(callerAs(null).presence.heartbeat({ conversationId: f.conversation.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerAs(f.members.volunteer).presence.heartbeat({ conversationId: f.conversation.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("cross-instance fan-out (LISTEN/NOTIFY)", () => {
  it("delivers one instance's events to another, not back to itself", async (ctx) => {
    if (inject("embedded")) ctx.skip(); // PGlite delivers no NOTIFY between connections: server mode only
    const url = inject("databaseUrl");
    // other test files share this database and its NOTIFY channel: keep only this test's events
    const workspaceId = `fanout-${crypto.randomUUID()}`;
    const receivedA: BusEvent[] = [];
    const receivedB: BusEvent[] = [];
    const a = createPgFanout(url, (e) => {
      if (e.workspaceId === workspaceId) receivedA.push(e);
    });
    const b = createPgFanout(url, (e) => {
      if (e.workspaceId === workspaceId) receivedB.push(e);
    });
    try {
      await Promise.all([a.listen(), b.listen()]);
      const events: BusEvent[] = Array.from({ length: 300 }, (_, i) => ({
        type: "conversation.updated",
        conversationId: `c${i}`,
        teamId: null,
        changes: ["status"],
        id: String(i + 1),
        workspaceId,
        at: new Date().toISOString(),
      }));
      a.send(events); // batched into a few NOTIFYs under 8000 bytes each
      const deadline = Date.now() + 5000;
      while (receivedB.length < events.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(receivedB.map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect(receivedA).toEqual([]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
