import { RateLimiterMemory } from "rate-limiter-flexible";
import { type ZodError } from "zod";
import { parseJsonLossless } from "./lossless-json";

/** HTTP plumbing shared by the public commerce endpoints (Shopify webhooks, the orders API). */

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const json = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });

export function envNumber(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

// one limiter per configured rate, kept on globalThis (Next bundles routes separately; tests change the rate)
const g = globalThis as unknown as { __switchboardCommerceLimiters?: Map<string, RateLimiterMemory> };

/** false when `key` (an integration) has used up its requests for this minute. */
export async function withinRate(scope: string, perMinute: number, key: string): Promise<boolean> {
  g.__switchboardCommerceLimiters ??= new Map();
  const id = `${scope}:${perMinute}`;
  let limiter = g.__switchboardCommerceLimiters.get(id);
  if (!limiter) {
    limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
    g.__switchboardCommerceLimiters.set(id, limiter);
  }
  try {
    await limiter.consume(key);
    return true;
  } catch {
    return false;
  }
}

export class BadPayload extends Error {}

/** The body as a JSON object (large integer ids kept exactly), or BadPayload with a message for the sender. */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
  let data: unknown;
  try {
    data = parseJsonLossless(body.toString("utf8"));
  } catch {
    throw new BadPayload("The body is not valid JSON");
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new BadPayload("The body must be a JSON object");
  return data as Record<string, unknown>;
}

/** "orders.3.placedAt: Expected an ISO-8601 date-time…; …" — the first few problems, with where they are. */
export function describeZodError(err: ZodError, max = 5): string {
  const parts = err.issues.slice(0, max).map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message));
  const more = err.issues.length > max ? ` (and ${err.issues.length - max} more)` : "";
  return `${parts.join("; ")}${more}`;
}
