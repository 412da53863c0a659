import { describe, expect, it } from "vitest";
import { testDb } from "../../test/db";
import { createChannel, createMember, createTeam, createWorkspace } from "../../prisma/seed/factories";
import { ingestEmail } from "../channels/email/ingest";
import { findActor } from "../workspaces/workspaces.repository";
import { attachmentHeaders, getAttachment } from "./get-attachment";

process.env.SWITCHBOARD_DATA_DIR ??= "/tmp/sb-att";
const db = testDb();
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");

describe("getAttachment", () => {
  it("serves an attachment to members who can read the conversation only, with safe headers", async () => {
    const ws = await createWorkspace(db);
    const team = await createTeam(db, { workspaceId: ws.id });
    const otherTeam = await createTeam(db, { workspaceId: ws.id });
    const channel = await createChannel(db, { workspaceId: ws.id, kind: "EMAIL", ownerTeamId: team.id });
    const r = await ingestEmail(db, {
      channelId: channel.id,
      source: "smtp",
      email: {
        messageId: `att.${Date.now()}@x`,
        inReplyTo: [],
        references: [],
        from: { address: "a@customer.example" },
        replyTo: [],
        to: [],
        cc: [],
        subject: "files",
        date: null,
        text: "see attached",
        html: '<p>logo <img src="cid:logo@x"></p>',
        headers: {},
        attachments: [
          { filename: "logo.png", contentType: "image/png", contentId: "logo@x", inline: true, content: PNG },
          {
            filename: "evil.html",
            contentType: "text/html",
            contentId: null,
            inline: false,
            content: Buffer.from("<script>alert(1)</script>"),
          },
        ],
      },
    });
    if (r.status !== "created") throw new Error(r.status);
    const rows = await db.attachment.findMany({ where: { messageId: r.messageId }, orderBy: { filename: "asc" } });
    const [evil, logo] = rows;
    expect(evil?.contentType).toBe("application/octet-stream");
    expect(logo?.contentType).toBe("image/png");
    const msg = await db.message.findUniqueOrThrow({ where: { id: r.messageId } });
    expect(msg.html).toContain(`/api/attachments/${logo?.id}`);

    const admin = await createMember(db, { workspaceId: ws.id, role: "ADMIN" });
    const volunteer = await createMember(db, { workspaceId: ws.id, role: "VOLUNTEER", teamIds: [otherTeam.id] });
    const adminActor = await findActor(db, admin.user.id, ws.id);
    const volunteerActor = await findActor(db, volunteer.user.id, ws.id);
    if (!adminActor || !volunteerActor) throw new Error("actors");
    const got = await getAttachment(db, adminActor, logo?.id ?? "");
    expect(got.content.equals(PNG)).toBe(true);
    const h = attachmentHeaders(got, got.content.length);
    expect(h.get("content-disposition")).toMatch(/^inline/);
    expect(h.get("x-content-type-options")).toBe("nosniff");
    const e = await getAttachment(db, adminActor, evil?.id ?? "");
    expect(attachmentHeaders(e, 1).get("content-disposition")).toMatch(/^attachment/);
    expect(attachmentHeaders(e, 1).get("content-type")).toBe("application/octet-stream");
    await expect(getAttachment(db, volunteerActor, logo?.id ?? "")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const stranger = await createWorkspace(db);
    const outsider = await createMember(db, { workspaceId: stranger.id, role: "ADMIN" });
    const outsiderActor = await findActor(db, outsider.user.id, stranger.id);
    if (!outsiderActor) throw new Error("actor");
    await expect(getAttachment(db, outsiderActor, logo?.id ?? "")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
