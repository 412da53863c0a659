// The built-in SMTP listener on a free loopback port, spoken to by a real SMTP client (nodemailer).
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChannel, createWorkspace } from "@/prisma/seed/factories";
import { testDb } from "@/test/db";
import type { RawDelivery } from "./inbound-delivery";
import { smtpListenerOptionsFromEnv, startSmtpListener, type SmtpListener } from "./smtp-listener";

const db = testDb();

function transport(port: number, auth?: { user: string; pass: string }) {
  return nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true, ...(auth ? { auth } : {}) });
}

function mail(to: string | string[], extra: Record<string, unknown> = {}) {
  const messageId = `<${randomUUID()}@customer.example>`;
  return {
    from: "Ada Customer <ada@customer.example>",
    to,
    subject: "Where is my order?",
    text: "Hello, order #1042 has not arrived.",
    messageId,
    ...extra,
  };
}

type SendError = Error & { responseCode?: number; rejected?: string[] };
async function sendError(promise: Promise<unknown>): Promise<SendError> {
  try {
    await promise;
  } catch (err) {
    return err as SendError;
  }
  throw new Error("expected the send to fail");
}

describe("SMTP listener with a test double as the pipeline", () => {
  let listener: SmtpListener;
  const delivered: RawDelivery[] = [];
  let failNext = false;
  let address = "";
  let otherAddress = "";

  beforeAll(async () => {
    const ws = await createWorkspace(db);
    address = (await createChannel(db, { workspaceId: ws.id, kind: "EMAIL" })).address ?? "";
    otherAddress = (await createChannel(db, { workspaceId: ws.id, kind: "EMAIL" })).address ?? "";
    listener = await startSmtpListener(db, {
      port: 0,
      host: "127.0.0.1",
      maxBytes: 64 * 1024,
      log: () => {},
      deliver: (d) => {
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error("database is down"));
        }
        delivered.push(d);
        return Promise.resolve();
      },
    });
  });
  afterAll(async () => listener?.close());

  it("accepts a channel address, its local+token@ variant and any case, one delivery per channel with its recipients", async () => {
    delivered.length = 0;
    const [local, domain] = address.split("@");
    const plus = `${local}+a1b2c3@${domain}`;
    const info = await transport(listener.port).sendMail(mail([address.toUpperCase(), plus, otherAddress]));
    expect(info.rejected).toEqual([]);
    expect(delivered).toHaveLength(2);
    const byRecipients = delivered.map((d) => d.recipients?.map((r) => r.toLowerCase()).sort());
    expect(byRecipients).toContainEqual([address, plus].sort());
    expect(byRecipients).toContainEqual([otherAddress]);
    expect(delivered[0]?.raw.toString()).toContain("order #1042");
  });

  it("refuses an unknown recipient at RCPT time with 550", async () => {
    delivered.length = 0;
    const err = await sendError(transport(listener.port).sendMail(mail(`nobody-${randomUUID()}@example.com`)));
    expect(err.responseCode).toBe(550);
    expect(err.rejected).toHaveLength(1);
    expect(delivered).toHaveLength(0);
    // `%` is no wildcard: a look-alike of a real address is refused too
    const [local, domain] = address.split("@");
    const like = await sendError(transport(listener.port).sendMail(mail(`${local?.slice(0, -2)}%@${domain}`)));
    expect(like.responseCode).toBe(550);
  });

  it("accepts the known recipient and refuses the unknown one in a mixed envelope", async () => {
    delivered.length = 0;
    const unknown = `nobody-${randomUUID()}@example.com`;
    const info = await transport(listener.port).sendMail(mail([address, unknown]));
    expect(info.rejected).toEqual([unknown]);
    expect(delivered).toHaveLength(1);
  });

  it("refuses an oversized message with 552 and delivers nothing", async () => {
    delivered.length = 0;
    const err = await sendError(transport(listener.port).sendMail(mail(address, { text: "x".repeat(100 * 1024) })));
    expect(err.responseCode).toBe(552);
    expect(delivered).toHaveLength(0);
  });

  it("answers 451 when the pipeline fails, so the sending MTA retries", async () => {
    delivered.length = 0;
    failNext = true;
    const err = await sendError(transport(listener.port).sendMail(mail(address)));
    expect(err.responseCode).toBe(451);
    await transport(listener.port).sendMail(mail(address)); // the retry goes through
    expect(delivered).toHaveLength(1);
  });

  it("refuses the address of an inactive channel", async () => {
    const ws = await createWorkspace(db);
    const channel = await createChannel(db, { workspaceId: ws.id, kind: "EMAIL" });
    await db.channel.update({ where: { id: channel.id }, data: { active: false } });
    const err = await sendError(transport(listener.port).sendMail(mail(channel.address ?? "")));
    expect(err.responseCode).toBe(550);
  });
});

describe("SMTP listener with AUTH", () => {
  it("requires the configured credentials", async () => {
    const ws = await createWorkspace(db);
    const address = (await createChannel(db, { workspaceId: ws.id, kind: "EMAIL" })).address ?? "";
    const delivered: RawDelivery[] = [];
    const listener = await startSmtpListener(db, {
      port: 0,
      host: "127.0.0.1",
      auth: { user: "relay", password: "s3cret-relay" },
      log: () => {},
      deliver: (d) => Promise.resolve(delivered.push(d)),
    });
    try {
      const noAuth = await sendError(transport(listener.port).sendMail(mail(address)));
      expect(noAuth.responseCode).toBe(530);
      const wrong = await sendError(transport(listener.port, { user: "relay", pass: "nope" }).sendMail(mail(address)));
      expect(wrong.responseCode).toBe(535);
      await transport(listener.port, { user: "relay", pass: "s3cret-relay" }).sendMail(mail(address));
      expect(delivered).toHaveLength(1);
    } finally {
      await listener.close();
    }
  });
});

describe("SMTP listener with STARTTLS", () => {
  it("upgrades to TLS and only then accepts AUTH", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "smtp-tls-"));
    const res = spawnSync("openssl", [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=localhost",
      "-keyout",
      `${dir}/key.pem`,
      "-out",
      `${dir}/cert.pem`,
    ]);
    expect(res.status).toBe(0);
    const options = smtpListenerOptionsFromEnv({
      SMTP_LISTEN_PORT: "0",
      SMTP_LISTEN_HOST: "127.0.0.1",
      SMTP_TLS_KEY: `${dir}/key.pem`,
      SMTP_TLS_CERT: `${dir}/cert.pem`,
      SMTP_AUTH_USER: "relay",
      SMTP_AUTH_PASSWORD: "s3cret-relay",
    });
    if (!options) throw new Error("listener should be on");
    const ws = await createWorkspace(db);
    const address = (await createChannel(db, { workspaceId: ws.id, kind: "EMAIL" })).address ?? "";
    const delivered: RawDelivery[] = [];
    const listener = await startSmtpListener(db, { ...options, log: () => {}, deliver: (d) => Promise.resolve(delivered.push(d)) });
    const auth = { user: "relay", pass: "s3cret-relay" };
    try {
      // no AUTH in plaintext when TLS is available
      const plain = await sendError(transport(listener.port, auth).sendMail(mail(address)));
      expect(plain.responseCode).toBe(538);
      const secure = nodemailer.createTransport({
        host: "127.0.0.1",
        port: listener.port,
        requireTLS: true,
        tls: { rejectUnauthorized: false },
        auth,
      });
      await secure.sendMail(mail(address));
      expect(delivered).toHaveLength(1);
    } finally {
      await listener.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("SMTP listener through the real ingest pipeline", () => {
  it("stores the conversation and the message; a redelivery is stored once", async () => {
    const ws = await createWorkspace(db);
    const channel = await createChannel(db, { workspaceId: ws.id, kind: "EMAIL" });
    const address = channel.address ?? "";
    const listener = await startSmtpListener(db, { port: 0, host: "127.0.0.1", log: () => {} });
    try {
      const [local, domain] = address.split("@");
      const message = mail(`${local}+anything@${domain}`, { subject: "Parcel missing" });
      await transport(listener.port).sendMail(message);
      const stored = await db.message.findMany({
        where: { channelId: channel.id },
        select: { externalId: true, text: true, direction: true, conversation: { select: { subject: true, workspaceId: true } } },
      });
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        externalId: message.messageId.slice(1, -1),
        direction: "IN",
        conversation: { subject: "Parcel missing", workspaceId: ws.id },
      });
      expect(stored[0]?.text).toContain("order #1042");

      await transport(listener.port).sendMail(message); // an MTA retry / second route of the same message
      expect(await db.message.count({ where: { channelId: channel.id } })).toBe(1);
    } finally {
      await listener.close();
    }
  });
});

describe("SMTP listeners of several worker processes on one port", () => {
  const waitFor = async (ok: () => boolean, ms = 5_000) => {
    const until = Date.now() + ms;
    while (!ok()) {
      if (Date.now() > until) throw new Error("timed out waiting");
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it("the first binds, the second waits with one log line and takes over (and accepts mail) when the first stops", async () => {
    const ws = await createWorkspace(db);
    const address = (await createChannel(db, { workspaceId: ws.id, kind: "EMAIL" })).address ?? "";
    const toFirst: RawDelivery[] = [];
    const toSecond: RawDelivery[] = [];
    const first = await startSmtpListener(db, {
      port: 0,
      host: "127.0.0.1",
      log: () => {},
      deliver: (d) => Promise.resolve(toFirst.push(d)),
    });
    const logs: string[] = [];
    const second = await startSmtpListener(db, {
      port: first.port,
      host: "127.0.0.1",
      bindRetryMs: 50,
      log: (m) => logs.push(m),
      deliver: (d) => Promise.resolve(toSecond.push(d)),
    });
    try {
      expect(first.listening).toBe(true);
      expect(second.listening).toBe(false);
      await sleep(300); // several retries, still one line
      expect(logs).toEqual([
        `SMTP listener: port ${first.port} is in use by another process on this host; this process will take over if it stops`,
      ]);
      await transport(first.port).sendMail(mail(address));
      expect([toFirst.length, toSecond.length]).toEqual([1, 0]);

      await first.close(); // the process holding the port stops
      await waitFor(() => second.listening);
      expect(second.port).toBe(first.port);
      expect(logs.at(-1)).toMatch(/^listening on 127\.0\.0\.1:\d+ .*took over the port$/);
      const info = await transport(second.port).sendMail(mail(address));
      expect(info.rejected).toEqual([]);
      expect([toFirst.length, toSecond.length]).toEqual([1, 1]);
      expect(toSecond[0]?.raw.toString()).toContain("order #1042");
    } finally {
      await first.close();
      await second.close();
    }
  });

  it("a waiting listener that is closed stops trying to bind", async () => {
    const holder = await startSmtpListener(db, { port: 0, host: "127.0.0.1", log: () => {} });
    const waiting = await startSmtpListener(db, { port: holder.port, host: "127.0.0.1", bindRetryMs: 50, log: () => {} });
    await waiting.close();
    await holder.close();
    await sleep(200);
    expect(waiting.listening).toBe(false);
    // the port is free: nobody took it
    const again = await startSmtpListener(db, { port: holder.port, host: "127.0.0.1", log: () => {} });
    expect(again.listening).toBe(true);
    await again.close();
  });

  it("any other bind error still fails the start", async () => {
    // 192.0.2.1 (TEST-NET-1) is no address of this host: EADDRNOTAVAIL
    await expect(startSmtpListener(db, { port: 0, host: "192.0.2.1", log: () => {} })).rejects.toMatchObject({ code: "EADDRNOTAVAIL" });
  });
});

describe("smtpListenerOptionsFromEnv", () => {
  it("is off without SMTP_LISTEN_PORT and has defaults otherwise", () => {
    expect(smtpListenerOptionsFromEnv({})).toBeNull();
    expect(smtpListenerOptionsFromEnv({ SMTP_LISTEN_PORT: "2525" })).toMatchObject({
      port: 2525,
      host: "0.0.0.0",
      maxBytes: 30 * 1024 * 1024,
    });
    expect(() => smtpListenerOptionsFromEnv({ SMTP_LISTEN_PORT: "abc" })).toThrow(/SMTP_LISTEN_PORT/);
    expect(() => smtpListenerOptionsFromEnv({ SMTP_LISTEN_PORT: "2525", SMTP_AUTH_USER: "x" })).toThrow(/SMTP_AUTH_PASSWORD/);
  });
});
