import { readdirSync } from "node:fs";
import path from "node:path";
import MailComposer from "nodemailer/lib/mail-composer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChannel, createMember, createTeam, createWorkspace } from "../../prisma/seed/factories";
import { testDb } from "../../test/db";
import { getAttachment } from "../attachments/get-attachment";
import { actorOf, tempAttachmentDir } from "../attachments/testing/fixtures";
import { LocalS3 } from "../attachments/testing/local-s3";
import { ingestEmail } from "../channels/email/ingest";
import { parseMime } from "../channels/email/parse";
import { attachmentStore, contentKey, resetAttachmentStore } from "./attachment-store";
import { S3AttachmentStore, s3StoreConfigFromEnv } from "./s3-attachment-store";

const localDir = tempAttachmentDir();
const db = testDb();
const s3 = new LocalS3();
let store: S3AttachmentStore;
const S3_VARS = Object.keys(new LocalS3().env());

beforeAll(async () => {
  await s3.start();
  const config = s3StoreConfigFromEnv(s3.env());
  if (!config) throw new Error("no S3 config");
  store = new S3AttachmentStore(config);
});
afterAll(async () => {
  store.destroy();
  for (const k of S3_VARS) delete process.env[k];
  resetAttachmentStore();
  await s3.stop();
});

const objectKeys = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));

describe("S3AttachmentStore against a local S3 server (s3rver)", () => {
  it("round-trips bytes under the content-addressed key; a second put of the same bytes writes nothing", async () => {
    const bytes = Buffer.concat([Buffer.from([0, 1, 2, 255]), Buffer.from(`s3 round trip ${crypto.randomUUID()}`)]);
    const put = await store.put(bytes);
    expect(put).toEqual({ ...contentKey(bytes), size: bytes.length });
    expect(put.key).toMatch(/^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
    expect((await store.get(put.key))?.equals(bytes)).toBe(true);

    const before = s3.requests.length;
    expect(await store.put(bytes)).toEqual(put);
    // HEAD found it: no PUT
    expect(s3.requests.slice(before).map((r) => r.split(" ")[0])).toEqual(["HEAD"]);
  });

  it("returns null for a missing key (NoSuchKey) and for malformed keys, deletes, and surfaces real errors", async () => {
    expect(await store.get(`sha256/ab/${"ab".repeat(32)}`)).toBeNull();
    const before = s3.requests.length;
    expect(await store.get("../../etc/passwd")).toBeNull();
    expect(s3.requests.length).toBe(before); // never sent

    const bytes = Buffer.from(`to delete ${crypto.randomUUID()}`);
    const { key } = await store.put(bytes);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();

    // refused credentials are an error to retry or report, not "the file does not exist"
    await store.put(bytes);
    const config = s3StoreConfigFromEnv({ ...s3.env(), ATTACHMENTS_S3_ACCESS_KEY_ID: "UNKNOWN" });
    if (!config) throw new Error("no config");
    const wrong = new S3AttachmentStore(config);
    await expect(wrong.get(key)).rejects.toThrow(/Access Key Id/);
    wrong.destroy();
  });

  it("ingests a real inbound email's attachment into S3, and get-attachment serves it back", async () => {
    Object.assign(process.env, s3.env());
    resetAttachmentStore();
    expect(attachmentStore()).toBeInstanceOf(S3AttachmentStore);

    const ws = await createWorkspace(db);
    const team = await createTeam(db, { workspaceId: ws.id });
    const channel = await createChannel(db, { workspaceId: ws.id, kind: "EMAIL", ownerTeamId: team.id });
    const pdf = Buffer.concat([Buffer.from("%PDF-1.5\n"), Buffer.from(crypto.randomUUID())]);
    const raw = await new MailComposer({
      from: "Dana <dana@customer.test>",
      to: channel.address ?? "",
      subject: "Damaged parcel",
      messageId: `<s3.${crypto.randomUUID()}@customer.test>`,
      text: "Photo of the label attached.",
      attachments: [{ filename: "label.pdf", content: pdf, contentType: "application/pdf" }],
    })
      .compile()
      .build();
    const result = await ingestEmail(db, { channelId: channel.id, email: await parseMime(raw), source: "smtp", raw });
    if (result.status !== "created") throw new Error(`ingest: ${result.status}`);

    const row = await db.attachment.findFirstOrThrow({ where: { messageId: result.messageId } });
    expect(row).toMatchObject({ filename: "label.pdf", contentType: "application/pdf", size: pdf.length });
    // the bytes went to the bucket, not to the local disk
    expect((await store.get(row.storageKey))?.equals(pdf)).toBe(true);
    expect(objectKeys(localDir).filter((f) => f.includes(row.sha256 ?? "none"))).toEqual([]);

    const admin = await createMember(db, { workspaceId: ws.id, role: "ADMIN" });
    const served = await getAttachment(db, await actorOf(db, admin), row.id);
    expect(served.content.equals(pdf)).toBe(true);
  });
});
