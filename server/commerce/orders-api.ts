import { createHash, randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { decryptSecret, safeEqual } from "../lib/crypto";
import { TooLarge, readBody } from "../lib/request-body";
import { ZOrdersApiBody, type OrdersApiBody } from "./commerce.schemas";
import { syncCustomerInTx } from "./customer-sync";
import { failInboundEvent, finishInboundEvent, recordInboundEvent } from "./inbound-events";
import { BadPayload, UUID, describeZodError, envNumber, json, parseJsonObject, withinRate } from "./inbound-http";
import { findActiveIntegration } from "./integrations.repository";
import { syncOrderInTx, type Emit, type SyncContext } from "./order-sync";
import type { Tx } from "./order-sync.repository";
import { classifySyncError } from "./sync-errors";
import { inCommerceTransaction } from "./transaction";

/**
 * POST /api/integrations/orders/{integrationId}: the generic JSON endpoint for platforms other than Shopify.
 * `Authorization: Bearer <integration secret>`; body `{ orders?: NormalisedOrder[], customers?: NormalisedCustomer[] }`
 * (at most 500 items); optional `Idempotency-Key` (a repeat of a processed request is acknowledged, not redone; the
 * same key with another body is refused). Each item is stored in its own transaction and reported on its own.
 */
export const ordersApiMaxBytes = () => envNumber("ORDERS_API_MAX_BYTES", 10 * 1024 * 1024);
const ratePerMinute = () => envNumber("ORDERS_API_RATE_PER_MINUTE", 120);
const TOPIC = "api/orders";

export type ApiItemResult = {
  kind: "order" | "customer";
  index: number;
  externalId: string | null;
  ok: boolean;
  status?: string;
  orderId?: string;
  customerId?: string | null;
  events?: string[];
  error?: string;
};

function bearer(authorization: string | null): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return m?.[1] ?? null;
}

function openSecret(sealed: string | null): string | null {
  if (!sealed) return null;
  try {
    return decryptSecret(sealed);
  } catch {
    return null;
  }
}

export async function handleOrdersApi(db: Db, integrationId: string, req: Request): Promise<Response> {
  if (!UUID.test(integrationId)) return json(404, { error: "Unknown integration" });
  const integration = await findActiveIntegration(db, integrationId);
  if (!integration) return json(404, { error: "Unknown integration" });
  if (!(await withinRate("orders-api", ratePerMinute(), integration.id))) {
    return json(429, { error: "Too many requests for this integration; retry later" }, { "Retry-After": "60" });
  }
  let body: Buffer;
  try {
    body = await readBody(req, ordersApiMaxBytes());
  } catch (err) {
    if (err instanceof TooLarge) return json(413, { error: `The body is larger than ${ordersApiMaxBytes()} bytes` });
    throw err;
  }
  const secret = openSecret(integration.secretEncrypted);
  const given = bearer(req.headers.get("authorization"));
  if (!secret || !given || !safeEqual(given, secret)) {
    return json(401, { error: "Send the integration's secret as Authorization: Bearer <secret>" }, { "WWW-Authenticate": "Bearer" });
  }
  const key = req.headers.get("idempotency-key")?.trim() || null;
  if (key !== null && !/^[\x21-\x7e]{1,200}$/.test(key)) {
    return json(400, { error: "Idempotency-Key must be 1–200 printable ASCII characters" });
  }
  let data: Record<string, unknown>;
  let input: OrdersApiBody;
  try {
    data = parseJsonObject(body);
    const parsed = ZOrdersApiBody.safeParse(data);
    if (!parsed.success) throw new BadPayload(`Invalid request: ${describeZodError(parsed.error)}`);
    input = parsed.data;
  } catch (err) {
    if (err instanceof BadPayload) return json(400, { error: err.message });
    throw err;
  }

  const sha256 = createHash("sha256").update(body).digest("hex");
  const event = await recordInboundEvent(db, {
    workspaceId: integration.workspaceId,
    integrationId: integration.id,
    provider: "api",
    deliveryId: key ?? `auto:${randomUUID()}`,
    topic: TOPIC,
    payload: { sha256, topic: TOPIC, idempotencyKey: key, body: data as Prisma.InputJsonObject },
  });
  if (event.duplicate && event.sha256 !== sha256) {
    return json(409, { error: "This Idempotency-Key was already used for a different request body" });
  }
  if (event.duplicate && (event.status === "PROCESSED" || event.status === "IGNORED")) {
    return json(200, { status: "duplicate", eventId: event.id });
  }

  const ctx: SyncContext = { workspaceId: integration.workspaceId, integrationId: integration.id };
  const results: ApiItemResult[] = [];
  for (const [index, customer] of input.customers.entries()) {
    results.push(
      await item(db, ctx, { kind: "customer", index, externalId: customer.externalId }, (tx, emit) =>
        syncCustomerInTx(tx, ctx, customer, emit),
      ),
    );
  }
  for (const [index, order] of input.orders.entries()) {
    results.push(
      await item(db, ctx, { kind: "order", index, externalId: order.externalId }, (tx, emit) => syncOrderInTx(tx, ctx, order, emit)),
    );
  }
  const failed = results.filter((r) => !r.ok);
  if (failed.length) {
    const first = failed[0];
    const where = first ? `${first.kind}s[${first.index}]: ${first.error ?? ""}` : "";
    await failInboundEvent(db, event.id, `${failed.length} of ${results.length} items failed; first: ${where}`);
  } else {
    await finishInboundEvent(db, event.id, "PROCESSED");
  }
  const count = (s: string) => results.filter((r) => r.ok && r.status === s).length;
  return json(200, {
    status: failed.length ? "partial" : "processed",
    eventId: event.id,
    summary: {
      created: count("created"),
      updated: count("updated"),
      unchanged: count("unchanged"),
      stale: count("stale"),
      failed: failed.length,
    },
    results,
  });
}

/** One item in its own transaction: a bad order does not undo the good ones, and says why it failed. */
async function item(
  db: Db,
  ctx: SyncContext,
  ref: Pick<ApiItemResult, "kind" | "index" | "externalId">,
  run: (tx: Tx, emit: Emit) => Promise<{ status: string; customerId: string | null; orderId?: string; events?: string[] }>,
): Promise<ApiItemResult> {
  try {
    const r = await inCommerceTransaction(db, ctx.workspaceId, run);
    return { ...ref, ok: true, ...r };
  } catch (err) {
    const known = classifySyncError(err);
    if (!known) console.error(`[orders-api] ${ref.kind} ${ref.index} of integration ${ctx.integrationId} failed`, err);
    return { ...ref, ok: false, error: known?.message ?? "Could not store this item (server error); retry later" };
  }
}
