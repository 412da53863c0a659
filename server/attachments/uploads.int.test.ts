import { afterEach, describe, expect, it } from "vitest";
import { createConversation, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";
import { attachmentStore } from "../lib/attachment-store";
import { getAttachment } from "./get-attachment";
import { actorOf, supportConversation, upload, tempAttachmentDir } from "./testing/fixtures";

tempAttachmentDir();
const db = testDb();
const PNG = Buffer.concat([Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), Buffer.from(`png ${Date.now()}`)]);
const env = { ...process.env };
afterEach(() => {
  for (const k of ["ATTACHMENT_MAX_BYTES", "ATTACHMENT_MESSAGE_MAX_BYTES", "UPLOAD_RATE_PER_MINUTE"]) {
    if (env[k] === undefined) delete process.env[k];
    else process.env[k] = env[k];
  }
});

describe("POST /api/attachments (handleUploadRequest)", () => {
  it("stores the bytes and a pending upload owned by the member, with the type sniffed from the bytes", async () => {
    const f = await createWorkspaceWithRoles(db);
    const agent = await actorOf(db, f.members.agent);
    const res = await upload(db, agent, PNG, { filename: "C:\\Users\\me\\Desktop\\réturn label.png", type: "text/html" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ filename: "réturn label.png", contentType: "image/png", size: PNG.length });
    const row = await db.upload.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row).toMatchObject({ workspaceId: f.workspace.id, userId: f.members.agent.user.id, claimedAt: null });
    expect((await attachmentStore().get(row.storageKey))?.equals(PNG)).toBe(true);

    // a page declared as HTML is never kept as an active type
    const html = await upload(db, agent, "<script>alert(1)</script>", { filename: "x.html", type: "text/html" });
    expect(html.body.contentType).toBe("application/octet-stream");
    const pdf = await upload(db, agent, "%PDF-1.7 label", { filename: "label.pdf", type: "image/png" });
    expect(pdf.body.contentType).toBe("application/pdf");
  });

  it("refuses anonymous callers (401), files over the limit (413), empty or unnamed files (400), and floods (429)", async () => {
    const f = await createWorkspaceWithRoles(db);
    const agent = await actorOf(db, f.members.agent);
    const before = await db.upload.count({ where: { workspaceId: f.workspace.id } });
    expect((await upload(db, null, PNG)).status).toBe(401);

    process.env.ATTACHMENT_MAX_BYTES = "1024";
    const big = await upload(db, agent, Buffer.alloc(1025, 1));
    expect(big.status).toBe(413);
    expect(big.body.error).toMatch(/at most 1 KB/);
    // declared too large: refused before reading the body
    expect((await upload(db, agent, Buffer.alloc(10), { headers: { "content-length": "5000" } })).status).toBe(413);
    // streamed without a length: refused as soon as it passes the limit
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(600));
      },
    });
    expect((await upload(db, agent, endless)).status).toBe(413);
    expect(pulled).toBeLessThan(5);
    expect((await upload(db, agent, Buffer.alloc(1024, 2))).status).toBe(201);

    expect((await upload(db, agent, Buffer.alloc(0))).status).toBe(400);
    expect((await upload(db, agent, PNG, { filename: null })).status).toBe(400);
    expect((await upload(db, agent, PNG, { headers: { "x-filename": "%E0%A4%A" } })).status).toBe(400);
    expect(await db.upload.count({ where: { workspaceId: f.workspace.id } })).toBe(before + 1);

    process.env.UPLOAD_RATE_PER_MINUTE = "2";
    const lead = await actorOf(db, f.members.lead);
    expect((await upload(db, lead, "a")).status).toBe(201);
    expect((await upload(db, lead, "b")).status).toBe(201);
    expect((await upload(db, lead, "c")).status).toBe(429);
    // per member: someone else is not slowed down
    expect((await upload(db, await actorOf(db, f.members.admin), "d")).status).toBe(201);
  });
});

describe("sending with attachmentIds claims the uploads", () => {
  it("a reply carries the files in order; an upload is claimed once and only by its uploader", async () => {
    const { f, conversation } = await supportConversation(db);
    const agent = await actorOf(db, f.members.agent);
    const a = await upload(db, agent, PNG, { filename: "photo.png" });
    const b = await upload(db, agent, "%PDF-1.4 invoice", { filename: "invoice.pdf" });
    const reply = await callerAs(f.members.agent).conversation.reply({
      conversationId: conversation.id,
      text: "Here you go",
      attachmentIds: [b.body.id, a.body.id],
    });
    // the returned message (what the thread shows at once) already lists them
    expect(reply.attachments.map((x) => x.filename)).toEqual(["invoice.pdf", "photo.png"]);
    const rows = await db.attachment.findMany({ where: { messageId: reply.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.filename, r.contentType, r.size, r.workspaceId])).toEqual([
      ["invoice.pdf", "application/pdf", 16, f.workspace.id],
      ["photo.png", "image/png", PNG.length, f.workspace.id],
    ]);
    expect((await db.upload.findUniqueOrThrow({ where: { id: a.body.id } })).claimedAt).not.toBeNull();
    // readable like any attachment, by whoever can read the conversation
    const got = await getAttachment(db, await actorOf(db, f.members.lead), rows[1]?.id ?? "");
    expect(got.content.equals(PNG)).toBe(true);

    // claim-once: a second message cannot reuse it
    await expect(
      callerAs(f.members.agent).conversation.reply({ conversationId: conversation.id, text: "Again", attachmentIds: [a.body.id] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // someone else's upload (same workspace) is simply not found, and stays unclaimed
    const mine = await upload(db, await actorOf(db, f.members.lead), "lead's file", { filename: "lead.txt", type: "text/plain" });
    await expect(
      callerAs(f.members.agent).conversation.reply({ conversationId: conversation.id, text: "Steal", attachmentIds: [mine.body.id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.upload.findUniqueOrThrow({ where: { id: mine.body.id } })).claimedAt).toBeNull();
    // the failed sends left no message behind
    expect(await db.message.count({ where: { conversationId: conversation.id, kind: "MESSAGE", direction: "OUT" } })).toBe(1);
  });

  it("a volunteer cannot claim onto a conversation outside their teams (NOT_FOUND); inside them it works", async () => {
    const { f, customer, conversation } = await supportConversation(db);
    const volunteer = await actorOf(db, f.members.volunteer);
    const file = await upload(db, volunteer, "%PDF-1.4 returns form", { filename: "form.pdf" });
    expect(file.status).toBe(201);
    await expect(
      callerAs(f.members.volunteer).conversation.reply({ conversationId: conversation.id, text: "Form", attachmentIds: [file.body.id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      callerAs(f.members.volunteer).conversation.note({ conversationId: conversation.id, text: "Form", attachmentIds: [file.body.id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.upload.findUniqueOrThrow({ where: { id: file.body.id } })).claimedAt).toBeNull();

    const returns = await createConversation(db, {
      workspaceId: f.workspace.id,
      channelId: f.channel.id,
      customerId: customer.id,
      teamId: f.teams.returns.id,
      messages: 1,
    });
    const ok = await callerAs(f.members.volunteer).conversation.reply({
      conversationId: returns.id,
      text: "Form",
      attachmentIds: [file.body.id],
    });
    expect(ok.attachments.map((x) => x.filename)).toEqual(["form.pdf"]);
    // uploads of another workspace's member do not exist here
    const other = await createWorkspaceWithRoles(db);
    const foreign = await upload(db, await actorOf(db, other.members.admin), "foreign", { filename: "f.txt" });
    await expect(
      callerAs(f.members.agent).conversation.reply({ conversationId: conversation.id, text: "x", attachmentIds: [foreign.body.id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("internal notes and new outbound emails carry attachments too; limits are enforced and roll the claim back", async () => {
    const { f, conversation } = await supportConversation(db);
    const agent = await actorOf(db, f.members.agent);
    const n = await upload(db, agent, "note bytes", { filename: "note.txt", type: "text/plain" });
    const note = await callerAs(f.members.agent).conversation.note({
      conversationId: conversation.id,
      text: "For the team",
      attachmentIds: [n.body.id],
    });
    expect(note.attachments).toEqual([expect.objectContaining({ filename: "note.txt", contentType: "text/plain", size: 10 })]);

    const e = await upload(db, agent, PNG, { filename: "welcome.png" });
    const started = await callerAs(f.members.agent).conversation.startEmail({
      channelId: f.channel.id,
      to: "new@customer.test",
      subject: "Welcome",
      text: "Hello",
      attachmentIds: [e.body.id],
    });
    expect(await db.attachment.findMany({ where: { messageId: started.messageId }, select: { filename: true } })).toEqual([
      { filename: "welcome.png" },
    ]);

    process.env.ATTACHMENT_MESSAGE_MAX_BYTES = "20";
    const x = await upload(db, agent, "0123456789ab", { filename: "x.txt" });
    const y = await upload(db, agent, "0123456789ab", { filename: "y.txt" });
    await expect(
      callerAs(f.members.agent).conversation.reply({ conversationId: conversation.id, text: "Two", attachmentIds: [x.body.id, y.body.id] }),
    ).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(await db.upload.count({ where: { id: { in: [x.body.id, y.body.id] }, claimedAt: null } })).toBe(2);
    // one fits
    const one = await callerAs(f.members.agent).conversation.reply({
      conversationId: conversation.id,
      text: "One",
      attachmentIds: [x.body.id],
    });
    expect(one.attachments).toHaveLength(1);

    const many = Array.from({ length: 11 }, () => y.body.id);
    await expect(
      callerAs(f.members.agent).conversation.reply({ conversationId: conversation.id, text: "Many", attachmentIds: many }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a soft-lock conflict rolls the claim back, so the same files can be sent after reading", async () => {
    const { f, conversation } = await supportConversation(db);
    const seen = await db.message.findFirstOrThrow({ where: { conversationId: conversation.id } });
    await callerAs(f.members.lead).conversation.reply({ conversationId: conversation.id, text: "Lead was faster" });
    const file = await upload(db, await actorOf(db, f.members.agent), PNG, { filename: "p.png" });
    const input = { conversationId: conversation.id, text: "Mine", lastSeenMessageId: seen.id, attachmentIds: [file.body.id] };
    await expect(callerAs(f.members.agent).conversation.reply(input)).rejects.toMatchObject({ code: "CONFLICT" });
    const sent = await callerAs(f.members.agent).conversation.reply({ ...input, force: true });
    expect(sent.attachments.map((a) => a.filename)).toEqual(["p.png"]);
  });
});
