import { createHmac } from "node:crypto";
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { PREPARED, queryRows } from "../../db/sql";
import { openJson, safeEqual } from "../../lib/crypto";
import { TooLarge, readBody } from "../../lib/request-body";
import { ingestEmail } from "./ingest";
import { parseMime } from "./parse";
import { WebhookFormatError, mailgunEmail, postmarkEmail, sendgridEmail, type WebhookEmail } from "./webhook-formats";

/**
 * POST /api/webhooks/email/{channelId}: raw MIME, Postmark, Mailgun, SendGrid. Authenticated per channel (a secret as
 * Bearer/Basic password, or Mailgun's HMAC); nothing is stored before authentication succeeds.
 */
export type EmailWebhookConfig = { webhook?: { secret?: string; mailgunSigningKey?: string } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAILGUN_MAX_AGE_S = 5 * 60;

export function webhookMaxBytes(): number {
  const n = Number(process.env.EMAIL_WEBHOOK_MAX_BYTES);
  return Number.isFinite(n) && n > 0 ? n : 30 * 1024 * 1024;
}

const g = globalThis as unknown as { __switchboardEmailWebhookLimiter?: RateLimiterMemory };
function limiter(): RateLimiterMemory {
  g.__switchboardEmailWebhookLimiter ??= new RateLimiterMemory({
    points: Number(process.env.EMAIL_WEBHOOK_RATE_PER_MINUTE) || 600,
    duration: 60,
  });
  return g.__switchboardEmailWebhookLimiter;
}

const json = (status: number, body: Record<string, unknown>) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
/** The channel's secret as `Authorization: Bearer <secret>` or as the Basic auth password. */
export function verifySecret(authorization: string | null, secret: string | undefined): boolean {
  if (!secret || !authorization) return false;
  const [scheme, value = ""] = authorization.split(/\s+/, 2);
  if (scheme?.toLowerCase() === "bearer") return safeEqual(value, secret);
  if (scheme?.toLowerCase() === "basic") {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    return safeEqual(decoded.slice(decoded.indexOf(":") + 1), secret);
  }
  return false;
}

/** hex(HMAC-SHA256(signingKey, timestamp + token)), constant-time, timestamps older than 5 minutes refused. */
export function verifyMailgun(
  p: { timestamp: string | null; token: string | null; signature: string | null },
  signingKey: string | undefined,
  now: Date = new Date(),
): { ok: true } | { ok: false; reason: string } {
  if (!signingKey) return { ok: false, reason: "Mailgun signing key not configured for this channel" };
  if (!p.timestamp || !p.token || !p.signature) return { ok: false, reason: "Missing Mailgun signature fields" };
  if (!/^\d+$/.test(p.timestamp)) return { ok: false, reason: "Malformed Mailgun timestamp" };
  const age = now.getTime() / 1000 - Number(p.timestamp);
  if (Math.abs(age) > MAILGUN_MAX_AGE_S) return { ok: false, reason: "Stale Mailgun timestamp" };
  const expected = createHmac("sha256", signingKey)
    .update(p.timestamp + p.token)
    .digest("hex");
  return safeEqual(expected, p.signature.toLowerCase()) ? { ok: true } : { ok: false, reason: "Invalid Mailgun signature" };
}

async function formOf(body: Buffer, contentType: string): Promise<FormData> {
  try {
    return await new Request("http://local/", {
      method: "POST",
      body: new Uint8Array(body),
      headers: { "content-type": contentType },
    }).formData();
  } catch {
    throw new WebhookFormatError("The form body could not be parsed");
  }
}

export async function handleEmailWebhook(db: Db, channelId: string, req: Request): Promise<Response> {
  if (!UUID.test(channelId)) return json(404, { error: "Unknown channel" });
  // read on every delivery (not cached), so switching the webhook off or rotating its secret applies at once
  const [channel] = await queryRows<{ id: string; configEncrypted: string | null; settings: unknown }>(
    db,
    Prisma.sql`${PREPARED}SELECT id, "configEncrypted", settings FROM "Channel" WHERE id = ${channelId}::uuid AND kind = 'EMAIL' AND active`,
  );
  // a channel whose webhook is switched off in Settings → Receiving is as unknown as a missing one (unset = on)
  const inbound = (channel?.settings as { inbound?: { webhook?: boolean } } | null)?.inbound;
  if (!channel || inbound?.webhook === false) return json(404, { error: "Unknown channel" });
  try {
    await limiter().consume(channel.id);
  } catch {
    return json(429, { error: "Too many requests for this channel" });
  }
  let body: Buffer;
  try {
    body = await readBody(req, webhookMaxBytes());
  } catch (err) {
    if (err instanceof TooLarge) return json(413, { error: `The message is larger than ${webhookMaxBytes()} bytes` });
    throw err;
  }
  let config: EmailWebhookConfig = {};
  try {
    config = channel.configEncrypted ? openJson<EmailWebhookConfig>(channel.configEncrypted) : {};
  } catch {
    return json(403, { error: "This channel's webhook settings cannot be read" });
  }
  const contentType = (req.headers.get("content-type") ?? "").toLowerCase();
  const secretOk = verifySecret(req.headers.get("authorization"), config.webhook?.secret);
  try {
    let parsed: WebhookEmail;
    if (contentType.startsWith("multipart/form-data") || contentType.startsWith("application/x-www-form-urlencoded")) {
      const form = await formOf(body, contentType);
      const signed = form.has("signature") && form.has("token") && form.has("timestamp");
      if (signed) {
        const field = (n: string) => (typeof form.get(n) === "string" ? (form.get(n) as string) : null);
        const verdict = verifyMailgun(
          { timestamp: field("timestamp"), token: field("token"), signature: field("signature") },
          config.webhook?.mailgunSigningKey,
        );
        if (!verdict.ok) return json(401, { error: verdict.reason });
        parsed = await mailgunEmail(form);
      } else {
        if (!secretOk) return json(401, { error: "Missing or wrong webhook secret" });
        parsed = form.has("envelope") || form.has("email") ? await sendgridEmail(form) : await mailgunEmail(form);
      }
    } else {
      if (!secretOk) return json(401, { error: "Missing or wrong webhook secret" });
      if (contentType.startsWith("application/json")) {
        let data: unknown;
        try {
          data = JSON.parse(body.toString("utf8"));
        } catch {
          return json(400, { error: "The body is not valid JSON" });
        }
        parsed = await postmarkEmail(data);
      } else if (
        contentType.startsWith("message/rfc822") ||
        contentType.startsWith("text/plain") ||
        contentType === "application/octet-stream"
      ) {
        if (!body.length || !/^[\x21-\x39\x3b-\x7e]+:/m.test(body.subarray(0, 4096).toString("latin1")))
          return json(400, { error: "The body is not an RFC 5322 message (no header fields)" });
        parsed = { email: await parseMime(body), raw: body, recipients: [] };
      } else {
        return json(415, { error: "Send message/rfc822, Postmark JSON, or a Mailgun/SendGrid form" });
      }
    }
    const result = await ingestEmail(db, {
      channelId: channel.id,
      email: parsed.email,
      source: "webhook",
      raw: parsed.raw,
      recipients: parsed.recipients,
    });
    return json(result.status === "duplicate" ? 200 : 202, result);
  } catch (err) {
    if (err instanceof WebhookFormatError) return json(400, { error: err.message });
    throw err;
  }
}
