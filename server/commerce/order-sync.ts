import type { Prisma } from "../db/generated/client";
import type { DomainEventPayload } from "../events/types";
import { AppError } from "../lib/errors";
import { normalizeEmail } from "../customers/identity-keys";
import { resolveCustomerByContact } from "../customers/resolve-customer";
import type { FulfillmentStatusValue, NormalisedFulfillment, NormalisedOrder } from "./commerce.schemas";
import {
  fromStoredFulfillment,
  fulfillmentRowsToWrite,
  itemRowsFrom,
  itemRowsToWrite,
  mergeFulfillmentList,
  mergeOneFulfillment,
  sameFulfillments,
  sameItems,
  type FulfillmentRow,
  type ItemRow,
} from "./order-lines";
import { isStale, orderTransitions, rollUpFulfillmentStatus, type OrderEventKindValue, type OrderTransitionState } from "./order-state";
import {
  findSyncedOrder,
  insertOrder,
  insertOrderEvents,
  lockOrderKey,
  orderNumberTaken,
  productTypesBySku,
  replaceFulfillments,
  replaceItems,
  updateOrder,
  type SyncedOrder,
  type Tx,
} from "./order-sync.repository";

/** Which integration the data came through (orders are unique per integration + platform id). */
export type SyncContext = { workspaceId: string; integrationId: string; now?: Date };
export type Emit = (event: DomainEventPayload) => void;

export type SyncOrderResult = {
  /** stale: an older version than the one stored (by the platform's updated_at), not applied */
  status: "created" | "updated" | "unchanged" | "stale";
  orderId: string;
  customerId: string | null;
  events: OrderEventKindValue[];
};

const NOT_SHIPPED: ReadonlySet<FulfillmentStatusValue> = new Set(["UNFULFILLED", "BACKORDERED"]);

/** The scalar columns of an order, as stored and as about to be stored (compared to skip no-op writes). */
type OrderScalars = Omit<SyncedOrder, "id" | "items" | "fulfillments" | "shippingAddress"> & {
  shippingAddress: Prisma.InputJsonValue | null;
};

/**
 * Stores one normalised order for an integration, inside the caller's transaction: the order upserted on
 * (integrationId, externalId), its line items and fulfilments replaced (row ids kept by platform id), the customer
 * matched by email then phone (created when nobody matches), and timeline events appended only for real transitions
 * (so a replayed or repeated delivery adds nothing). Serialised per order by an advisory lock. A fixed number of
 * statements, whatever the number of items.
 */
export async function syncOrderInTx(tx: Tx, ctx: SyncContext, input: NormalisedOrder, emit: Emit): Promise<SyncOrderResult> {
  const now = ctx.now ?? new Date();
  await lockOrderKey(tx, ctx.integrationId, input.externalId);
  const existing = await findSyncedOrder(tx, ctx.integrationId, input.externalId);
  if (existing && isStale(existing.sourceUpdatedAt, input.updatedAt)) {
    return { status: "stale", orderId: existing.id, customerId: existing.customerId, events: [] };
  }
  // an order keeps the customer it has (an agent may have moved it, a merge re-pointed it)
  const customerId =
    existing?.customerId ??
    (await resolveCustomerByContact(tx, ctx.workspaceId, { email: input.email, phone: input.phone, name: input.customerName }))?.id ??
    null;
  const storedFulfillments = existing?.fulfillments.map(fromStoredFulfillment) ?? [];
  const fulfillments = input.fulfillments ? mergeFulfillmentList(storedFulfillments, input.fulfillments) : storedFulfillments;
  let items: ItemRow[] | null = null;
  if (input.items) {
    const untyped = [...new Set(input.items.filter((i) => !i.productType && i.sku).map((i) => i.sku as string))];
    items = itemRowsFrom(input.items, existing?.items ?? [], await productTypesBySku(tx, ctx.workspaceId, untyped));
  }
  const explicit = input.fulfillmentStatus;
  const fulfillmentStatus =
    explicit && !NOT_SHIPPED.has(explicit) ? explicit : rollUpFulfillmentStatus(input.status, fulfillments, explicit ?? "UNFULFILLED");
  const scalars: OrderScalars = {
    customerId,
    number: input.number,
    status: input.status,
    financialStatus: input.financialStatus,
    fulfillmentStatus,
    currency: input.currency,
    subtotalCents: input.subtotalCents,
    shippingCents: input.shippingCents,
    taxCents: input.taxCents,
    totalCents: input.totalCents,
    email: normalizeEmail(input.email) ?? input.email,
    phone: input.phone,
    shippingAddress: input.shippingAddress,
    placedAt: input.placedAt,
    cancelledAt: input.status === "CANCELLED" ? (input.cancelledAt ?? existing?.cancelledAt ?? now) : input.cancelledAt,
    sourceUpdatedAt: input.updatedAt ?? existing?.sourceUpdatedAt ?? null,
  };
  return persist(tx, ctx, existing, { externalId: input.externalId, scalars, items, fulfillments }, emit, now);
}

/**
 * One fulfilment (Shopify fulfillments/create|update) upserted into its order's list, the order's fulfilment status
 * rolled up again. The order must be known: a fulfilment that overtook its order fails with CONFLICT, and the
 * platform's retry delivers it once the order is in.
 */
export async function syncFulfillmentInTx(
  tx: Tx,
  ctx: SyncContext,
  orderExternalId: string,
  input: NormalisedFulfillment,
  emit: Emit,
): Promise<SyncOrderResult> {
  const now = ctx.now ?? new Date();
  await lockOrderKey(tx, ctx.integrationId, orderExternalId);
  const existing = await findSyncedOrder(tx, ctx.integrationId, orderExternalId);
  if (!existing) throw new AppError("CONFLICT", `Order ${orderExternalId} has not been received yet; deliver the fulfilment again later`);
  const fulfillments = mergeOneFulfillment(existing.fulfillments.map(fromStoredFulfillment), input);
  const whenNone = NOT_SHIPPED.has(existing.fulfillmentStatus) ? existing.fulfillmentStatus : "UNFULFILLED";
  const { id: _id, items: _items, fulfillments: _f, shippingAddress, ...rest } = existing;
  const scalars: OrderScalars = {
    ...rest,
    shippingAddress: shippingAddress,
    fulfillmentStatus: rollUpFulfillmentStatus(existing.status, fulfillments, whenNone),
  };
  return persist(tx, ctx, existing, { externalId: orderExternalId, scalars, items: null, fulfillments }, emit, now);
}

type NextState = { externalId: string; scalars: OrderScalars; items: ItemRow[] | null; fulfillments: FulfillmentRow[] };

function transitionState(s: OrderScalars, fulfillments: FulfillmentRow[]): OrderTransitionState {
  return { ...s, fulfillments };
}

/** Key order does not matter (jsonb stores object keys in its own order); dates compare by instant. */
function canonical(v: unknown): unknown {
  if (v instanceof Date) return v.getTime();
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.entries(v)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, x]) => [k, canonical(x)]),
    );
  }
  return v ?? null;
}
const sameScalars = (a: Record<string, unknown>, b: OrderScalars) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

async function persist(
  tx: Tx,
  ctx: SyncContext,
  existing: SyncedOrder | null,
  next: NextState,
  emit: Emit,
  now: Date,
): Promise<SyncOrderResult> {
  const { scalars } = next;
  const { workspaceId } = ctx;
  if (scalars.number !== existing?.number && (await orderNumberTaken(tx, workspaceId, scalars.number, existing?.id ?? null))) {
    throw new AppError("CONFLICT", `Order number ${scalars.number} is already used by another order in this workspace`);
  }
  let orderId: string;
  let status: SyncOrderResult["status"];
  let before: OrderTransitionState | null = null;
  const shippingAddress = scalars.shippingAddress ?? undefined;
  if (!existing) {
    const row = await insertOrder(tx, {
      ...scalars,
      shippingAddress,
      workspaceId,
      integrationId: ctx.integrationId,
      externalId: next.externalId,
      items: next.items
        ? { createMany: { data: itemRowsToWrite(workspaceId, "", next.items).map(({ orderId: _o, ...i }) => i) } }
        : undefined,
      fulfillments: next.fulfillments.length
        ? { createMany: { data: fulfillmentRowsToWrite(workspaceId, "", next.fulfillments).map(({ orderId: _o, ...f }) => f) } }
        : undefined,
    });
    orderId = row.id;
    status = "created";
  } else {
    orderId = existing.id;
    const { id: _id, items: storedItems, fulfillments: storedFulfillments, ...storedScalars } = existing;
    before = transitionState(storedScalars, storedFulfillments.map(fromStoredFulfillment));
    const scalarsChanged = !sameScalars(storedScalars, scalars);
    const itemsChanged = next.items !== null && !sameItems(storedItems, next.items);
    const fulfillmentsChanged = !sameFulfillments(storedFulfillments.map(fromStoredFulfillment), next.fulfillments);
    if (scalarsChanged) await updateOrder(tx, orderId, { ...scalars, shippingAddress: scalars.shippingAddress ?? undefined });
    if (itemsChanged && next.items) await replaceItems(tx, orderId, itemRowsToWrite(workspaceId, orderId, next.items));
    if (fulfillmentsChanged) await replaceFulfillments(tx, orderId, fulfillmentRowsToWrite(workspaceId, orderId, next.fulfillments));
    status = scalarsChanged || itemsChanged || fulfillmentsChanged ? "updated" : "unchanged";
  }
  const drafts = orderTransitions(before, transitionState(scalars, next.fulfillments), now);
  await insertOrderEvents(
    tx,
    drafts.map((d) => ({ workspaceId, orderId, kind: d.kind, occurredAt: d.occurredAt, data: d.data })),
  );
  if (status !== "unchanged" && scalars.customerId) {
    emit({ type: "customer.updated", customerId: scalars.customerId, conversationId: null, teamId: null, changes: ["orders"] });
  }
  return { status, orderId, customerId: scalars.customerId, events: drafts.map((d) => d.kind) };
}
