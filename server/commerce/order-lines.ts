import type { Prisma } from "../db/generated/client";
import type { NormalisedFulfillment, NormalisedItem } from "./commerce.schemas";
import { isDelayed, isStale, type FulfillmentState } from "./order-state";
import type { StoredFulfillment, StoredItem } from "./order-sync.repository";

/**
 * Line items and fulfilments of a synced order: merging what the platform sends into what is stored (keeping row
 * ids), and telling whether anything changed, so an unchanged delivery writes nothing.
 */
export type FulfillmentRow = FulfillmentState & {
  id: string | null;
  createdAt: Date | null;
  /** a fulfilment that did not come from this platform (no externalId): kept as it is */
  local: boolean;
};

export function fromStoredFulfillment(f: StoredFulfillment): FulfillmentRow {
  return {
    id: f.id,
    createdAt: f.createdAt,
    local: f.externalId === null,
    externalId: f.externalId ?? f.id,
    status: f.status,
    carrier: f.carrier,
    trackingNumber: f.trackingNumber,
    trackingUrl: f.trackingUrl,
    shippedAt: f.shippedAt,
    eta: f.eta,
    delayed: f.delayed,
    delayReason: f.delayReason,
    deliveredAt: f.deliveredAt,
    sourceUpdatedAt: f.sourceUpdatedAt,
  };
}

function fromInput(f: NormalisedFulfillment, prev: FulfillmentRow | null): FulfillmentRow {
  const delayed = isDelayed(f);
  return {
    id: prev?.id ?? null,
    createdAt: prev?.createdAt ?? null,
    local: false,
    externalId: f.externalId,
    status: f.status,
    carrier: f.carrier,
    trackingNumber: f.trackingNumber,
    trackingUrl: f.trackingUrl,
    shippedAt: f.shippedAt,
    eta: f.eta,
    delayed,
    delayReason: delayed ? (f.delayReason ?? prev?.delayReason ?? null) : null,
    deliveredAt: f.deliveredAt,
    sourceUpdatedAt: f.updatedAt ?? prev?.sourceUpdatedAt ?? null,
  };
}

/** The platform's whole list for the order: matched by externalId; a stale version keeps the stored row. */
export function mergeFulfillmentList(stored: FulfillmentRow[], incoming: NormalisedFulfillment[]): FulfillmentRow[] {
  const byId = new Map(stored.filter((s) => !s.local).map((s) => [s.externalId, s]));
  const merged = incoming.map((f) => {
    const prev = byId.get(f.externalId) ?? null;
    return prev && isStale(prev.sourceUpdatedAt, f.updatedAt) ? prev : fromInput(f, prev);
  });
  return [...stored.filter((s) => s.local), ...merged];
}

/** One fulfilment (fulfillments/create|update): upserted into the stored list, the others untouched. */
export function mergeOneFulfillment(stored: FulfillmentRow[], incoming: NormalisedFulfillment): FulfillmentRow[] {
  const index = stored.findIndex((s) => !s.local && s.externalId === incoming.externalId);
  const prev = index >= 0 ? stored[index] : undefined;
  if (!prev) return [...stored, fromInput(incoming, null)];
  if (isStale(prev.sourceUpdatedAt, incoming.updatedAt)) return stored;
  return stored.map((s, i) => (i === index ? fromInput(incoming, prev) : s));
}

const t = (d: Date | null) => d?.getTime() ?? null;
const fulfillmentKey = (f: FulfillmentRow) =>
  JSON.stringify([
    f.externalId,
    f.status,
    f.carrier,
    f.trackingNumber,
    f.trackingUrl,
    t(f.shippedAt),
    t(f.eta),
    f.delayed,
    f.delayReason,
    t(f.deliveredAt),
    t(f.sourceUpdatedAt),
  ]);

function sameMultiset(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((v, i) => v === y[i]);
}

export function sameFulfillments(a: FulfillmentRow[], b: FulfillmentRow[]): boolean {
  return sameMultiset(a.map(fulfillmentKey), b.map(fulfillmentKey));
}

export function fulfillmentRowsToWrite(workspaceId: string, orderId: string, rows: FulfillmentRow[]): Prisma.FulfillmentCreateManyInput[] {
  return rows.map((f) => ({
    ...(f.id ? { id: f.id } : {}),
    ...(f.createdAt ? { createdAt: f.createdAt } : {}),
    workspaceId,
    orderId,
    externalId: f.local ? null : f.externalId,
    status: f.status,
    carrier: f.carrier,
    trackingNumber: f.trackingNumber,
    trackingUrl: f.trackingUrl,
    shippedAt: f.shippedAt,
    eta: f.eta,
    delayed: f.delayed,
    delayReason: f.delayReason,
    deliveredAt: f.deliveredAt,
    sourceUpdatedAt: f.sourceUpdatedAt,
  }));
}

export type ItemRow = Omit<StoredItem, "id"> & { id: string | null };

/** The new line items, reusing stored row ids by platform id; a missing product type comes from the SKU's last one. */
export function itemRowsFrom(input: NormalisedItem[], stored: StoredItem[], typesBySku: Map<string, string>): ItemRow[] {
  const free = new Map(stored.filter((s) => s.externalId).map((s) => [s.externalId, s.id]));
  return input.map((i) => {
    const id = i.externalId ? (free.get(i.externalId) ?? null) : null;
    if (i.externalId) free.delete(i.externalId);
    return {
      id,
      externalId: i.externalId,
      sku: i.sku,
      productName: i.productName,
      variant: i.variant,
      productType: i.productType ?? (i.sku ? (typesBySku.get(i.sku) ?? null) : null),
      quantity: i.quantity,
      priceCents: i.priceCents,
      imageUrl: i.imageUrl,
    };
  });
}

const itemKey = (i: Omit<ItemRow, "id">) =>
  JSON.stringify([i.externalId, i.sku, i.productName, i.variant, i.productType, i.quantity, i.priceCents, i.imageUrl]);

export function sameItems(stored: StoredItem[], next: ItemRow[]): boolean {
  return sameMultiset(stored.map(itemKey), next.map(itemKey));
}

export function itemRowsToWrite(workspaceId: string, orderId: string, rows: ItemRow[]): Prisma.OrderItemCreateManyInput[] {
  return rows.map(({ id, ...i }) => ({ ...(id ? { id } : {}), ...i, workspaceId, orderId }));
}
