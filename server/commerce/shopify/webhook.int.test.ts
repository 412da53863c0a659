import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { testDb } from "../../../test/db";
import { createCustomer, createWorkspace } from "../../../prisma/seed/factories";
import { encryptSecret } from "../../lib/crypto";
import { shopifyHmac } from "./verify";

const db = testDb();
const SECRET = "shpss_test_webhook_secret";
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8");
let POST: (req: Request, ctx: { params: Promise<{ integrationId: string }> }) => Promise<Response>;
let workspaceId: string;
let integrationId: string;

type Opts = { webhookId?: string; secret?: string; hmac?: string | null; to?: string; headers?: Record<string, string> };
async function send(topic: string, body: string, o: Opts = {}) {
  const to = o.to ?? integrationId;
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-shopify-topic": topic,
    "x-shopify-webhook-id": o.webhookId ?? randomUUID(),
    "x-shopify-shop-domain": "demo-store.myshopify.com",
    ...o.headers,
  };
  const hmac = o.hmac === undefined ? shopifyHmac(body, o.secret ?? SECRET) : o.hmac;
  if (hmac !== null) headers["x-shopify-hmac-sha256"] = hmac;
  const res = await POST(new Request(`http://localhost/api/integrations/shopify/${to}`, { method: "POST", body, headers }), {
    params: Promise.resolve({ integrationId: to }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const order = (externalId: string) =>
  db.order.findUniqueOrThrow({
    where: { integrationId_externalId: { integrationId, externalId } },
    include: { items: true, fulfillments: true, events: { orderBy: [{ occurredAt: "asc" }, { id: "asc" }] } },
  });
const counts = async () => ({
  events: await db.inboundEvent.count({ where: { integrationId } }),
  orders: await db.order.count({ where: { integrationId } }),
});

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  ({ POST } = await import("../../../app/api/integrations/shopify/[integrationId]/route"));
  const ws = await createWorkspace(db);
  workspaceId = ws.id;
  const integration = await db.commerceIntegration.create({
    data: { workspaceId, kind: "SHOPIFY", name: "Test shop", secretEncrypted: encryptSecret(SECRET) },
  });
  integrationId = integration.id;
});

describe("POST /api/integrations/shopify/[integrationId]", () => {
  it("refuses a missing, wrong or other-secret signature with 401 and stores nothing", async () => {
    const before = await counts();
    const body = fixture("orders-create");
    expect((await send("orders/create", body, { hmac: null })).status).toBe(401);
    expect((await send("orders/create", body, { hmac: "bm9wZQ==" })).status).toBe(401);
    expect((await send("orders/create", body, { secret: "another-shop-secret" })).status).toBe(401);
    // signed, then altered in transit: the signature covers the raw bytes
    const res = await send("orders/create", body.replace('"158.18"', '"1.00"'), { hmac: shopifyHmac(body, SECRET) });
    expect(res.status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it("walks every topic of the fixtures: order, shipment, delay, delivery, cancellation, customers", async () => {
    const created = await send("orders/create", fixture("orders-create"));
    expect(created).toMatchObject({
      status: 200,
      body: { status: "processed", result: { status: "created", events: ["PLACED", "PAID"] } },
    });
    let o = await order("820982911946154508");
    expect(o).toMatchObject({
      number: "#9001",
      totalCents: 15818,
      financialStatus: "PAID",
      fulfillmentStatus: "UNFULFILLED",
      email: "jon@example.com",
    });
    expect(o.items.map((i) => i.externalId).sort()).toEqual(["141249953214522974", "866550311766439020"]);
    const customer = await db.customer.findUniqueOrThrow({ where: { id: o.customerId ?? "" }, include: { identities: true } });
    expect(customer).toMatchObject({ workspaceId, name: "Jon Snow", email: "jon@example.com", phone: "+16135550142" });
    expect(customer.identities.map((i) => `${i.channelKind}:${i.address}`).sort()).toEqual(["EMAIL:jon@example.com", "SMS:+16135550142"]);

    const shipped = await send("fulfillments/create", fixture("fulfillments-create"));
    expect(shipped.body).toMatchObject({ status: "processed", result: { status: "updated", events: ["SHIPPED"] } });
    o = await order("820982911946154508");
    expect(o.fulfillmentStatus).toBe("IN_TRANSIT");
    expect(o.fulfillments).toEqual([
      expect.objectContaining({
        externalId: "255858046",
        status: "IN_TRANSIT",
        carrier: "UPS",
        trackingNumber: "1Z2345678901234567",
        delayed: false,
      }),
    ]);
    const fulfillmentId = o.fulfillments[0]?.id;

    const delayed = await send("orders/updated", fixture("orders-updated"));
    expect(delayed.body).toMatchObject({ result: { status: "updated", events: ["DELAYED"] } });
    o = await order("820982911946154508");
    expect(o.fulfillments[0]).toMatchObject({ id: fulfillmentId, delayed: true, delayReason: "The carrier reported a delay" });
    expect(o.fulfillments[0]?.eta?.toISOString()).toBe("2025-12-03T01:00:00.000Z");
    // the same update delivered again under a new webhook id (Shopify sends one per subscription): no second DELAYED
    const again = await send("orders/updated", fixture("orders-updated"));
    expect(again.body).toMatchObject({ result: { status: "unchanged", events: [] } });

    const delivered = await send("fulfillments/update", fixture("fulfillments-update"));
    expect(delivered.body).toMatchObject({ result: { events: ["DELIVERED"] } });
    o = await order("820982911946154508");
    expect(o).toMatchObject({ fulfillmentStatus: "DELIVERED" });
    expect(o.fulfillments[0]).toMatchObject({ id: fulfillmentId, status: "DELIVERED", delayed: false });
    expect(o.events.map((e) => e.kind)).toEqual(["PLACED", "PAID", "SHIPPED", "DELAYED", "DELIVERED"]);
    expect(o.events[2]?.data).toMatchObject({ carrier: "UPS", trackingNumber: "1Z2345678901234567", fulfillmentId: "255858046" });

    const cancelled = await send("orders/cancelled", fixture("orders-cancelled"));
    expect(cancelled.body).toMatchObject({ result: { status: "created", events: ["PLACED", "CANCELLED"] } });
    const c = await order("820982911946154509");
    expect(c).toMatchObject({ status: "CANCELLED", fulfillmentStatus: "CANCELLED", financialStatus: "REFUNDED" });
    // phone only: a customer created with the number in E.164 as an SMS identity
    const byPhone = await db.customerIdentity.findFirstOrThrow({ where: { workspaceId, address: "+14155550199" } });
    expect(byPhone).toMatchObject({ channelKind: "SMS", customerId: c.customerId });

    const bob = await send("customers/create", fixture("customers-create"));
    expect(bob.body).toMatchObject({ result: { status: "created" } });
    const bobId = String((bob.body.result as { customerId: string }).customerId);
    const updated = await send("customers/update", fixture("customers-update"));
    expect(updated.body).toMatchObject({ result: { status: "updated", customerId: bobId } });
    const bobRow = await db.customer.findUniqueOrThrow({ where: { id: bobId }, include: { identities: true } });
    expect(bobRow).toMatchObject({ name: "Bob Biller", email: "bob@biller.com", phone: "+16135551111", vip: true });
    expect(bobRow.identities.map((i) => i.channelKind).sort()).toEqual(["EMAIL", "SMS"]);

    const statuses = await db.inboundEvent.groupBy({ by: ["status"], where: { integrationId }, _count: true });
    expect(statuses.find((s) => s.status === "FAILED")).toBeUndefined();
    const stored = await db.inboundEvent.findFirstOrThrow({ where: { integrationId, topic: "orders/cancelled" } });
    expect(stored).toMatchObject({ provider: "shopify", status: "PROCESSED" });
    expect((stored.payload as { body: { id: string } }).body.id).toBe("820982911946154509");
  });

  it("a replayed delivery (same webhook id) is acknowledged and not processed again; a failed one is retried", async () => {
    const body = fixture("orders-create").replaceAll("820982911946154508", "820982911946150001").replace('"#9001"', '"#9101"');
    const webhookId = randomUUID();
    expect((await send("orders/create", body, { webhookId })).body).toMatchObject({ status: "processed" });
    const replay = await send("orders/create", body, { webhookId });
    expect(replay).toMatchObject({ status: 200, body: { status: "duplicate" } });
    const o = await order("820982911946150001");
    expect(o.events.map((e) => e.kind)).toEqual(["PLACED", "PAID"]);
    expect(await db.inboundEvent.count({ where: { integrationId, externalId: `${integrationId}:${webhookId}` } })).toBe(1);

    // a fulfilment that overtook its order: 409 (Shopify retries), kept FAILED, processed by the retry
    const early = fixture("fulfillments-create").replaceAll("820982911946154508", "820982911946150002").replace("255858046", "255858999");
    const fid = randomUUID();
    const first = await send("fulfillments/create", early, { webhookId: fid });
    expect(first.status).toBe(409);
    expect(await db.inboundEvent.findFirstOrThrow({ where: { externalId: `${integrationId}:${fid}` } })).toMatchObject({
      status: "FAILED",
      attempts: 1,
    });
    const second = fixture("orders-create").replaceAll("820982911946154508", "820982911946150002").replace('"#9001"', '"#9102"');
    expect((await send("orders/create", second)).status).toBe(200);
    const retried = await send("fulfillments/create", early, { webhookId: fid });
    expect(retried.body).toMatchObject({ status: "processed", result: { events: ["SHIPPED"] } });
    expect(await db.inboundEvent.findFirstOrThrow({ where: { externalId: `${integrationId}:${fid}` } })).toMatchObject({
      status: "PROCESSED",
      error: null,
      attempts: 2,
    });
  });

  it("an older version arriving after a newer one is not applied", async () => {
    const id = "820982911946150003";
    const base = fixture("orders-updated").replaceAll("820982911946154508", id).replace('"#9001"', '"#9103"');
    expect((await send("orders/updated", base)).body).toMatchObject({ result: { status: "created" } });
    const older = base
      .replace('"updated_at": "2025-12-03T16:40:11-05:00"', '"updated_at": "2025-11-28T09:14:04-05:00"')
      .replace('"financial_status": "paid"', '"financial_status": "pending"');
    expect((await send("orders/updated", older)).body).toMatchObject({ result: { status: "stale", events: [] } });
    expect((await order(id)).financialStatus).toBe("PAID");
  });

  it("matches orders to existing customers by email, then by phone through their identities", async () => {
    const byEmail = await createCustomer(db, { workspaceId, email: "Repeat.Buyer@Example.com" });
    const body = fixture("orders-create")
      .replaceAll("820982911946154508", "820982911946150004")
      .replace('"#9001"', '"#9104"')
      .replaceAll("jon@example.com", "repeat.buyer@example.com");
    await send("orders/create", body);
    expect((await order("820982911946150004")).customerId).toBe(byEmail.id);

    const byPhone = await createCustomer(db, { workspaceId, email: null, name: "WhatsApp only" });
    await db.customerIdentity.create({ data: { workspaceId, customerId: byPhone.id, channelKind: "WHATSAPP", address: "+447700900123" } });
    const phoneOnly = fixture("orders-cancelled")
      .replaceAll("820982911946154509", "820982911946150005")
      .replace('"#9002"', '"#9105"')
      .replace("+1 (415) 555-0199", "+44 7700 900123");
    await send("orders/cancelled", phoneOnly);
    expect((await order("820982911946150005")).customerId).toBe(byPhone.id);
  });

  it("acknowledges an unknown topic (recorded as ignored), refuses bad requests clearly", async () => {
    const unknown = await send("products/create", '{"id": 632910392, "title": "IPod Nano - 8GB"}');
    expect(unknown).toMatchObject({ status: 200, body: { status: "ignored" } });
    const row = await db.inboundEvent.findFirstOrThrow({ where: { integrationId, topic: "products/create" } });
    expect(row).toMatchObject({ status: "IGNORED", error: "The topic products/create is not handled" });

    expect(await send("orders/create", "{not json")).toMatchObject({ status: 400, body: { error: "The body is not valid JSON" } });
    expect((await send("orders/create", "[1,2]")).status).toBe(400);
    const shape = await send("orders/create", JSON.stringify({ id: 1, created_at: "yesterday", line_items: [] }));
    expect(shape.status).toBe(400);
    expect(String(shape.body.error)).toContain("created_at");
    expect(await db.inboundEvent.findFirstOrThrow({ where: { id: String(shape.body.eventId) } })).toMatchObject({ status: "FAILED" });
    expect((await send("orders/create", "{}", { headers: { "x-shopify-topic": "" } })).status).toBe(400);

    const big = JSON.stringify({ id: 1, note: "x".repeat(5 * 1024 * 1024) });
    expect((await send("orders/create", big)).status).toBe(413);
    expect((await send("orders/create", "{}", { to: randomUUID() })).status).toBe(404);
    expect((await send("orders/create", "{}", { to: "not-a-uuid" })).status).toBe(404);
    const inactive = await db.commerceIntegration.create({
      data: { workspaceId, kind: "SHOPIFY", name: "Old shop", active: false, secretEncrypted: encryptSecret(SECRET) },
    });
    expect((await send("orders/create", fixture("orders-create"), { to: inactive.id })).status).toBe(404);
  });

  it("rate-limits deliveries per integration (429)", async () => {
    const shop = await db.commerceIntegration.create({
      data: { workspaceId, kind: "SHOPIFY", name: "Busy shop", secretEncrypted: encryptSecret(SECRET) },
    });
    process.env.SHOPIFY_WEBHOOK_RATE_PER_MINUTE = "3";
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await send("products/update", '{"id": 1}', { to: shop.id })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      delete process.env.SHOPIFY_WEBHOOK_RATE_PER_MINUTE;
    }
  });
});
