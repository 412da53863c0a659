import type { Prisma } from "../db/generated/client";

export type Tx = Prisma.TransactionClient;

export const syncedOrderSelect = {
  id: true,
  customerId: true,
  number: true,
  status: true,
  financialStatus: true,
  fulfillmentStatus: true,
  currency: true,
  subtotalCents: true,
  shippingCents: true,
  taxCents: true,
  totalCents: true,
  email: true,
  phone: true,
  shippingAddress: true,
  placedAt: true,
  cancelledAt: true,
  sourceUpdatedAt: true,
  items: {
    select: {
      id: true,
      externalId: true,
      sku: true,
      productName: true,
      variant: true,
      productType: true,
      quantity: true,
      priceCents: true,
      imageUrl: true,
    },
    orderBy: { id: "asc" },
  },
  fulfillments: {
    select: {
      id: true,
      externalId: true,
      status: true,
      carrier: true,
      trackingNumber: true,
      trackingUrl: true,
      shippedAt: true,
      eta: true,
      delayed: true,
      delayReason: true,
      deliveredAt: true,
      sourceUpdatedAt: true,
      createdAt: true,
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.OrderSelect;
export type SyncedOrder = Prisma.OrderGetPayload<{ select: typeof syncedOrderSelect }>;
export type StoredItem = SyncedOrder["items"][number];
export type StoredFulfillment = SyncedOrder["fulfillments"][number];

/**
 * Serialises every write to one platform order (orders/create and orders/updated often arrive together): the second
 * waits, then sees the first one's rows. A transaction-scoped advisory lock, so it also covers the not-yet-existing row.
 */
export async function lockOrderKey(tx: Tx, integrationId: string, externalId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`order-sync:${integrationId}:${externalId}`}))`;
}

export function findSyncedOrder(tx: Tx, integrationId: string, externalId: string): Promise<SyncedOrder | null> {
  return tx.order.findUnique({
    where: { integrationId_externalId: { integrationId, externalId } },
    select: syncedOrderSelect,
  });
}

/** Order numbers are unique per workspace: another source may already use this one. */
export async function orderNumberTaken(tx: Tx, workspaceId: string, number: string, exceptId: string | null): Promise<boolean> {
  const row = await tx.order.findUnique({ where: { workspaceId_number: { workspaceId, number } }, select: { id: true } });
  return row !== null && row.id !== exceptId;
}

/** The product type last stored for each SKU in the workspace (indexed on workspaceId, sku): one query for all. */
export async function productTypesBySku(tx: Tx, workspaceId: string, skus: string[]): Promise<Map<string, string>> {
  if (skus.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ sku: string; productType: string }[]>`
    SELECT DISTINCT ON (sku) sku, "productType" FROM "OrderItem"
    WHERE "workspaceId" = ${workspaceId}::uuid AND sku = ANY(${skus}::text[]) AND "productType" IS NOT NULL
    ORDER BY sku, id DESC`;
  return new Map(rows.map((r) => [r.sku, r.productType]));
}

export async function insertOrder(tx: Tx, data: Prisma.OrderUncheckedCreateInput): Promise<{ id: string }> {
  return tx.order.create({ data, select: { id: true } });
}

export async function updateOrder(tx: Tx, id: string, data: Prisma.OrderUncheckedUpdateInput): Promise<void> {
  await tx.order.update({ where: { id }, data, select: { id: true } });
}

/** Replaces the order's line items in two statements; rows keep their ids where the platform id matches. */
export async function replaceItems(tx: Tx, orderId: string, rows: Prisma.OrderItemCreateManyInput[]): Promise<void> {
  await tx.orderItem.deleteMany({ where: { orderId } });
  if (rows.length) await tx.orderItem.createMany({ data: rows });
}

/** Replaces the order's fulfilments in two statements; rows keep their ids and createdAt where the platform id matches. */
export async function replaceFulfillments(tx: Tx, orderId: string, rows: Prisma.FulfillmentCreateManyInput[]): Promise<void> {
  await tx.fulfillment.deleteMany({ where: { orderId } });
  if (rows.length) await tx.fulfillment.createMany({ data: rows });
}

export async function insertOrderEvents(tx: Tx, rows: Prisma.OrderEventCreateManyInput[]): Promise<void> {
  if (rows.length) await tx.orderEvent.createMany({ data: rows });
}

export async function markCustomerVip(tx: Tx, workspaceId: string, customerId: string): Promise<boolean> {
  const { count } = await tx.customer.updateMany({ where: { id: customerId, workspaceId, vip: false }, data: { vip: true } });
  return count > 0;
}
