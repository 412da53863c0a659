import { createHmac } from "node:crypto";
import { safeEqual } from "../../lib/crypto";

/**
 * Shopify signs every webhook: X-Shopify-Hmac-Sha256 = base64(HMAC-SHA256(secret, raw body)). Computed over the exact
 * bytes received (never re-serialised JSON) and compared in constant time on the decoded digests.
 */
export function shopifyHmac(rawBody: Buffer | string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody).digest("base64");
}

export function verifyShopifyHmac(rawBody: Buffer, header: string | null, secret: string | null): boolean {
  if (!header || !secret) return false;
  const given = header.trim();
  // a valid base64 SHA-256 digest is 44 characters; anything else cannot match (and is not worth decoding)
  if (!/^[A-Za-z0-9+/]{43}=$/.test(given)) return false;
  return safeEqual(Buffer.from(given, "base64"), createHmac("sha256", secret).update(rawBody).digest());
}
