import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from "node:crypto";
import { appKey } from "./keys";

/**
 * Secrets at rest (channel passwords, API tokens): AES-256-GCM with a key derived from the app secret.
 * Format: `v1.<iv>.<tag>.<ciphertext>` (base64url). Tampering or a different app secret fails loudly.
 */
export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", appKey("secrets-at-rest"), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptSecret(sealed: string): string {
  const [v, iv, tag, body] = sealed.split(".");
  if (v !== "v1" || !iv || !tag || body === undefined) throw new Error("Not an encrypted secret (expected v1.<iv>.<tag>.<data>)");
  const decipher = createDecipheriv("aes-256-gcm", appKey("secrets-at-rest"), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** JSON helpers for a channel's `configEncrypted` column. */
export const sealJson = (value: unknown): string => encryptSecret(JSON.stringify(value));
export const openJson = <T>(sealed: string): T => JSON.parse(decryptSecret(sealed)) as T;

/** Constant-time comparison of two secrets or signatures (lengths may differ: that is a mismatch, not an exception). */
export function safeEqual(a: string | Buffer, b: string | Buffer): boolean {
  const x = Buffer.isBuffer(a) ? a : Buffer.from(a);
  const y = Buffer.isBuffer(b) ? b : Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
