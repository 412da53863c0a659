import { describe, expect, it } from "vitest";
import { shopifyHmac, verifyShopifyHmac } from "./verify";

// computed independently: printf '{"id":1}' | openssl dgst -sha256 -hmac hush -binary | base64
const VECTOR = { body: '{"id":1}', secret: "hush", hmac: "VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY=" };

describe("Shopify webhook HMAC", () => {
  it("matches an independently computed base64 HMAC-SHA256 of the raw body", () => {
    expect(shopifyHmac(VECTOR.body, VECTOR.secret)).toBe(VECTOR.hmac);
    expect(verifyShopifyHmac(Buffer.from(VECTOR.body), VECTOR.hmac, VECTOR.secret)).toBe(true);
    expect(verifyShopifyHmac(Buffer.from(VECTOR.body), ` ${VECTOR.hmac} `, VECTOR.secret)).toBe(true);
  });

  it("refuses another body, another secret, a missing, truncated or hex signature", () => {
    const body = Buffer.from(VECTOR.body);
    expect(verifyShopifyHmac(Buffer.from('{"id":2}'), VECTOR.hmac, VECTOR.secret)).toBe(false);
    // the same JSON re-serialised with a space is different bytes
    expect(verifyShopifyHmac(Buffer.from('{"id": 1}'), VECTOR.hmac, VECTOR.secret)).toBe(false);
    expect(verifyShopifyHmac(body, VECTOR.hmac, "other")).toBe(false);
    expect(verifyShopifyHmac(body, null, VECTOR.secret)).toBe(false);
    expect(verifyShopifyHmac(body, VECTOR.hmac, null)).toBe(false);
    expect(verifyShopifyHmac(body, VECTOR.hmac.slice(0, 20), VECTOR.secret)).toBe(false);
    expect(verifyShopifyHmac(body, Buffer.from(VECTOR.hmac, "base64").toString("hex"), VECTOR.secret)).toBe(false);
  });
});
