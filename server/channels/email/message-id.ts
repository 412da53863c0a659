import { createHmac } from "node:crypto";
import { safeEqual } from "../../lib/crypto";
import { appKey } from "../../lib/keys";

/**
 * Threading tokens we hand out, so a customer's reply finds its conversation even when their client drops
 * In-Reply-To: our outbound Message-IDs and the `local+token@domain` reply address both carry the conversation id
 * with an HMAC. A forged or altered token verifies as nothing (the message then starts a new conversation).
 */
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const MESSAGE_ID = new RegExp(`^<?sb\\.(${UUID})\\.(${UUID})\\.([A-Za-z0-9_-]{22})@[^>\\s]+>?$`, "i");
const REPLY_LOCAL = new RegExp(`^[^+@]+\\+(${UUID})\\.([A-Za-z0-9_-]{22})$`, "i");

const sign = (purpose: string, value: string) => createHmac("sha256", appKey(purpose)).update(value).digest("base64url").slice(0, 22);

/** `<sb.{conversationId}.{messageId}.{sig}@{domain}>` — the Message-ID header value of one outbound email. */
export function outboundMessageId(p: { conversationId: string; messageId: string; domain: string }): string {
  const c = p.conversationId.toLowerCase();
  const m = p.messageId.toLowerCase();
  return `<sb.${c}.${m}.${sign("email.message-id", `${c}.${m}`)}@${p.domain}>`;
}

/** The conversation an id we issued belongs to; null for anyone else's id or a tampered one. */
export function conversationFromMessageId(id: string): string | null {
  const m = MESSAGE_ID.exec(id.trim());
  if (!m?.[1] || !m[2] || !m[3]) return null;
  const c = m[1].toLowerCase();
  return safeEqual(m[3], sign("email.message-id", `${c}.${m[2].toLowerCase()}`)) ? c : null;
}

/** `support+{conversationId}.{sig}@example.com` for the support address `support@example.com`. */
export function replyAddress(supportAddress: string, conversationId: string): string {
  const at = supportAddress.lastIndexOf("@");
  const local = supportAddress.slice(0, at).split("+")[0];
  const c = conversationId.toLowerCase();
  return `${local}+${c}.${sign("email.reply-address", c)}@${supportAddress.slice(at + 1)}`;
}

/** The conversation a `local+token@domain` address points at; null when it carries no valid token. */
export function conversationFromReplyAddress(address: string): string | null {
  const at = address.lastIndexOf("@");
  if (at < 1) return null;
  const m = REPLY_LOCAL.exec(address.slice(0, at).trim());
  if (!m?.[1] || !m[2]) return null;
  const c = m[1].toLowerCase();
  return safeEqual(m[2], sign("email.reply-address", c)) ? c : null;
}

/** The support address a `local+anything@domain` recipient was sent to (`local@domain`), lower-cased. */
export function baseAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 1) return address.trim().toLowerCase();
  return `${address.slice(0, at).split("+")[0]}@${address.slice(at + 1)}`.trim().toLowerCase();
}
