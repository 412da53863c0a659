import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../../test/db";
import { createChannel, createConversation, createCustomer, createTeam, createWorkspace } from "../../../prisma/seed/factories";
import { ingestEmail, reprocessPendingEmailEvents } from "./ingest";
import { outboundMessageId, replyAddress } from "./message-id";
import { parseMime } from "./parse";
import { parsedEmail, uid } from "./testing/parsed-email";

process.env.SWITCHBOARD_DATA_DIR ??= "/tmp/sb-att";
const DIR = "/work/shared/fixtures/mime";
const db = testDb();
const email = parsedEmail;

async function setup() {
  const ws = await createWorkspace(db);
  const team = await createTeam(db, { workspaceId: ws.id });
  const channel = await createChannel(db, { workspaceId: ws.id, kind: "EMAIL", ownerTeamId: team.id });
  return { ws, team, channel };
}

describe("ingestEmail", () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    ctx = await setup();
  });

  it("ingests every fixture without a crash and stores the right text", async () => {
    const files = readdirSync(DIR).filter((f) => !f.endsWith(".md"));
    for (const file of files) {
      const raw = readFileSync(path.join(DIR, file));
      const { channel } = await setup(); // fresh channel: several fixtures share a Message-ID
      const result = await ingestEmail(db, { channelId: channel.id, email: await parseMime(raw), source: "webhook", raw });
      if (file.includes("report_530")) {
        expect(result.status, file).toBe("bounce");
        expect(await db.conversation.count({ where: { channelId: channel.id } })).toBe(0);
        continue;
      }
      expect(result.status, file).toBe("created");
      if (result.status !== "created") continue;
      const msg = await db.message.findUniqueOrThrow({ where: { id: result.messageId }, select: { text: true, html: true, meta: true } });
      expect(Buffer.from(msg.text, "utf8").toString("utf8")).toBe(msg.text);
      const meta = msg.meta as Record<string, unknown>;
      if (file.includes("iso_2022")) expect(msg.text).toContain("すみません。");
      if (file.includes("shift_jis")) expect(msg.text).toContain("このメールはテスト用のメールです。");
      if (file.includes("m0006")) expect(msg.text).toContain("über");
      if (file === "chatwoot__non_utf_encoded_mail.eml") expect(meta.autoSubmitted).toBe(true);
      else if (file.startsWith("talon")) expect(meta.autoSubmitted).toBe(false);
      if (file === "talon__standard_replies_gmail.eml") {
        expect(msg.text).toBe("Hello");
        expect(meta.quoted).toContain("wrote:");
      }
      if (file === "talon__standard_replies_outlook.eml") {
        expect(msg.text).toBe("Hello");
        expect(meta.quoted).toContain("Sent:");
      }
      if (file === "talon__standard_replies_hotmail.eml") expect(msg.text.trim()).toBe("Hello");
      if (file.includes("rfc822_inline_image")) {
        const att = await db.attachment.findFirstOrThrow({ where: { messageId: result.messageId, inline: true } });
        expect(att.contentType).toBe("image/png");
        expect(msg.html).toContain(`/api/attachments/${att.id}`);
      }
    }
  });

  it("stores a duplicate Message-ID once, also when delivered concurrently", async () => {
    const e = email();
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => ingestEmail(db, { channelId: ctx.channel.id, email: e, source: i % 2 ? "imap" : "smtp" })),
    );
    expect(results.filter((r) => r.status === "created")).toHaveLength(1);
    expect(results.filter((r) => r.status === "duplicate")).toHaveLength(4);
    expect(await db.message.count({ where: { channelId: ctx.channel.id, externalId: e.messageId } })).toBe(1);
    const again = await ingestEmail(db, { channelId: ctx.channel.id, email: e, source: "webhook" });
    expect(again).toMatchObject({
      status: "duplicate",
      conversationId: results.find((r) => r.status === "created")?.["conversationId" as never],
    });
  });

  it("makes one customer of a new sender whose first messages arrive at once (the losing insert reads the winner's)", async () => {
    const from = { address: `new.${uid()}@customer.example`, name: "New" };
    const results = await Promise.all(
      Array.from({ length: 4 }, () => ingestEmail(db, { channelId: ctx.channel.id, email: email({ from }), source: "smtp" })),
    );
    expect(results.map((r) => r.status)).toEqual(["created", "created", "created", "created"]);
    const identities = await db.customerIdentity.findMany({ where: { workspaceId: ctx.ws.id, address: from.address } });
    expect(identities).toHaveLength(1);
    const conversations = await db.conversation.findMany({
      where: { id: { in: results.map((r) => ("conversationId" in r ? (r.conversationId ?? "") : "")) } },
    });
    expect(new Set(conversations.map((c) => c.customerId))).toEqual(new Set([identities[0]?.customerId]));
  });

  it("matches the customer by address, honours Reply-To and records CCs", async () => {
    const addr = `bo.${uid()}@customer.example`;
    const r = await ingestEmail(db, {
      channelId: ctx.channel.id,
      email: email({
        from: { address: "noreply@forms.example" },
        replyTo: [{ address: addr.toUpperCase(), name: "Bo" }],
        cc: [{ address: "boss@customer.example" }],
      }),
      source: "smtp",
    });
    if (r.status !== "created") throw new Error(r.status);
    const c = await db.conversation.findUniqueOrThrow({
      where: { id: r.conversationId },
      include: { customer: { include: { identities: true } } },
    });
    expect(c.customer.name).toBe("Bo");
    expect(c.customer.identities[0]?.address).toBe(addr);
    expect(c.teamId).toBe(ctx.team.id);
    const m = await db.message.findUniqueOrThrow({ where: { id: r.messageId } });
    expect((m.meta as { cc: unknown }).cc).toEqual([{ address: "boss@customer.example" }]);
    const second = await ingestEmail(db, { channelId: ctx.channel.id, email: email({ from: { address: addr } }), source: "smtp" });
    if (second.status !== "created") throw new Error(second.status);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: second.conversationId } })).customerId).toBe(c.customerId);
  });

  async function outbound(conversationId: string, channelId: string, workspaceId: string) {
    const msg = await db.message.create({
      data: { workspaceId, conversationId, channelId, direction: "OUT", authorType: "AGENT", text: "Our reply", deliveryStatus: "SENT" },
    });
    const id = outboundMessageId({ conversationId, messageId: msg.id, domain: "sb.example" });
    await db.message.update({ where: { id: msg.id }, data: { externalId: id.slice(1, -1) } });
    return { msg, id: id.slice(1, -1) };
  }

  async function conv(status: "OPEN" | "RESOLVED" = "OPEN", resolvedAt?: Date) {
    const customer = await createCustomer(db, { workspaceId: ctx.ws.id });
    const c = await createConversation(db, {
      workspaceId: ctx.ws.id,
      channelId: ctx.channel.id,
      customerId: customer.id,
      status,
      messages: 1,
    });
    if (resolvedAt) await db.conversation.update({ where: { id: c.id }, data: { resolvedAt } });
    return c;
  }

  it("threads by our signed Message-ID, by reply+token, and by stored Message-IDs; a forged id starts anew", async () => {
    const c = await conv();
    const { id } = await outbound(c.id, ctx.channel.id, ctx.ws.id);
    const r1 = await ingestEmail(db, { channelId: ctx.channel.id, email: email({ inReplyTo: [id] }), source: "smtp" });
    expect(r1).toMatchObject({ status: "threaded", conversationId: c.id });
    const forged = id.replace(/\.([A-Za-z0-9_-]{22})@/, ".AAAAAAAAAAAAAAAAAAAAAA@");
    const r2 = await ingestEmail(db, { channelId: ctx.channel.id, email: email({ inReplyTo: [forged] }), source: "smtp" });
    expect(r2.status).toBe("created");
    const token = replyAddress(ctx.channel.address ?? "support@x.example", c.id);
    const r3 = await ingestEmail(db, { channelId: ctx.channel.id, email: email(), source: "smtp", recipients: [token] });
    expect(r3).toMatchObject({ status: "threaded", conversationId: c.id });
    const first = email();
    const r4 = await ingestEmail(db, { channelId: ctx.channel.id, email: first, source: "smtp" });
    const r5 = await ingestEmail(db, {
      channelId: ctx.channel.id,
      email: email({ references: ["x@y", first.messageId ?? ""] }),
      source: "smtp",
    });
    expect(r5).toMatchObject({ status: "threaded", conversationId: (r4 as { conversationId: string }).conversationId });
    const updated = await db.conversation.findUniqueOrThrow({ where: { id: c.id } });
    expect(updated.messageCount).toBe(3);
    expect(updated.lastInboundAt).not.toBeNull();
  });

  it("never threads into another workspace's conversation", async () => {
    const other = await setup();
    const first = email();
    await ingestEmail(db, { channelId: other.channel.id, email: first, source: "smtp" });
    const c = await conv();
    const { id } = await outbound(c.id, ctx.channel.id, ctx.ws.id);
    const r = await ingestEmail(db, { channelId: other.channel.id, email: email({ inReplyTo: [id] }), source: "smtp" });
    expect(r.status).toBe("created");
    const r2 = await ingestEmail(db, { channelId: ctx.channel.id, email: email({ inReplyTo: [first.messageId ?? ""] }), source: "smtp" });
    expect(r2.status).toBe("created");
    const token = replyAddress("support@x.example", c.id);
    const r3 = await ingestEmail(db, { channelId: other.channel.id, email: email(), source: "smtp", recipients: [token] });
    expect(r3.status).toBe("created");
  });

  it("reopens a recently resolved conversation, starts a linked one after the window", async () => {
    const recent = await conv("RESOLVED", new Date(Date.now() - 86_400_000));
    const { id } = await outbound(recent.id, ctx.channel.id, ctx.ws.id);
    const r = await ingestEmail(db, { channelId: ctx.channel.id, email: email({ inReplyTo: [id] }), source: "smtp" });
    expect(r).toMatchObject({ status: "reopened", conversationId: recent.id });
    expect((await db.conversation.findUniqueOrThrow({ where: { id: recent.id } })).status).toBe("OPEN");
    const old = await conv("RESOLVED", new Date(Date.now() - 30 * 86_400_000));
    const o = await outbound(old.id, ctx.channel.id, ctx.ws.id);
    const r2 = await ingestEmail(db, { channelId: ctx.channel.id, email: email({ inReplyTo: [o.id] }), source: "smtp" });
    if (r2.status !== "created") throw new Error(r2.status);
    const fresh = await db.conversation.findUniqueOrThrow({ where: { id: r2.conversationId } });
    expect(fresh.previousConversationId).toBe(old.id);
  });

  it("a DSN marks our outbound message FAILED without opening a conversation", async () => {
    const c = await conv();
    const { msg, id } = await outbound(c.id, ctx.channel.id, ctx.ws.id);
    const raw = Buffer.from(
      readFileSync(path.join(DIR, "mikel-mail__multipart_report_emails_report_530.eml"), "latin1").replaceAll(
        "<200712232303.lBNN3jDq002941@mail12.rrrr.com.au>",
        `<${id}>`,
      ),
      "latin1",
    );
    const before = await db.conversation.count({ where: { channelId: ctx.channel.id } });
    const r = await ingestEmail(db, { channelId: ctx.channel.id, email: await parseMime(raw), source: "imap", raw });
    expect(r).toEqual({ status: "bounce", messageId: msg.id });
    const failed = await db.message.findUniqueOrThrow({ where: { id: msg.id } });
    expect(failed.deliveryStatus).toBe("FAILED");
    expect(failed.deliveryError).toContain("Unknown E-Mail Address");
    expect(await db.conversation.count({ where: { channelId: ctx.channel.id } })).toBe(before);
  });

  it("reprocesses events a crash left RECEIVED", async () => {
    const e = email();
    const raw = Buffer.from(`From: x@customer.example\r\nMessage-ID: <${e.messageId}>\r\nSubject: Crash\r\n\r\nSurvived\r\n`);
    await db.inboundEvent.create({
      data: {
        workspaceId: ctx.ws.id,
        channelId: ctx.channel.id,
        provider: "email",
        externalId: e.messageId ?? "",
        payload: { v: 1, source: "smtp", raw: raw.toString("base64") },
        receivedAt: new Date(Date.now() - 120_000),
      },
    });
    const results = await reprocessPendingEmailEvents(db);
    expect(results.find((x) => x.result?.status === "created")).toBeTruthy();
    expect(await db.message.count({ where: { channelId: ctx.channel.id, externalId: e.messageId, text: "Survived" } })).toBe(1);
    expect((await reprocessPendingEmailEvents(db)).filter((x) => x.result?.status === "created")).toHaveLength(0);
  });
});
