import { hkdfSync } from "node:crypto";
import { env } from "./env";

/**
 * Purpose-bound keys derived from the one app secret (NEXTAUTH_SECRET, generated into .data in embedded mode):
 * reply addresses, outbound Message-IDs and encrypted channel secrets each get their own key, and a deployment
 * still only has one secret to set (the same value on every instance).
 */
export function appKey(purpose: string): Buffer {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: it keys sessions, email threading tokens and encrypted channel secrets");
  return Buffer.from(hkdfSync("sha256", secret, "switchboard", purpose, 32));
}
