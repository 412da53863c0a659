import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { testDb } from "../../test/db";
import { createCustomer, createWorkspace } from "../../prisma/seed/factories";
import { encryptSecret } from "../lib/crypto";
import type { NormalisedOrderInput } from "./commerce.schemas";

const db = testDb();
const SECRET = "sbk_api_test_secret_value";
let POST: (req: Request, ctx: { params: Promise<{ integrationId: string }> }) => Promise<Response>;
let workspaceId: string;
let integrationId: string;

async function call(body: unknown, o: { auth?: string | null; key?: string; to?: string } = {}) {
  const to = o.to ?? integrationId;
  const headers: Record<string, string> = { "content-type": "application/json" };
  const auth = o.auth === undefined ? `Bearer ${SECRET}` : o.auth;
  if (auth !== null) headers.authorization = auth;
  if (o.key) headers["idempotency-key"] = o.key;
  const res = await POST(
    new Request(`http://localhost/api/integrations/orders/${to}`, {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers,
    }),
    { params: Promise.resolve({ integrationId: to }) },
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { results?: Record<string, unknown>[] } };
}

let seq = 0;
function anOrder(over: Partial<NormalisedOrderInput> = {}): NormalisedOrderInput {
  seq += 1;
  const id = `${Date.now()}${seq}`;
  return {
    externalId: `wc-${id}`,
    number: `WC-${id}`,
    status: "OPEN",
    financialStatus: "PAID",
    currency: "eur",
    totalCents: 4990,
    email: `buyer-${id}@example.com`,
    customerName: "Greta Buyer",
    placedAt: "2025-12-01T10:00:00+01:00",
    items: [{ externalId: "li-1", sku: "MUG-01", productName: "Enamel Mug", productType: "Kitchen", quantity: 2, priceCents: 1995 }],
    fulfillments: [],
    ...over,
  };
}

const eventsOf = async (externalId: string) =>
  (
    await db.order.findUniqueOrThrow({
      where: { integrationId_externalId: { integrationId, externalId } },
      select: { events: { select: { kind: true }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] } },
    })
  ).events.map((e) => e.kind);

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  ({ POST } = await import("../../app/api/integrations/orders/[integrationId]/route"));
  const ws = await createWorkspace(db);
  workspaceId = ws.id;
  const integration = await db.commerceIntegration.create({
    data: { workspaceId, kind: "API", name: "WooCommerce bridge", secretEncrypted: encryptSecret(SECRET) },
  });
  integrationId = integration.id;
});

describe("POST /api/integrations/orders/[integrationId]", () => {
  it("needs the integration's secret as a Bearer token; nothing is stored without it", async () => {
    const before = await db.inboundEvent.count({ where: { integrationId } });
    const body = { orders: [anOrder()] };
    expect((await call(body, { auth: null })).status).toBe(401);
    expect((await call(body, { auth: "Bearer wrong-secret" })).status).toBe(401);
    expect((await call(body, { auth: `Basic ${Buffer.from(`x:${SECRET}`).toString("base64")}` })).status).toBe(401);
    expect(await db.inboundEvent.count({ where: { integrationId } })).toBe(before);
    expect(await db.order.count({ where: { integrationId } })).toBe(0);
    expect((await call(body, { to: randomUUID() })).status).toBe(404);
  });

  it("validates the body and says where the problem is", async () => {
    const bad = await call({ orders: [anOrder(), { ...anOrder(), placedAt: "01/12/2025" }] });
    expect(bad.status).toBe(400);
    expect(String(bad.body.error)).toContain("orders.1.placedAt");
    expect((await call({})).status).toBe(400);
    expect((await call("not json")).status).toBe(400);
    const tooMany = await call({ customers: Array.from({ length: 501 }, (_, i) => ({ email: `c${i}@example.com` })) });
    expect(tooMany.status).toBe(400);
    expect(String(tooMany.body.error)).toContain("At most 500");
    expect(await db.order.count({ where: { integrationId } })).toBe(0);
  });

  it("stores orders and customers, one result per item; a conflicting item fails alone", async () => {
    const taken = anOrder();
    const other = await db.commerceIntegration.create({ data: { workspaceId, kind: "CSV", name: "Old import" } });
    await db.order.create({
      data: { workspaceId, integrationId: other.id, externalId: "x-1", number: taken.number, placedAt: new Date() },
    });
    const good = anOrder({
      fulfillments: [{ externalId: "p1", status: "IN_TRANSIT", carrier: "DHL", trackingNumber: "JD01", shippedAt: "2025-12-02T08:00:00Z" }],
    });
    const res = await call({ customers: [{ email: "Solo@Example.com", name: "Solo Customer", tags: ["VIP"] }], orders: [good, taken] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "partial", summary: { created: 2, failed: 1 } });
    expect(res.body.results).toEqual([
      expect.objectContaining({ kind: "customer", index: 0, ok: true, status: "created" }),
      expect.objectContaining({ kind: "order", index: 0, ok: true, status: "created", events: ["PLACED", "PAID", "SHIPPED"] }),
      expect.objectContaining({ kind: "order", index: 1, ok: false, error: expect.stringContaining("already used") as string }),
    ]);
    const solo = await db.customer.findFirstOrThrow({ where: { workspaceId, email: "solo@example.com" } });
    expect(solo).toMatchObject({ name: "Solo Customer", vip: true });
    const stored = await db.order.findUniqueOrThrow({
      where: { integrationId_externalId: { integrationId, externalId: good.externalId } },
      include: { items: true, fulfillments: true },
    });
    expect(stored).toMatchObject({ currency: "EUR", fulfillmentStatus: "IN_TRANSIT", totalCents: 4990 });
    expect(stored.items).toEqual([expect.objectContaining({ sku: "MUG-01", productType: "Kitchen", quantity: 2 })]);
    const event = await db.inboundEvent.findFirstOrThrow({ where: { id: String(res.body.eventId) } });
    expect(event).toMatchObject({ provider: "api", status: "FAILED", topic: "api/orders" });
    expect(event.error).toContain("1 of 3 items failed");
  });

  it("is idempotent on Idempotency-Key; the same key with another body is refused", async () => {
    const order = anOrder();
    const key = `key-${randomUUID()}`;
    const first = await call({ orders: [order] }, { key });
    expect(first.body).toMatchObject({ status: "processed", summary: { created: 1 } });
    const replay = await call({ orders: [order] }, { key });
    expect(replay).toMatchObject({ status: 200, body: { status: "duplicate", eventId: first.body.eventId } });
    expect(await eventsOf(order.externalId)).toEqual(["PLACED", "PAID"]);
    const reused = await call({ orders: [{ ...order, totalCents: 1 }] }, { key });
    expect(reused.status).toBe(409);
    // without a key the same data is simply unchanged: the sync itself is idempotent
    const again = await call({ orders: [order] });
    expect(again.body).toMatchObject({ summary: { unchanged: 1 } });
    expect(await eventsOf(order.externalId)).toEqual(["PLACED", "PAID"]);
  });

  it("a delayed fulfilment sets the flag and adds DELAYED once; the order joins the customer matched by phone", async () => {
    const known = await createCustomer(db, { workspaceId, email: null, name: "Phone Person" });
    await db.customerIdentity.create({ data: { workspaceId, customerId: known.id, channelKind: "SMS", address: "+14155550123" } });
    const parcel = { externalId: "p9", status: "IN_TRANSIT" as const, carrier: "USPS", shippedAt: "2025-12-02T08:00:00Z" };
    const order = anOrder({ email: null, phone: "(415) 555-0123", fulfillments: [parcel] });
    expect((await call({ orders: [order] })).body).toMatchObject({ results: [expect.objectContaining({ customerId: known.id })] });
    const late = {
      ...order,
      fulfillments: [{ ...parcel, delayed: true, delayReason: "Weather at the hub", updatedAt: "2025-12-04T09:00:00Z" }],
    };
    expect((await call({ orders: [late] })).body.results?.[0]).toMatchObject({ status: "updated", events: ["DELAYED"] });
    expect((await call({ orders: [late] })).body.results?.[0]).toMatchObject({ status: "unchanged", events: [] });
    const row = await db.fulfillment.findFirstOrThrow({ where: { externalId: "p9", order: { integrationId } } });
    expect(row).toMatchObject({ delayed: true, delayReason: "Weather at the hub" });
    expect(await eventsOf(order.externalId)).toEqual(["PLACED", "PAID", "SHIPPED", "DELAYED"]);
  });
});
