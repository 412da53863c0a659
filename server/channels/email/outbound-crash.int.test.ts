import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { simpleParser } from "mailparser";
import { createConversation, createCustomer, createWorkspaceWithRoles } from "../../../prisma/seed/factories";
import { callerAs, testDb } from "../../../test/db";
import { sealJson } from "../../lib/crypto";
import { sendMessageTask } from "../../jobs/tasks/send-message";
import { releaseOrphanedLocks } from "../../jobs/worker";
import { localMxForSuite } from "./testing/local-mx-suite";

const db = testDb();
const mx = localMxForSuite();

async function queuedReplies(n: number) {
  const f = await createWorkspaceWithRoles(db);
  await db.channel.update({
    where: { id: f.channel.id },
    data: { configEncrypted: sealJson({ smtp: { host: "127.0.0.1", port: mx.port, secure: false } }) },
  });
  const customer = await createCustomer(db, { workspaceId: f.workspace.id });
  const c = await createConversation(db, {
    workspaceId: f.workspace.id,
    channelId: f.channel.id,
    customerId: customer.id,
    subject: "Crash",
  });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const m = await callerAs(f.members.agent).conversation.reply({ conversationId: c.id, text: `Reply ${i}` });
    ids.push(m.id);
  }
  return ids;
}

const waitFor = async (ok: () => boolean, ms = 20_000) => {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
};

const messageIdOf = async (raw: Buffer | undefined) => (await simpleParser(raw ?? Buffer.alloc(0))).messageId;

describe("email outbound: crashes and outages", () => {
  it("a worker killed mid-send leaves the message queued; after restart it is delivered once, under the same Message-ID", async () => {
    const [id] = await queuedReplies(1);
    if (!id) throw new Error("no message");
    mx.mode = { kind: "hang" }; // the relay has the whole message but has not answered 250 yet
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(import.meta.dirname, "testing/send-job-child.ts"), inject("databaseUrl"), id],
      { env: process.env, stdio: "ignore" },
    );
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    await waitFor(() => mx.transmitted.length === 1);
    child.kill("SIGKILL");
    await exited;
    expect(mx.received).toHaveLength(0);
    expect(await db.message.findUniqueOrThrow({ where: { id } })).toMatchObject({ deliveryStatus: "QUEUED", externalId: null });

    // the dead worker's lock on the job is released at the next start (embedded: one worker, so any lock is orphaned)
    const key = `send:${id}`;
    await db.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'worker-killed' WHERE key = ${key}`;
    expect(await releaseOrphanedLocks(inject("databaseUrl"))).toBeGreaterThanOrEqual(1);
    const jobs = await db.$queryRaw<{ locked_by: string | null; is_available: boolean }[]>`
      SELECT locked_by, is_available FROM graphile_worker._private_jobs WHERE key = ${key}`;
    expect(jobs).toEqual([{ locked_by: null, is_available: true }]);

    // the queue runs the job again (a new attempt) once the relay answers
    mx.mode = { kind: "accept" };
    expect(await sendMessageTask(db, { messageId: id }, { attempts: 2, maxAttempts: 8 })).toBe("sent");
    expect(await sendMessageTask(db, { messageId: id }, { attempts: 3, maxAttempts: 8 })).toBe("skipped");
    expect(mx.received).toHaveLength(1);
    // had the relay accepted before the crash, the receiver would see the same Message-ID twice and keep one
    expect(await messageIdOf(mx.received[0]?.raw)).toBe(await messageIdOf(mx.transmitted[0]));
    expect((await db.message.findUniqueOrThrow({ where: { id } })).externalId).toBe((await messageIdOf(mx.received[0]?.raw))?.slice(1, -1));
  });

  it("while the relay is down, every queued message waits; when it is back each is delivered exactly once", async () => {
    mx.received.length = 0;
    const ids = await queuedReplies(3);
    const port = mx.port;
    await mx.stop();
    try {
      for (const id of ids) await expect(sendMessageTask(db, { messageId: id }, { attempts: 1, maxAttempts: 8 })).rejects.toThrow();
    } finally {
      await mx.start(port);
    }
    // retries, and a duplicated job delivery for each message, in any order
    const runs = [...ids, ...ids].map((id) => sendMessageTask(db, { messageId: id }, { attempts: 2, maxAttempts: 8 }));
    const results = await Promise.allSettled(runs);
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    for (const id of ids) await sendMessageTask(db, { messageId: id }, { attempts: 3, maxAttempts: 8 });
    const rows = await db.message.findMany({ where: { id: { in: ids } }, select: { deliveryStatus: true } });
    expect(rows.every((r) => r.deliveryStatus === "SENT")).toBe(true);
    const delivered = await Promise.all(mx.received.map((r) => messageIdOf(r.raw)));
    expect(new Set(delivered).size).toBe(3);
    expect(delivered).toHaveLength(3);
  });
});
