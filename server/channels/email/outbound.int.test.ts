import { afterEach, describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { createConversation, createCustomer, createWorkspaceWithRoles } from "../../../prisma/seed/factories";
import { callerAs, testDb } from "../../../test/db";
import { sealJson } from "../../lib/crypto";
import { sendMessageTask } from "../../jobs/tasks/send-message";
import { attachmentStore } from "../../lib/attachment-store";
import { conversationFromMessageId, conversationFromReplyAddress } from "./message-id";
import { localMxForSuite } from "./testing/local-mx-suite";

const db = testDb();
const mx = localMxForSuite();
afterEach(() => {
  mx.mode = { kind: "accept" };
  mx.received.length = 0;
});

/** A support address with its SMTP relay pointed at the local MX, and a customer thread of two inbound emails. */
async function emailThread(opts: { replyTo?: string } = {}) {
  const f = await createWorkspaceWithRoles(db);
  await db.channel.update({
    where: { id: f.channel.id },
    data: {
      configEncrypted: sealJson({ smtp: { host: "127.0.0.1", port: mx.port, secure: false } }),
      settings: { displayName: "Acme Support", signature: "{{agent.name}}\nAcme Support — https://acme.test/help" },
    },
  });
  const customer = await createCustomer(db, { workspaceId: f.workspace.id, name: "Dana Customer" });
  const c = await createConversation(db, {
    workspaceId: f.workspace.id,
    channelId: f.channel.id,
    customerId: customer.id,
    subject: "Re: Where is my order?",
  });
  const base = { workspaceId: f.workspace.id, conversationId: c.id, channelId: f.channel.id, kind: "MESSAGE" as const };
  const first = `first.${c.id}@mail.customer.test`;
  const second = `second.${c.id}@mail.customer.test`;
  await db.message.create({
    data: {
      ...base,
      direction: "IN",
      authorType: "CUSTOMER",
      customerId: customer.id,
      text: "Hi",
      externalId: first,
      createdAt: new Date(Date.now() - 3000),
    },
  });
  await db.message.create({
    data: {
      ...base,
      direction: "IN",
      authorType: "CUSTOMER",
      customerId: customer.id,
      text: "Any news?",
      externalId: second,
      createdAt: new Date(Date.now() - 1000),
      meta: opts.replyTo ? { replyTo: [{ address: opts.replyTo, name: "Dana at work" }] } : {},
    },
  });
  return { f, c, customer: customer as typeof customer & { email: string }, first, second };
}

const runJob = (messageId: string, attempts = 1, maxAttempts = 8) => sendMessageTask(db, { messageId }, { attempts, maxAttempts });
const parse = (i = 0) => simpleParser(mx.received[i]?.raw ?? Buffer.alloc(0));

describe("email outbound over real SMTP", () => {
  it("sends a threaded reply with our headers, and records the Message-ID so replies and bounces find it", async () => {
    const { f, c, customer, first, second } = await emailThread();
    const msg = await callerAs(f.members.agent).conversation.reply({
      conversationId: c.id,
      text: "It ships today.\n\nTrack: https://t.test/x?a=1&b=2",
    });
    expect(await runJob(msg.id)).toBe("sent");

    expect(mx.received).toHaveLength(1);
    expect(mx.received[0]?.to).toEqual([customer.email]);
    // the header block as sent, folded lines unfolded (RFC 5322 §2.2.3)
    const head = (mx.received[0]?.raw.toString("utf8") ?? "").split("\r\n\r\n")[0]?.replace(/\r\n[ \t]+/g, " ") ?? "";
    const lines = head.split("\r\n");
    expect(lines).toContain(`In-Reply-To: <${second}>`);
    expect(lines).toContain(`References: <${first}> <${second}>`);
    expect(lines).toContain("Subject: Re: Where is my order?");
    expect(lines).toContain(`From: Acme Support <${f.channel.address}>`);
    expect(lines.some((l) => /^auto-submitted:/i.test(l))).toBe(false);

    const mail = await parse();
    expect(mail.from?.value[0]).toEqual({ address: f.channel.address, name: "Acme Support" });
    const replyTo = mail.replyTo?.value[0]?.address ?? "";
    expect(conversationFromReplyAddress(replyTo)).toBe(c.id);
    expect(conversationFromMessageId(mail.messageId ?? "")).toBe(c.id);
    expect(mail.messageId?.endsWith(`@${f.channel.address?.split("@")[1]}>`)).toBe(true);
    expect(mail.inReplyTo).toBe(`<${second}>`);
    expect(mail.references).toEqual([`<${first}>`, `<${second}>`]);
    expect(mail.subject).toBe("Re: Where is my order?");
    expect(mail.text).toContain("It ships today.");
    expect(mail.text).toContain(`-- \n${f.members.agent.user.name}\nAcme Support`);
    expect(mail.html).toContain('<a href="https://t.test/x?a=1&amp;b=2">');
    expect(mail.html).toContain(f.members.agent.user.name);

    const row = await db.message.findUniqueOrThrow({ where: { id: msg.id } });
    expect(row).toMatchObject({ deliveryStatus: "SENT", externalId: mail.messageId?.slice(1, -1) });
    // a second delivery of the same job sends nothing
    expect(await runJob(msg.id, 2)).toBe("skipped");
    expect(mx.received).toHaveLength(1);
  });

  it("a new outbound email (startEmail) goes to the typed address with its own subject and no threading headers", async () => {
    const { f } = await emailThread();
    const out = await callerAs(f.members.agent).conversation.startEmail({
      channelId: f.channel.id,
      to: "Fresh@Customer.test",
      subject: "Re: your return",
      text: "Hello",
    });
    expect(await runJob(out.messageId)).toBe("sent");
    expect(mx.received[0]?.to).toEqual(["fresh@customer.test"]);
    const mail = await parse();
    expect(mail.subject).toBe("Re: your return");
    expect(mail.inReplyTo).toBeUndefined();
    expect(mail.references).toBeUndefined();
    expect(conversationFromMessageId(mail.messageId ?? "")).toBe(out.conversationId);
    expect(conversationFromReplyAddress(mail.replyTo?.value[0]?.address ?? "")).toBe(out.conversationId);
  });

  it("answers the customer's Reply-To address when their last email carried one", async () => {
    const { f, c } = await emailThread({ replyTo: "dana.work@customer.test" });
    const msg = await callerAs(f.members.agent).conversation.reply({ conversationId: c.id, text: "Sure." });
    expect(await runJob(msg.id)).toBe("sent");
    expect(mx.received[0]?.to).toEqual(["dana.work@customer.test"]);
  });

  it("marks automatic sends Auto-Submitted: auto-replied (and only those)", async () => {
    const { f, c } = await emailThread();
    const msg = await db.message.create({
      data: {
        workspaceId: f.workspace.id,
        conversationId: c.id,
        channelId: f.channel.id,
        direction: "OUT",
        kind: "MESSAGE",
        authorType: "BOT",
        text: "We got your message.",
        deliveryStatus: "QUEUED",
      },
    });
    expect(await runJob(msg.id)).toBe("sent");
    const mail = await parse();
    expect(mail.headers.get("auto-submitted")).toBe("auto-replied");
    expect(mail.text).not.toContain("-- \n");
  });

  it("sends the message's attachments from the attachment store", async () => {
    const { f, c } = await emailThread();
    const msg = await callerAs(f.members.agent).conversation.reply({ conversationId: c.id, text: "Label attached." });
    const bytes = Buffer.from(`%PDF-1.4 label for ${c.id}`);
    const stored = await attachmentStore().put(bytes);
    const row = {
      workspaceId: f.workspace.id,
      messageId: msg.id,
      contentType: "application/pdf",
      size: stored.size,
      storageKey: stored.key,
    };
    await db.attachment.create({ data: { ...row, filename: "label.pdf" } });
    expect(await runJob(msg.id)).toBe("sent");
    const mail = await parse();
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.content.equals(bytes)])).toEqual([
      ["label.pdf", "application/pdf", true],
    ]);

    // a file missing from the store fails the message with a clear reason instead of sending it without
    const next = await callerAs(f.members.agent).conversation.reply({ conversationId: c.id, text: "Again" });
    await db.attachment.create({ data: { ...row, messageId: next.id, filename: "gone.pdf", storageKey: `sha256/00/${"0".repeat(64)}` } });
    expect(await runJob(next.id)).toBe("failed");
    expect((await db.message.findUniqueOrThrow({ where: { id: next.id } })).deliveryError).toContain("gone.pdf");
  });

  it("retries a 451 deferral, then delivers exactly once", async () => {
    const { f, c } = await emailThread();
    const msg = await callerAs(f.members.agent).conversation.reply({ conversationId: c.id, text: "Try again" });
    mx.mode = { kind: "reject", code: 451, text: "4.7.1 Greylisted, try again later" };
    await expect(runJob(msg.id, 1)).rejects.toThrow(/Greylisted/);
    expect(await db.message.findUniqueOrThrow({ where: { id: msg.id } })).toMatchObject({ deliveryStatus: "QUEUED", attempts: 1 });
    mx.mode = { kind: "accept" };
    expect(await runJob(msg.id, 2)).toBe("sent");
    expect(mx.received).toHaveLength(1);
  });

  it("fails at once on 550 with the server's reason; Retry re-queues it and it goes out", async () => {
    const { f, c } = await emailThread();
    const msg = await callerAs(f.members.agent).conversation.reply({ conversationId: c.id, text: "Hello?" });
    mx.mode = { kind: "reject", code: 550, text: "5.1.1 User unknown" };
    expect(await runJob(msg.id)).toBe("failed");
    const failed = await db.message.findUniqueOrThrow({ where: { id: msg.id } });
    expect(failed.deliveryStatus).toBe("FAILED");
    expect(failed.deliveryError).toContain("5.1.1 User unknown");
    mx.mode = { kind: "accept" };
    await callerAs(f.members.agent).conversation.retry({ messageId: msg.id });
    expect(await db.message.findUniqueOrThrow({ where: { id: msg.id } })).toMatchObject({ deliveryStatus: "QUEUED", deliveryError: null });
    expect(await runJob(msg.id)).toBe("sent");
    expect(mx.received).toHaveLength(1);
  });

  it("keeps a message queued while the relay is down and delivers it once when it is back", async () => {
    const { f, c } = await emailThread();
    const msg = await callerAs(f.members.agent).conversation.reply({ conversationId: c.id, text: "Are you there?" });
    const port = mx.port;
    await mx.stop();
    try {
      await expect(runJob(msg.id, 1)).rejects.toThrow(/Temporary SMTP failure/);
      await expect(runJob(msg.id, 2)).rejects.toThrow(/Temporary SMTP failure/);
    } finally {
      await mx.start(port);
    }
    expect(await db.message.findUniqueOrThrow({ where: { id: msg.id } })).toMatchObject({ deliveryStatus: "QUEUED", attempts: 2 });
    expect(await runJob(msg.id, 3)).toBe("sent");
    expect(await runJob(msg.id, 4)).toBe("skipped");
    expect(mx.received).toHaveLength(1);
  });

  it("the last temporary failure marks the message FAILED with the reason", async () => {
    const { f, c } = await emailThread();
    const msg = await callerAs(f.members.agent).conversation.reply({ conversationId: c.id, text: "Last try" });
    mx.mode = { kind: "reject", code: 452, text: "4.2.2 Mailbox full" };
    expect(await runJob(msg.id, 3, 3)).toBe("failed");
    expect((await db.message.findUniqueOrThrow({ where: { id: msg.id } })).deliveryError).toContain("Mailbox full");
  });
});
