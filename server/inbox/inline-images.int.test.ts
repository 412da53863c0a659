import { describe, expect, it } from "vitest";
import { callerAs, testDb } from "../../test/db";
import { createChannel, createMember, createTeam, createWorkspace } from "../../prisma/seed/factories";
import type { Db } from "../db/client";
import { ingestEmail } from "../channels/email/ingest";
import type { ParsedEmail } from "../channels/email/types";
import { INLINE_IMAGE_MAX_BYTES, inlineEmailImages } from "./inline-images";

process.env.SWITCHBOARD_DATA_DIR ??= "/tmp/sb-att";
const db = testDb();
const MAGIC = Buffer.from("89504e470d0a1a0a", "hex");
const png = (size: number, fill: number) => Buffer.concat([MAGIC, Buffer.alloc(size - MAGIC.length, fill)]);
let n = 0;
const uid = () => `${Date.now().toString(36)}.${(n += 1)}.${Math.random().toString(36).slice(2, 8)}`;

function email(over: Partial<ParsedEmail>): ParsedEmail {
  return {
    messageId: `inline.${uid()}@customer.example`,
    inReplyTo: [],
    references: [],
    from: { address: `ana.${uid()}@customer.example`, name: "Ana" },
    replyTo: [],
    to: [],
    cc: [],
    subject: "Photos",
    date: new Date(),
    text: null,
    html: null,
    attachments: [],
    headers: {},
    ...over,
  };
}

const inline = (cid: string, content: Buffer) => ({
  filename: `${cid}.png`,
  contentType: "image/png",
  contentId: cid,
  inline: true,
  content,
});

describe("inline email images in the thread", () => {
  it("conversation.get returns small cid images of the same message as data: URLs; big or foreign ones stay blocked", async () => {
    const ws = await createWorkspace(db);
    const team = await createTeam(db, { workspaceId: ws.id });
    const channel = await createChannel(db, { workspaceId: ws.id, kind: "EMAIL", ownerTeamId: team.id });
    const admin = await createMember(db, { workspaceId: ws.id, role: "ADMIN" });

    // another conversation's attachment, which a hostile sender then references by URL
    const other = await ingestEmail(db, {
      channelId: channel.id,
      source: "webhook",
      email: email({ html: '<p><img src="cid:secret@x"></p>', attachments: [inline("secret@x", png(300, 7))] }),
    });
    if (other.status !== "created") throw new Error(other.status);
    const foreign = await db.attachment.findFirstOrThrow({ where: { messageId: other.messageId }, select: { id: true } });

    const small = png(2000, 1);
    const big = png(INLINE_IMAGE_MAX_BYTES + 10, 2);
    const r = await ingestEmail(db, {
      channelId: channel.id,
      source: "webhook",
      email: email({
        html: `<p>Here <img src="cid:small@x" alt="small"> and <img src="cid:big@x" alt="big"> and <img src="/api/attachments/${foreign.id}" alt="foreign"></p>`,
        attachments: [inline("small@x", small), inline("big@x", big)],
      }),
    });
    if (r.status !== "created") throw new Error(r.status);
    const atts = await db.attachment.findMany({ where: { messageId: r.messageId }, select: { id: true, contentId: true } });
    const smallId = atts.find((a) => a.contentId === "small@x")!.id;
    const bigId = atts.find((a) => a.contentId === "big@x")!.id;

    const got = await callerAs(admin).conversation.get({ conversationId: r.conversationId });
    const html = got.messages.items[0]!.html!;
    expect(html).toContain(`src="data:image/png;base64,${small.toString("base64")}"`);
    expect(html).not.toContain(`/api/attachments/${smallId}`);
    // over 1 MB: not inlined (stays an URL the sandboxed frame cannot load)
    expect(html).toContain(`src="/api/attachments/${bigId}"`);
    // an attachment of another message is never inlined, whatever the HTML says
    expect(html).toContain(`src="/api/attachments/${foreign.id}"`);
    expect(html).not.toContain(Buffer.from(png(300, 7)).toString("base64"));

    // the stored message is unchanged; older pages (conversation.messages) get the same treatment
    const stored = await db.message.findUniqueOrThrow({ where: { id: r.messageId }, select: { html: true } });
    expect(stored.html).toContain(`/api/attachments/${smallId}`);
    const page = await callerAs(admin).conversation.messages({ conversationId: r.conversationId, limit: 10 });
    expect(page.items[0]!.html).toContain("data:image/png;base64,");
  });

  it("resolves a whole page with one attachment query, quoted history included", async () => {
    const ws = await createWorkspace(db);
    const team = await createTeam(db, { workspaceId: ws.id });
    const channel = await createChannel(db, { workspaceId: ws.id, kind: "EMAIL", ownerTeamId: team.id });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await ingestEmail(db, {
        channelId: channel.id,
        source: "webhook",
        email: email({
          html: `<p>Photo ${i} <img src="cid:p${i}@x"></p><div class="gmail_quote"><p>earlier <img src="cid:q${i}@x"></p></div>`,
          attachments: [inline(`p${i}@x`, png(100 + i, i)), inline(`q${i}@x`, png(200 + i, i))],
        }),
      });
      if (r.status !== "created") throw new Error(r.status);
      ids.push(r.messageId);
    }
    const rows = await db.message.findMany({ where: { id: { in: ids } }, select: { id: true, html: true, meta: true } });
    expect(rows.every((m) => (m.meta as { quotedHtml?: string }).quotedHtml?.includes("/api/attachments/"))).toBe(true);

    let queries = 0;
    const counting = {
      attachment: {
        findMany: (...args: Parameters<Db["attachment"]["findMany"]>) => {
          queries += 1;
          return db.attachment.findMany(...args);
        },
      },
    } as unknown as Db;
    const out = await inlineEmailImages(counting, ws.id, rows);
    expect(queries).toBe(1);
    for (const m of out) {
      expect(m.html).toMatch(/src="data:image\/png;base64,/);
      expect(m.html).not.toContain("/api/attachments/");
      expect((m.meta as { quotedHtml: string }).quotedHtml).toMatch(/src="data:image\/png;base64,/);
    }
    // another workspace's id: nothing found, nothing changed
    const stranger = await createWorkspace(db);
    const untouched = await inlineEmailImages(db, stranger.id, rows);
    expect(untouched.map((m) => m.html)).toEqual(rows.map((m) => m.html));
    // no email images on the page: no query at all
    queries = 0;
    await inlineEmailImages(counting, ws.id, [{ id: "x", html: "<p>plain</p>", meta: null }]);
    expect(queries).toBe(0);
  });
});
