import { randomBytes } from "node:crypto";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { callerAs, testDb } from "../../test/db";
import { localMxForSuite } from "../channels/email/testing/local-mx-suite";
import { sendMessageTask } from "../jobs/tasks/send-message";
import { sealJson } from "../lib/crypto";
import { actorOf, supportConversation, upload, tempAttachmentDir } from "./testing/fixtures";

tempAttachmentDir();
const db = testDb();
const mx = localMxForSuite();

describe("a reply with attachments over real SMTP", () => {
  it("delivers the uploaded files byte for byte, read from the store when the job runs", async () => {
    const { f, conversation } = await supportConversation(db);
    await db.channel.update({
      where: { id: f.channel.id },
      data: { configEncrypted: sealJson({ smtp: { host: "127.0.0.1", port: mx.port, secure: false } }) },
    });
    const agent = await actorOf(db, f.members.agent);
    // binary content (every byte value, and what would look like MIME boundaries and dot-stuffing in text)
    const binary = Buffer.concat([Buffer.from("%PDF-1.4\r\n.\r\n--boundary\r\n"), randomBytes(200_000), Buffer.from([0, 255, 13, 10])]);
    const text = Buffer.from("Zeile 1: Grüße\r\nline 2 — ünïcödé\n", "utf8");
    const a = await upload(db, agent, binary, { filename: "Rücksendeetikett.pdf", type: "application/pdf" });
    const b = await upload(db, agent, text, { filename: "notes.txt", type: "text/plain" });
    const reply = await callerAs(f.members.agent).conversation.reply({
      conversationId: conversation.id,
      text: "Your label and notes are attached.",
      attachmentIds: [a.body.id, b.body.id],
    });

    // the first attempt is deferred; the retry re-reads the message's Attachment rows and the bytes from the store
    mx.mode = { kind: "reject", code: 451, text: "4.3.2 Try again later" };
    await expect(sendMessageTask(db, { messageId: reply.id }, { attempts: 1, maxAttempts: 8 })).rejects.toThrow(/Try again/);
    mx.mode = { kind: "accept" };
    expect(await sendMessageTask(db, { messageId: reply.id }, { attempts: 2, maxAttempts: 8 })).toBe("sent");
    expect(mx.received).toHaveLength(1);
    const mail = await simpleParser(mx.received[0]?.raw ?? Buffer.alloc(0));
    expect(mail.text).toContain("Your label and notes are attached.");
    expect(mail.attachments.map((x) => [x.filename, x.contentType, x.size])).toEqual([
      ["Rücksendeetikett.pdf", "application/pdf", binary.length],
      ["notes.txt", "text/plain", text.length],
    ]);
    expect(mail.attachments[0]?.content.equals(binary)).toBe(true);
    expect(mail.attachments[1]?.content.equals(text)).toBe(true);
    expect(await db.message.findUniqueOrThrow({ where: { id: reply.id }, select: { deliveryStatus: true } })).toEqual({
      deliveryStatus: "SENT",
    });
  });
});
