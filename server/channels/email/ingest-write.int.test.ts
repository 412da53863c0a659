import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../../test/db";
import { createChannel, createConversation, createCustomer, createTeam, createWorkspace } from "../../../prisma/seed/factories";
import { resetAttachmentStore } from "../../lib/attachment-store";
import { ingestEmail, reprocessPendingEmailEvents } from "./ingest";
import { parsedEmail, uid } from "./testing/parsed-email";

/**
 * What the one-statement write (ingest.repository.ts) must keep doing: domain events, reopening, merged customers,
 * concurrent messages into one conversation, our own Message-ID coming back, and a failure kept for the retry job.
 */
process.env.SWITCHBOARD_DATA_DIR ??= "/tmp/sb-att";
const DATA_DIR = process.env.SWITCHBOARD_DATA_DIR;
const db = testDb();
const email = parsedEmail;

let ctx: { wsId: string; teamId: string; channelId: string };
beforeAll(async () => {
  const ws = await createWorkspace(db);
  const team = await createTeam(db, { workspaceId: ws.id });
  const channel = await createChannel(db, { workspaceId: ws.id, kind: "EMAIL", ownerTeamId: team.id });
  ctx = { wsId: ws.id, teamId: team.id, channelId: channel.id };
});
afterEach(() => {
  process.env.SWITCHBOARD_DATA_DIR = DATA_DIR;
  resetAttachmentStore();
});

const eventsOf = async (conversationId: string) =>
  (await db.domainEvent.findMany({ where: { workspaceId: ctx.wsId }, orderBy: { id: "asc" } }))
    .map((e) => e.payload as { type: string; conversationId: string; teamId: string | null; messageId?: string; changes?: string[] })
    .filter((p) => p.conversationId === conversationId);

describe("ingest write", () => {
  it("records conversation.created then message.created, and message.created alone for a follow-up", async () => {
    const first = email();
    const r1 = await ingestEmail(db, { channelId: ctx.channelId, email: first, source: "smtp" });
    if (r1.status !== "created") throw new Error(r1.status);
    const r2 = await ingestEmail(db, { channelId: ctx.channelId, email: email({ inReplyTo: [first.messageId ?? ""] }), source: "smtp" });
    expect(r2).toMatchObject({ status: "threaded", conversationId: r1.conversationId });
    if (r2.status !== "threaded") throw new Error(r2.status);
    expect(await eventsOf(r1.conversationId)).toEqual([
      { type: "conversation.created", conversationId: r1.conversationId, teamId: ctx.teamId },
      { type: "message.created", conversationId: r1.conversationId, teamId: ctx.teamId, messageId: r1.messageId },
      { type: "message.created", conversationId: r1.conversationId, teamId: ctx.teamId, messageId: r2.messageId },
    ]);
  });

  it("reopens a pending or snoozed conversation with conversation.updated, and files the message under a merged customer", async () => {
    const into = await createCustomer(db, { workspaceId: ctx.wsId });
    const merged = await createCustomer(db, { workspaceId: ctx.wsId });
    await db.customer.update({ where: { id: merged.id }, data: { mergedIntoId: into.id } });
    for (const status of ["PENDING", "SNOOZED"] as const) {
      const c = await createConversation(db, { workspaceId: ctx.wsId, channelId: ctx.channelId, customerId: into.id, status });
      const root = await db.message.create({
        data: {
          workspaceId: ctx.wsId,
          conversationId: c.id,
          channelId: ctx.channelId,
          direction: "IN",
          authorType: "CUSTOMER",
          externalId: `root.${uid()}@x`,
        },
      });
      const r = await ingestEmail(db, {
        channelId: ctx.channelId,
        email: email({ from: { address: merged.email ?? "" }, references: [root.externalId ?? ""] }),
        source: "imap",
      });
      expect(r).toMatchObject({ status: "threaded", conversationId: c.id });
      const after = await db.conversation.findUniqueOrThrow({ where: { id: c.id } });
      expect(after).toMatchObject({ status: "OPEN", snoozedUntil: null, messageCount: c.messageCount + 1 });
      expect((await eventsOf(c.id)).map((e) => e.type)).toEqual(["message.created", "conversation.updated"]);
      if (r.status !== "threaded") throw new Error(r.status);
      expect((await db.message.findUniqueOrThrow({ where: { id: r.messageId } })).customerId).toBe(into.id);
    }
  });

  it("counts every one of many concurrent messages into one conversation", async () => {
    const first = email();
    const r = await ingestEmail(db, { channelId: ctx.channelId, email: first, source: "smtp" });
    if (r.status !== "created") throw new Error(r.status);
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        ingestEmail(db, { channelId: ctx.channelId, email: email({ inReplyTo: [first.messageId ?? ""] }), source: "smtp" }),
      ),
    );
    expect(results.every((x) => x.status === "threaded")).toBe(true);
    const c = await db.conversation.findUniqueOrThrow({ where: { id: r.conversationId } });
    expect(c.messageCount).toBe(13);
    expect(await db.message.count({ where: { conversationId: c.id } })).toBe(13);
  });

  it("our own outbound Message-ID coming back is a duplicate of that message, its event kept as PROCESSED", async () => {
    const first = email();
    const r = await ingestEmail(db, { channelId: ctx.channelId, email: first, source: "smtp" });
    if (r.status !== "created") throw new Error(r.status);
    const out = await db.message.create({
      data: {
        workspaceId: ctx.wsId,
        conversationId: r.conversationId,
        channelId: ctx.channelId,
        direction: "OUT",
        authorType: "AGENT",
        text: "Our reply",
        externalId: `<sent.${uid()}@sb.example>`,
      },
    });
    const copy = email({ messageId: out.externalId?.slice(1, -1) ?? null });
    const again = await ingestEmail(db, { channelId: ctx.channelId, email: copy, source: "imap" });
    expect(again).toEqual({ status: "duplicate", conversationId: r.conversationId, messageId: out.id });
    const event = await db.inboundEvent.findFirstOrThrow({ where: { channelId: ctx.channelId, externalId: copy.messageId ?? "" } });
    expect(event.status).toBe("PROCESSED");
    expect(await db.message.count({ where: { conversationId: r.conversationId } })).toBe(2);
  });

  it("keeps a message that failed as a FAILED event, answers duplicate to the retry, and the retry job stores it once", async () => {
    const e = email({
      attachments: [{ filename: "a.txt", contentType: "text/plain", contentId: null, inline: false, content: Buffer.from("x") }],
    });
    process.env.SWITCHBOARD_DATA_DIR = "/dev/null/not-a-directory"; // the attachment store cannot write
    resetAttachmentStore();
    await expect(ingestEmail(db, { channelId: ctx.channelId, email: e, source: "smtp" })).rejects.toThrow();
    const failed = await db.inboundEvent.findFirstOrThrow({ where: { channelId: ctx.channelId, externalId: e.messageId ?? "" } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(failed.error).toBeTruthy();
    expect(await ingestEmail(db, { channelId: ctx.channelId, email: e, source: "smtp" })).toMatchObject({
      status: "duplicate",
      messageId: null,
    });

    process.env.SWITCHBOARD_DATA_DIR = DATA_DIR;
    resetAttachmentStore();
    const results = await reprocessPendingEmailEvents(db, { olderThanMs: 0, channelId: ctx.channelId });
    expect(results.find((x) => x.eventId === failed.id)?.result?.status).toBe("created");
    expect(await db.message.count({ where: { channelId: ctx.channelId, externalId: e.messageId } })).toBe(1);
    expect((await db.inboundEvent.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("PROCESSED");
    expect(
      (await reprocessPendingEmailEvents(db, { olderThanMs: 0, channelId: ctx.channelId })).find((x) => x.eventId === failed.id),
    ).toBeUndefined();
  });
});
