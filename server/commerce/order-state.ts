import type { FulfillmentStatusValue } from "./commerce.schemas";

/**
 * Pure rules of the order sync: the state an order is in, how fulfilments roll up into the order's status, and which
 * timeline events a change is worth. Kept free of the database so they are unit-tested exhaustively.
 */
export type OrderEventKindValue = "PLACED" | "PAID" | "SHIPPED" | "DELAYED" | "OUT_FOR_DELIVERY" | "DELIVERED" | "CANCELLED";
type Json = string | number | boolean | null;

export type FulfillmentState = {
  externalId: string;
  status: FulfillmentStatusValue;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  shippedAt: Date | null;
  eta: Date | null;
  delayed: boolean;
  delayReason: string | null;
  deliveredAt: Date | null;
  sourceUpdatedAt: Date | null;
};

export type OrderTransitionState = {
  status: "OPEN" | "CLOSED" | "CANCELLED";
  financialStatus: string;
  placedAt: Date;
  cancelledAt: Date | null;
  totalCents: number;
  currency: string;
  /** the platform's time of this version: when a change happened, if the data has no better time */
  sourceUpdatedAt?: Date | null;
  fulfillments: FulfillmentState[];
};

export type EventDraft = { kind: OrderEventKindValue; occurredAt: Date; data: Record<string, Json> };

const PROGRESS: FulfillmentStatusValue[] = ["LABEL_CREATED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"];
const SHIPPED: ReadonlySet<FulfillmentStatusValue> = new Set(["IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED", "RETURNED"]);
const PAID_OR_LATER: ReadonlySet<string> = new Set(["PAID", "PARTIALLY_REFUNDED", "REFUNDED"]);

/**
 * The order's fulfilment status from its fulfilments: a cancelled order is CANCELLED; an exception anywhere needs
 * attention first; otherwise the least advanced live parcel (one delivered, one in transit = in transit).
 * `whenNone` applies while nothing has shipped (UNFULFILLED, or BACKORDERED when the platform says so).
 */
export function rollUpFulfillmentStatus(
  orderStatus: OrderTransitionState["status"],
  fulfillments: Pick<FulfillmentState, "status">[],
  whenNone: FulfillmentStatusValue,
): FulfillmentStatusValue {
  if (orderStatus === "CANCELLED") return "CANCELLED";
  const live = fulfillments.filter((f) => f.status !== "CANCELLED");
  if (live.some((f) => f.status === "EXCEPTION")) return "EXCEPTION";
  if (live.length > 0 && live.every((f) => f.status === "RETURNED")) return "RETURNED";
  const ranks = live.map((f) => PROGRESS.indexOf(f.status)).filter((r) => r >= 0);
  if (ranks.length === 0) return live.some((f) => f.status === "BACKORDERED") ? "BACKORDERED" : whenNone;
  return PROGRESS[Math.min(...ranks)] ?? whenNone;
}

/** A carrier exception is always a delay, whatever the sender put in `delayed`. */
export function isDelayed(f: Pick<FulfillmentState, "status" | "delayed">): boolean {
  return f.delayed || f.status === "EXCEPTION";
}

function hasShipped(f: Pick<FulfillmentState, "status" | "shippedAt">): boolean {
  return SHIPPED.has(f.status) || (f.shippedAt !== null && f.status !== "CANCELLED" && f.status !== "UNFULFILLED");
}

/**
 * Timeline events for a change from `before` (null: the order is new) to `after`. Only real transitions count, so
 * applying the same version twice (a replayed webhook, a repeated API call) adds nothing. Times come from the data
 * where it has them (placed, shipped, delivered, cancelled, else the platform's updated_at of the record), else `now`.
 */
export function orderTransitions(before: OrderTransitionState | null, after: OrderTransitionState, now: Date): EventDraft[] {
  const out: EventDraft[] = [];
  if (!before) out.push({ kind: "PLACED", occurredAt: after.placedAt, data: { totalCents: after.totalCents, currency: after.currency } });
  if (after.financialStatus === "PAID" && !(before && PAID_OR_LATER.has(before.financialStatus))) {
    out.push({ kind: "PAID", occurredAt: before ? (after.sourceUpdatedAt ?? now) : after.placedAt, data: {} });
  }
  for (const f of after.fulfillments) {
    const prev = before?.fulfillments.find((p) => p.externalId === f.externalId) ?? null;
    const parcel = { fulfillmentId: f.externalId, carrier: f.carrier };
    const changedAt = f.sourceUpdatedAt ?? now;
    if (hasShipped(f) && !(prev && hasShipped(prev))) {
      out.push({
        kind: "SHIPPED",
        occurredAt: f.shippedAt ?? now,
        data: { ...parcel, trackingNumber: f.trackingNumber, trackingUrl: f.trackingUrl },
      });
    }
    if (isDelayed(f) && !(prev && isDelayed(prev)))
      out.push({ kind: "DELAYED", occurredAt: changedAt, data: { ...parcel, reason: f.delayReason } });
    if (f.status === "OUT_FOR_DELIVERY" && prev?.status !== "OUT_FOR_DELIVERY") {
      out.push({ kind: "OUT_FOR_DELIVERY", occurredAt: changedAt, data: parcel });
    }
    if (f.status === "DELIVERED" && prev?.status !== "DELIVERED") {
      out.push({ kind: "DELIVERED", occurredAt: f.deliveredAt ?? changedAt, data: parcel });
    }
  }
  if (after.status === "CANCELLED" && before?.status !== "CANCELLED") {
    out.push({ kind: "CANCELLED", occurredAt: after.cancelledAt ?? after.sourceUpdatedAt ?? now, data: {} });
  }
  // a stable order for the timeline: by time, then by lifecycle (a parcel shipped and delivered in one update)
  const rank = (k: OrderEventKindValue) =>
    ["PLACED", "PAID", "SHIPPED", "DELAYED", "OUT_FOR_DELIVERY", "DELIVERED", "CANCELLED"].indexOf(k);
  return out.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || rank(a.kind) - rank(b.kind));
}

/** An older version of a record (by the platform's own updated_at) must not overwrite a newer one. */
export function isStale(stored: Date | null, incoming: Date | null): boolean {
  return stored !== null && incoming !== null && incoming.getTime() < stored.getTime();
}
