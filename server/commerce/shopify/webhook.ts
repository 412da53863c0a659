import { createHash } from "node:crypto";
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { decryptSecret } from "../../lib/crypto";
import { claimInboundEvent, failInboundEvent, finishInboundEvent, recordInboundEvent } from "../inbound-events";
import { BadPayload, UUID, envNumber, json, parseJsonObject, withinRate } from "../inbound-http";
import { TooLarge, readBody } from "../../lib/request-body";
import { findActiveIntegration } from "../integrations.repository";
import { classifySyncError } from "../sync-errors";
import { inCommerceTransaction } from "../transaction";
import { prepareShopifyTopic } from "./topics";
import { verifyShopifyHmac } from "./verify";

/**
 * POST /api/integrations/shopify/{integrationId}: Shopify's webhooks for one shop. Order of checks: known active
 * integration (404) · rate (429) · size (413) · HMAC over the raw bytes (401, nothing stored) · headers and JSON (400)
 * · the delivery stored with its raw payload, idempotent on X-Shopify-Webhook-Id · mapped and validated (400, kept as
 * FAILED) · one transaction that writes the data and marks the delivery PROCESSED. Answers 200 quickly, as Shopify asks.
 */
export const shopifyMaxBytes = () => envNumber("SHOPIFY_WEBHOOK_MAX_BYTES", 5 * 1024 * 1024);
const ratePerMinute = () => envNumber("SHOPIFY_WEBHOOK_RATE_PER_MINUTE", 600);

function openSecret(sealed: string | null): string | null {
  if (!sealed) return null;
  try {
    return decryptSecret(sealed);
  } catch {
    return null;
  }
}

const header = (req: Request, name: string) => req.headers.get(name)?.trim() || null;

export async function handleShopifyWebhook(db: Db, integrationId: string, req: Request): Promise<Response> {
  if (!UUID.test(integrationId)) return json(404, { error: "Unknown integration" });
  const integration = await findActiveIntegration(db, integrationId);
  if (integration?.kind !== "SHOPIFY") return json(404, { error: "Unknown integration" });
  if (!(await withinRate("shopify", ratePerMinute(), integration.id))) {
    return json(429, { error: "Too many webhooks for this integration; retry later" }, { "Retry-After": "60" });
  }
  let body: Buffer;
  try {
    body = await readBody(req, shopifyMaxBytes());
  } catch (err) {
    if (err instanceof TooLarge) return json(413, { error: `The body is larger than ${shopifyMaxBytes()} bytes` });
    throw err;
  }
  const secret = openSecret(integration.secretEncrypted);
  if (!secret) return json(401, { error: "This integration has no usable secret: set one in Settings → Integrations" });
  if (!verifyShopifyHmac(body, req.headers.get("x-shopify-hmac-sha256"), secret)) {
    return json(401, { error: "Missing or invalid X-Shopify-Hmac-Sha256 signature" });
  }
  const topic = header(req, "x-shopify-topic");
  const webhookId = header(req, "x-shopify-webhook-id");
  if (!topic || topic.length > 100) return json(400, { error: "Missing X-Shopify-Topic header" });
  if (!webhookId || webhookId.length > 200) return json(400, { error: "Missing X-Shopify-Webhook-Id header" });
  let data: Record<string, unknown>;
  try {
    data = parseJsonObject(body);
  } catch (err) {
    if (err instanceof BadPayload) return json(400, { error: err.message });
    throw err;
  }

  const event = await recordInboundEvent(db, {
    workspaceId: integration.workspaceId,
    integrationId: integration.id,
    provider: "shopify",
    deliveryId: webhookId,
    topic,
    payload: {
      sha256: createHash("sha256").update(body).digest("hex"),
      topic,
      shopDomain: header(req, "x-shopify-shop-domain"),
      apiVersion: header(req, "x-shopify-api-version"),
      triggeredAt: header(req, "x-shopify-triggered-at"),
      eventId: header(req, "x-shopify-event-id"),
      body: data as Prisma.InputJsonObject,
    },
  });
  if (event.duplicate && (event.status === "PROCESSED" || event.status === "IGNORED")) {
    return json(200, { status: "duplicate", eventId: event.id });
  }

  let work: ReturnType<typeof prepareShopifyTopic>;
  try {
    work = prepareShopifyTopic(topic, data);
  } catch (err) {
    if (!(err instanceof BadPayload)) throw err;
    await failInboundEvent(db, event.id, err.message);
    return json(400, { error: err.message, eventId: event.id });
  }
  const ctx = { workspaceId: integration.workspaceId, integrationId: integration.id };
  try {
    const outcome = await inCommerceTransaction(db, integration.workspaceId, async (tx, emit) => {
      if (!(await claimInboundEvent(tx, event.id))) return { status: "duplicate" as const };
      if (work.kind === "ignore") {
        await finishInboundEvent(tx, event.id, "IGNORED", work.reason);
        return { status: "ignored" as const, reason: work.reason };
      }
      const result = await work.run(tx, ctx, emit);
      await finishInboundEvent(tx, event.id, "PROCESSED");
      return { status: "processed" as const, result };
    });
    return json(200, { ...outcome, eventId: event.id, topic });
  } catch (err) {
    const known = classifySyncError(err);
    await failInboundEvent(db, event.id, known?.message ?? (err instanceof Error ? err.message : String(err)));
    // Shopify retries non-2xx deliveries: a fulfilment that overtook its order gets in on a later attempt
    if (known) return json(known.status, { error: known.message, eventId: event.id });
    throw err;
  }
}
