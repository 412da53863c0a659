// IMAP polling against a real dovecot started by this file (see test/dovecot.ts): append with imapflow, poll, assert
// ingestion; stop the poller, append while it is down, start it again: no duplicates, no gaps.
import { randomUUID } from "node:crypto";
import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChannel, createWorkspace } from "@/prisma/seed/factories";
import { testDb } from "@/test/db";
import { dovecotAvailable, dovecotMissingMessage, freePort, startDovecot, type Dovecot } from "@/test/dovecot";
import { sealJson } from "../../lib/crypto";
import { startImapPoller, type ImapPoller } from "./imap-poller";
import { readImapSync } from "./inbound.repository";
import type { RawDelivery } from "./inbound-delivery";

const available = dovecotAvailable();
if (!available) {
  if (process.env.CI) throw new Error(`${dovecotMissingMessage()} — a missing IMAP server fails CI.`);
  console.warn(`\n${"!".repeat(78)}\n!!  IMAP TESTS SKIPPED: ${dovecotMissingMessage()}\n${"!".repeat(78)}\n`);
}

const db = testDb();
let dovecot: Dovecot;
let appender: ImapFlow;

const fast = { refreshMs: 60_000, pollMs: 500, idleRecheckMs: 2_000, backoffMinMs: 100, backoffMaxMs: 1_000, log: () => {} };

async function until<T>(
  what: string,
  fn: () => T | null | false | undefined | Promise<T | null | false | undefined>,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function mime(p: { id: string; from: string; to: string; subject: string; body: string }) {
  return Buffer.from(
    [
      `From: ${p.from}`,
      `To: ${p.to}`,
      `Subject: ${p.subject}`,
      `Message-ID: <${p.id}>`,
      `Date: ${new Date().toUTCString()}`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "",
      p.body,
      "",
    ].join("\r\n"),
  );
}

async function imapChannel(mailbox = "INBOX") {
  const ws = await createWorkspace(db);
  const channel = await createChannel(db, { workspaceId: ws.id, kind: "EMAIL" });
  const imap = { host: dovecot.host, port: dovecot.port, secure: false, user: dovecot.user, password: dovecot.password, mailbox };
  await db.channel.update({ where: { id: channel.id }, data: { configEncrypted: sealJson({ imap }) } });
  return { ws, channel: { ...channel, address: channel.address ?? "" } };
}

async function append(mailbox: string, n: number, tag: string, to: string) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `${tag}-${i}-${randomUUID()}@customer.example`;
    ids.push(id);
    await appender.append(
      mailbox,
      mime({ id, from: `Customer ${i} <c${i}-${tag}@customer.example>`, to, subject: `${tag} #${i}`, body: `body ${tag} ${i}` }),
    );
  }
  return ids;
}

describe.skipIf(!available)("IMAP poller (real dovecot)", () => {
  beforeAll(async () => {
    dovecot = await startDovecot();
    appender = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      auth: { user: dovecot.user, pass: dovecot.password },
      logger: false,
    });
    await appender.connect();
  });
  afterAll(async () => {
    await appender?.logout().catch(() => {});
    await dovecot?.stop();
  });

  it("delivers every message once, in UID order, across a restart, with new mail appended while stopped", async () => {
    const box = `T${randomUUID().slice(0, 8)}`;
    await appender.mailboxCreate(box);
    const { channel } = await imapChannel(box);
    const seen: string[] = [];
    const deliver = ({ raw }: RawDelivery) => {
      seen.push(/^Message-ID: <([^>]+)>/im.exec(raw.toString())?.[1] ?? "?");
      return Promise.resolve();
    };
    const before = await append(box, 3, "before", channel.address);

    // no periodic re-check within the test: the live messages can only arrive through IDLE
    let poller: ImapPoller = startImapPoller(db, { ...fast, idleRecheckMs: 600_000, deliver, channelIds: [channel.id] });
    await until("first three", () => seen.length >= 3);
    // IDLE: new mail arrives while the poller is connected
    const live = await append(box, 2, "live", channel.address);
    await until("live two", () => seen.length >= 5);
    await poller.stop();

    const state = await readImapSync(db, channel.id);
    expect(state.lastUid).toBe(5);
    expect(state.uidValidity).toMatch(/^\d+$/);
    expect(state.error ?? null).toBeNull();
    expect(state.lastPolledAt).toBeTruthy();

    const whileDown = await append(box, 4, "down", channel.address);
    poller = startImapPoller(db, { ...fast, deliver, channelIds: [channel.id] });
    await until("the four appended while stopped", () => seen.length >= 9);
    await new Promise((r) => setTimeout(r, 1_000)); // would anything arrive twice?
    await poller.stop();
    expect(seen).toEqual([...before, ...live, ...whileDown]);
    expect((await readImapSync(db, channel.id)).lastUid).toBe(9);
  });

  it("resyncs from the start when UIDVALIDITY changes (mailbox recreated)", async () => {
    const box = `T${randomUUID().slice(0, 8)}`;
    await appender.mailboxCreate(box);
    const { channel } = await imapChannel(box);
    const seen: string[] = [];
    const deliver = ({ raw }: RawDelivery) => {
      seen.push(/^Message-ID: <([^>]+)>/im.exec(raw.toString())?.[1] ?? "?");
      return Promise.resolve();
    };
    const first = await append(box, 3, "old", channel.address);
    let poller = startImapPoller(db, { ...fast, deliver, channelIds: [channel.id] });
    await until("first three", () => seen.length >= 3);
    await poller.stop();
    const before = await readImapSync(db, channel.id);

    await appender.mailboxDelete(box);
    await new Promise((r) => setTimeout(r, 1_100)); // dovecot derives UIDVALIDITY from the clock
    await appender.mailboxCreate(box);
    const second = await append(box, 2, "new", channel.address);
    poller = startImapPoller(db, { ...fast, deliver, channelIds: [channel.id] });
    await until("the recreated mailbox", () => seen.length >= 5);
    await poller.stop();
    const after = await readImapSync(db, channel.id);
    expect(after.uidValidity).not.toBe(before.uidValidity);
    expect(after.lastUid).toBe(2);
    expect(seen).toEqual([...first, ...second]);
  });

  it("retries a failing ingest without advancing the UID, then continues (nothing lost)", async () => {
    const box = `T${randomUUID().slice(0, 8)}`;
    await appender.mailboxCreate(box);
    const { channel } = await imapChannel(box);
    const ids = await append(box, 2, "flaky", channel.address);
    const seen: string[] = [];
    let failures = 2;
    const deliver = ({ raw }: RawDelivery) => {
      if (failures > 0) {
        failures -= 1;
        return Promise.reject(new Error("database hiccup"));
      }
      seen.push(/^Message-ID: <([^>]+)>/im.exec(raw.toString())?.[1] ?? "?");
      return Promise.resolve();
    };
    const poller = startImapPoller(db, { ...fast, deliver, channelIds: [channel.id] });
    await until("both after retries", () => seen.length >= 2);
    await poller.stop();
    expect(seen).toEqual(ids);
    const state = await readImapSync(db, channel.id);
    expect(state.lastUid).toBe(2);
    expect(state.error ?? null).toBeNull(); // cleared by the successful poll
  });

  it("records a connection error on the channel (wrong password) for the settings UI", async () => {
    const ws = await createWorkspace(db);
    const channel = await createChannel(db, { workspaceId: ws.id, kind: "EMAIL" });
    const imap = { host: dovecot.host, port: dovecot.port, secure: false, user: dovecot.user, password: "wrong" };
    await db.channel.update({ where: { id: channel.id }, data: { configEncrypted: sealJson({ imap }) } });
    const poller = startImapPoller(db, { ...fast, deliver: () => Promise.resolve(), channelIds: [channel.id] });
    const state = await until("an error", async () => {
      const s = await readImapSync(db, channel.id);
      return s.error ? s : null;
    });
    await poller.stop();
    expect(state.error).toMatch(/auth|fail|credentials/i);
    expect(state.errorAt).toBeTruthy();
  });

  it("polls many mailboxes concurrently through the real ingest pipeline", async () => {
    const boxes = await Promise.all(
      [0, 1, 2].map(async () => {
        const box = `T${randomUUID().slice(0, 8)}`;
        await appender.mailboxCreate(box);
        return { box, ...(await imapChannel(box)) };
      }),
    );
    const appended = [];
    for (const b of boxes) appended.push(await append(b.box, 2, "real", b.channel.address));
    const poller = startImapPoller(db, { ...fast, channelIds: boxes.map((b) => b.channel.id) });
    try {
      for (const [i, b] of boxes.entries()) {
        const ids = appended[i] ?? [];
        const rows = await until(`messages of ${b.box}`, async () => {
          const found = await db.message.findMany({ where: { channelId: b.channel.id, direction: "IN" }, select: { externalId: true } });
          return found.length >= ids.length ? found : null;
        });
        expect(rows.map((r) => r.externalId).sort()).toEqual([...ids].sort());
        const conversations = await db.conversation.count({ where: { channelId: b.channel.id, workspaceId: b.ws.id } });
        expect(conversations).toBe(2);
      }
    } finally {
      await poller.stop();
    }
    // a restart with the same state fetches nothing again
    const again = startImapPoller(db, { ...fast, channelIds: boxes.map((b) => b.channel.id) });
    await new Promise((r) => setTimeout(r, 1_500));
    await again.stop();
    for (const b of boxes) expect(await db.message.count({ where: { channelId: b.channel.id } })).toBe(2);
  });
});

describe("IMAP poller backoff", () => {
  it("backs off exponentially while a server is unreachable", async () => {
    const ws = await createWorkspace(db);
    const channel = await createChannel(db, { workspaceId: ws.id, kind: "EMAIL" });
    const imap = { host: "127.0.0.1", port: await freePort(), secure: false, user: "u", password: "p" };
    await db.channel.update({ where: { id: channel.id }, data: { configEncrypted: sealJson({ imap }) } });
    const retries: string[] = [];
    const poller = startImapPoller(db, {
      ...fast,
      backoffMinMs: 200,
      backoffMaxMs: 60_000,
      deliver: () => Promise.resolve(),
      channelIds: [channel.id],
      log: (m) => void (/retrying/.test(m) && retries.push(m)),
    });
    await new Promise((r) => setTimeout(r, 1_500));
    await poller.stop();
    // ~200 + 400 + 800 ms (±25 %): three or four attempts, not a tight loop
    expect(retries.length).toBeGreaterThanOrEqual(2);
    expect(retries.length).toBeLessThanOrEqual(4);
    expect((await readImapSync(db, channel.id)).error).toMatch(/ECONNREFUSED/);
  });
});
