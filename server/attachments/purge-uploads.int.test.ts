import { describe, expect, it } from "vitest";
import { testDb } from "../../test/db";
import { attachmentStore, contentKey } from "../lib/attachment-store";
import { purgeStaleUploads, UPLOAD_TTL_MS } from "./purge-uploads";
import { actorOf, supportConversation, upload, tempAttachmentDir } from "./testing/fixtures";
import { callerAs } from "../../test/db";

tempAttachmentDir();
const db = testDb();
const unique = (label: string) => Buffer.from(`${label} ${crypto.randomUUID()}`);
const age = (id: string, ms: number) => db.upload.update({ where: { id }, data: { createdAt: new Date(Date.now() - ms) } });
const stored = async (content: Buffer) => (await attachmentStore().get(contentKey(content).key))?.equals(content) ?? false;

describe("purgeStaleUploads (cron: purge_uploads)", () => {
  it("removes uploads unsent after a day with their bytes, and keeps bytes that something still references", async () => {
    const { f, conversation } = await supportConversation(db);
    const agent = await actorOf(db, f.members.agent);
    const staleBytes = unique("stale");
    const sharedBytes = unique("shared");
    const freshBytes = unique("fresh");
    const sentBytes = unique("sent");
    const stale = await upload(db, agent, staleBytes);
    const shared = await upload(db, agent, sharedBytes);
    const fresh = await upload(db, agent, freshBytes);
    const sent = await upload(db, agent, sentBytes);
    // the same bytes as `shared` were sent earlier by someone else: they are an attachment now
    const again = await upload(db, await actorOf(db, f.members.lead), sharedBytes);
    await callerAs(f.members.lead).conversation.reply({ conversationId: conversation.id, text: "Shared", attachmentIds: [again.body.id] });
    await callerAs(f.members.agent).conversation.reply({ conversationId: conversation.id, text: "Sent", attachmentIds: [sent.body.id] });
    for (const u of [stale, shared, sent]) await age(u.body.id, UPLOAD_TTL_MS + 60_000);
    await age(fresh.body.id, UPLOAD_TTL_MS - 60_000);

    const result = await purgeStaleUploads(db, { settle: () => Promise.resolve() });
    expect(result.uploads).toBeGreaterThanOrEqual(3);
    const left = await db.upload.findMany({
      where: { id: { in: [stale, shared, fresh, sent].map((u) => u.body.id) } },
      select: { id: true },
    });
    expect(left.map((u) => u.id)).toEqual([fresh.body.id]);
    expect(await stored(staleBytes)).toBe(false);
    expect(await stored(sharedBytes)).toBe(true);
    expect(await stored(sentBytes)).toBe(true);
    expect(await stored(freshBytes)).toBe(true);
    // the sent reply still goes out with its file
    const sentAttachment = await db.attachment.findFirstOrThrow({ where: { sha256: contentKey(sentBytes).sha256 } });
    expect((await attachmentStore().get(sentAttachment.storageKey))?.equals(sentBytes)).toBe(true);
  });

  it("writes bytes back when identical content was referenced while it was deleting (a concurrent upload or ingest)", async () => {
    const { f } = await supportConversation(db);
    const agent = await actorOf(db, f.members.agent);
    const bytes = unique("raced");
    const old = await upload(db, agent, bytes);
    await age(old.body.id, UPLOAD_TTL_MS + 60_000);
    let seenMissing = false;
    await purgeStaleUploads(db, {
      // between the delete and the re-check: someone else's upload of the same file lands (its row now exists)
      settle: async () => {
        seenMissing = !(await stored(bytes));
        const { key, sha256 } = contentKey(bytes);
        await db.upload.create({
          data: {
            workspaceId: f.workspace.id,
            userId: f.members.lead.user.id,
            filename: "same.bin",
            contentType: "application/octet-stream",
            size: bytes.length,
            storageKey: key,
            sha256,
          },
        });
      },
    });
    expect(seenMissing).toBe(true);
    expect(await stored(bytes)).toBe(true);
  });
});
