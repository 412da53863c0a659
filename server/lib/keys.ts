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
  // derived once per (secret, purpose): every inbound email and webhook needs two or three of them
  const id = `${purpose}\0${secret}`;
  let key = derived.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "switchboard", purpose, 32));
    derived.set(id, key);
  }
  return Buffer.from(key);
}

const derived = new Map<string, Buffer>();
