import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { testDb } from "../../../test/db";
import { createChannel, createWorkspace } from "../../../prisma/seed/factories";
import { sealJson } from "../../lib/crypto";
import { verifyMailgun } from "./webhook";

process.env.SWITCHBOARD_DATA_DIR ??= "/tmp/sb-att";
const FIX = "/work/shared/fixtures/webhooks";
const vectors = JSON.parse(readFileSync(`${FIX}/mailgun_signature_vectors.json`, "utf8")) as {
  signing_key: string;
  cases: { timestamp: number | string; token: string; signature: string; now?: string; expect: string }[];
};
const postmark = readFileSync(`${FIX}/postmark_inbound_valid_http_post.json`, "utf8");
const db = testDb();
const SECRET = "s3cret-webhook-value";
let POST: (req: Request, ctx: { params: Promise<{ channelId: string }> }) => Promise<Response>;
let channelId: string;

const call = (body: BodyInit | null, headers: Record<string, string>, id = channelId) =>
  POST(new Request(`http://localhost/api/webhooks/email/${id}`, { method: "POST", body, headers }), {
    params: Promise.resolve({ channelId: id }),
  });
const bearer = { authorization: `Bearer ${SECRET}` };
const mime = (id: string, extra = "") =>
  `From: Ana <ana@customer.example>\r\nTo: support@x.example\r\nMessage-ID: <${id}>\r\nSubject: Hi${extra}\r\n\r\nHello from the webhook\r\n`;
const stored = async () => ({
  events: await db.inboundEvent.count({ where: { channelId } }),
  messages: await db.message.count({ where: { channelId } }),
});

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  ({ POST } = await import("../../../app/api/webhooks/email/[channelId]/route"));
  const ws = await createWorkspace(db);
  const channel = await createChannel(db, { workspaceId: ws.id, kind: "EMAIL" });
  channelId = channel.id;
  await db.channel.update({
    where: { id: channel.id },
    data: { configEncrypted: sealJson({ webhook: { secret: SECRET, mailgunSigningKey: vectors.signing_key } }) },
  });
});

describe("POST /api/webhooks/email/[channelId]", () => {
  it("verifies the Mailgun vectors (fresh, stale, forged, malformed, blank key)", () => {
    const [fresh, stale, forged, malformed] = vectors.cases;
    const p = (c: typeof fresh) => ({ timestamp: String(c?.timestamp), token: c?.token ?? "", signature: c?.signature ?? "" });
    expect(verifyMailgun(p(fresh), vectors.signing_key, new Date(fresh?.now ?? ""))).toEqual({ ok: true });
    expect(verifyMailgun(p(stale), vectors.signing_key, new Date(stale?.now ?? "")).ok).toBe(false);
    expect(verifyMailgun(p(forged), vectors.signing_key, new Date(forged?.now ?? "")).ok).toBe(false);
    expect(verifyMailgun(p(malformed), vectors.signing_key, new Date(fresh?.now ?? "")).ok).toBe(false);
    expect(verifyMailgun(p(fresh), "", new Date(fresh?.now ?? "")).ok).toBe(false);
  });

  it("accepts raw MIME with Bearer or Basic auth; a duplicate is acknowledged and stored once", async () => {
    const id = `raw.${Date.now()}@customer.example`;
    const res = await call(mime(id), { ...bearer, "content-type": "message/rfc822" });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ status: "created" });
    const basic = { authorization: `Basic ${Buffer.from(`api:${SECRET}`).toString("base64")}`, "content-type": "message/rfc822" };
    const dup = await call(mime(id), basic);
    expect(dup.status).toBe(200);
    expect(await dup.json()).toMatchObject({ status: "duplicate" });
    expect(await db.message.count({ where: { channelId, externalId: id } })).toBe(1);
  });

  it("answers 404 and stores nothing when the channel's webhook is switched off in settings", async () => {
    const before = await stored();
    await db.channel.update({ where: { id: channelId }, data: { settings: { inbound: { webhook: false, smtpListener: true } } } });
    try {
      const res = await call(mime(`off.${Date.now()}@customer.example`), { ...bearer, "content-type": "message/rfc822" });
      expect(res.status).toBe(404);
      expect(await stored()).toEqual(before);
    } finally {
      await db.channel.update({ where: { id: channelId }, data: { settings: {} } });
    }
    const on = await call(mime(`on.${Date.now()}@customer.example`), { ...bearer, "content-type": "message/rfc822" });
    expect(on.status).toBe(202);
  });

  it("refuses a wrong or missing secret with nothing stored", async () => {
    const before = await stored();
    for (const headers of <Record<string, string>[]>[
      {},
      { authorization: "Bearer nope" },
      { authorization: `Basic ${Buffer.from("api:nope").toString("base64")}` },
    ]) {
      const res = await call(mime(`bad.${Math.random()}@x`), { ...headers, "content-type": "message/rfc822" });
      expect(res.status).toBe(401);
    }
    const json = await call(postmark, { "content-type": "application/json" });
    expect(json.status).toBe(401);
    expect(await stored()).toEqual(before);
  });

  it("accepts the Postmark inbound fixture", async () => {
    const res = await call(postmark, { ...bearer, "content-type": "application/json" });
    expect([200, 202]).toContain(res.status);
    const body = (await res.json()) as { messageId: string };
    const msg = await db.message.findFirstOrThrow({
      where: { channelId, externalId: "CAGXpo2WKfxHWZ5UFYCR3H_J9SNMG+5AXUovfEFL6DjWBJSyZaA@mail.gmail.com" },
      include: { attachments: true },
    });
    expect(msg.id).toBe(body.messageId);
    expect(msg.attachments.map((a) => a.contentType)).toEqual(["image/png", "image/png"]);
  });

  it("accepts Mailgun with a valid signature and refuses a forged or stale one, storing nothing", async () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const token = `tok${Date.now()}`;
    const signature = createHmac("sha256", vectors.signing_key)
      .update(timestamp + token)
      .digest("hex");
    const form = (sig: string, ts = timestamp) => {
      const f = new FormData();
      for (const [k, v] of Object.entries({
        timestamp: ts,
        token,
        signature: sig,
        recipient: "support@x.example",
        "body-mime": mime(`mg.${token}@x`),
      }))
        f.append(k, v);
      return f;
    };
    const before = await stored();
    expect((await call(form("0".repeat(64)), {})).status).toBe(401);
    expect((await call(form(vectors.cases[0]?.signature ?? "", String(vectors.cases[0]?.timestamp)), {})).status).toBe(401);
    expect(await stored()).toEqual(before);
    const ok = await call(form(signature), {});
    expect(ok.status).toBe(202);
    const fields = new URLSearchParams({
      timestamp,
      token: `${token}b`,
      signature: createHmac("sha256", vectors.signing_key).update(`${timestamp}${token}b`).digest("hex"),
      from: "Bo <bo@customer.example>",
      subject: "Parsed",
      "body-plain": "Parsed fields",
      "Message-Id": `<mgp.${token}@x>`,
    });
    const parsed = await call(fields.toString(), { "content-type": "application/x-www-form-urlencoded" });
    expect(parsed.status).toBe(202);
    expect(await db.message.count({ where: { channelId, text: "Parsed fields" } })).toBe(1);
  });

  it("accepts SendGrid Inbound Parse (raw and parsed)", async () => {
    const raw = new FormData();
    raw.append("email", mime(`sg.${Date.now()}@x`));
    raw.append("envelope", JSON.stringify({ to: ["support@x.example"], from: "ana@customer.example" }));
    expect((await call(raw, bearer)).status).toBe(202);
    const parsed = new FormData();
    parsed.append("from", "Cy <cy@customer.example>");
    parsed.append("text", "SendGrid parsed");
    parsed.append("headers", `Message-ID: <sgp.${Date.now()}@x>\nSubject: x`);
    parsed.append("attachment1", new Blob([Buffer.from("%PDF-1.4 test")], { type: "text/html" }), "doc.pdf");
    const res = await call(parsed, bearer);
    expect(res.status).toBe(202);
    const { messageId } = (await res.json()) as { messageId: string };
    expect((await db.attachment.findFirstOrThrow({ where: { messageId } })).contentType).toBe("application/pdf");
  });

  it("answers 400 for malformed bodies, 404 for unknown channels, 413 when oversized", async () => {
    const bad = await call("{not json", { ...bearer, "content-type": "application/json" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/JSON/);
    const wrongShape = await call(JSON.stringify({ ToFull: "nope" }), { ...bearer, "content-type": "application/json" });
    expect(wrongShape.status).toBe(400);
    expect((await call("just words", { ...bearer, "content-type": "message/rfc822" })).status).toBe(400);
    expect((await call(mime("x@y"), bearer, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await call(mime("x@y"), bearer, "not-a-uuid")).status).toBe(404);
    const before = await stored();
    process.env.EMAIL_WEBHOOK_MAX_BYTES = "1000";
    try {
      const res = await call(mime(`big.${Date.now()}@x`, "x".repeat(2000)), { ...bearer, "content-type": "message/rfc822" });
      expect(res.status).toBe(413);
    } finally {
      delete process.env.EMAIL_WEBHOOK_MAX_BYTES;
    }
    expect(await stored()).toEqual(before);
  });
});
