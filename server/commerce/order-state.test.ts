import { describe, expect, it } from "vitest";
import { isStale, orderTransitions, rollUpFulfillmentStatus, type FulfillmentState, type OrderTransitionState } from "./order-state";

const NOW = new Date("2025-12-05T12:00:00Z");
const PLACED = new Date("2025-11-28T14:00:00Z");

function parcel(p: Partial<FulfillmentState> = {}): FulfillmentState {
  return {
    externalId: "f1",
    status: "LABEL_CREATED",
    carrier: "UPS",
    trackingNumber: "1Z",
    trackingUrl: null,
    shippedAt: null,
    eta: null,
    delayed: false,
    delayReason: null,
    deliveredAt: null,
    sourceUpdatedAt: null,
    ...p,
  };
}

function order(p: Partial<OrderTransitionState> = {}): OrderTransitionState {
  return {
    status: "OPEN",
    financialStatus: "PENDING",
    placedAt: PLACED,
    cancelledAt: null,
    totalCents: 1000,
    currency: "USD",
    fulfillments: [],
    ...p,
  };
}

const kinds = (before: OrderTransitionState | null, after: OrderTransitionState) => orderTransitions(before, after, NOW).map((e) => e.kind);

describe("orderTransitions", () => {
  it("a new paid order is PLACED then PAID, at its placed time", () => {
    const events = orderTransitions(null, order({ financialStatus: "PAID" }), NOW);
    expect(events.map((e) => [e.kind, e.occurredAt.toISOString()])).toEqual([
      ["PLACED", PLACED.toISOString()],
      ["PAID", PLACED.toISOString()],
    ]);
  });

  it("the same state again adds nothing (a replayed or repeated update)", () => {
    const s = order({
      financialStatus: "PAID",
      fulfillments: [parcel({ status: "IN_TRANSIT", shippedAt: PLACED, delayed: true, delayReason: "late" })],
    });
    expect(kinds(s, structuredClone(s))).toEqual([]);
  });

  it("payment arriving later is PAID once; a refund after payment is not PAID again", () => {
    const pending = order();
    const paid = order({ financialStatus: "PAID" });
    expect(kinds(pending, paid)).toEqual(["PAID"]);
    expect(kinds(paid, order({ financialStatus: "REFUNDED" }))).toEqual([]);
    expect(kinds(order({ financialStatus: "REFUNDED" }), paid)).toEqual([]);
  });

  it("a parcel's life: SHIPPED (with tracking), DELAYED once, OUT_FOR_DELIVERY, DELIVERED", () => {
    const shipped = parcel({ status: "IN_TRANSIT", shippedAt: new Date("2025-11-29T10:00:00Z") });
    const s0 = order();
    const s1 = order({ fulfillments: [shipped] });
    const events = orderTransitions(s0, s1, NOW);
    expect(events).toEqual([
      {
        kind: "SHIPPED",
        occurredAt: shipped.shippedAt,
        data: { fulfillmentId: "f1", carrier: "UPS", trackingNumber: "1Z", trackingUrl: null },
      },
    ]);
    const s2 = order({ fulfillments: [{ ...shipped, delayed: true, delayReason: "Weather" }] });
    expect(orderTransitions(s1, s2, NOW)).toEqual([
      { kind: "DELAYED", occurredAt: NOW, data: { fulfillmentId: "f1", carrier: "UPS", reason: "Weather" } },
    ]);
    // the platform's time of the change, when it gives one
    const reportedAt = new Date("2025-12-03T21:40:10Z");
    const s2b = order({ fulfillments: [{ ...shipped, delayed: true, delayReason: "Weather", sourceUpdatedAt: reportedAt }] });
    expect(orderTransitions(s1, s2b, NOW)[0]?.occurredAt).toEqual(reportedAt);
    // still delayed, now an exception: no second DELAYED
    const s3 = order({ fulfillments: [{ ...shipped, status: "EXCEPTION", delayed: true }] });
    expect(kinds(s2, s3)).toEqual([]);
    const s4 = order({ fulfillments: [{ ...shipped, status: "OUT_FOR_DELIVERY" }] });
    expect(kinds(s3, s4)).toEqual(["OUT_FOR_DELIVERY"]);
    const delivered = new Date("2025-12-04T15:00:00Z");
    const s5 = order({ fulfillments: [{ ...shipped, status: "DELIVERED", deliveredAt: delivered }] });
    expect(orderTransitions(s4, s5, NOW)).toEqual([
      { kind: "DELIVERED", occurredAt: delivered, data: { fulfillmentId: "f1", carrier: "UPS" } },
    ]);
  });

  it("a parcel first seen delivered is SHIPPED and DELIVERED; a label alone is nothing yet", () => {
    expect(kinds(order(), order({ fulfillments: [parcel({ status: "DELIVERED" })] }))).toEqual(["SHIPPED", "DELIVERED"]);
    expect(kinds(order(), order({ fulfillments: [parcel({ status: "LABEL_CREATED" })] }))).toEqual([]);
  });

  it("an exception counts as a delay even when the sender did not set delayed", () => {
    expect(kinds(order(), order({ fulfillments: [parcel({ status: "EXCEPTION", shippedAt: PLACED })] }))).toEqual(["SHIPPED", "DELAYED"]);
  });

  it("cancelling is CANCELLED once, at the platform's time", () => {
    const cancelledAt = new Date("2025-11-30T13:05:12Z");
    const events = orderTransitions(order(), order({ status: "CANCELLED", cancelledAt }), NOW);
    expect(events).toEqual([{ kind: "CANCELLED", occurredAt: cancelledAt, data: {} }]);
    expect(kinds(order({ status: "CANCELLED", cancelledAt }), order({ status: "CANCELLED", cancelledAt }))).toEqual([]);
  });
});

describe("rollUpFulfillmentStatus", () => {
  const s = (...statuses: FulfillmentState["status"][]) => statuses.map((status) => ({ status }));
  it("follows the least advanced live parcel; exceptions first; cancelled parcels do not count", () => {
    expect(rollUpFulfillmentStatus("OPEN", s("DELIVERED", "IN_TRANSIT"), "UNFULFILLED")).toBe("IN_TRANSIT");
    expect(rollUpFulfillmentStatus("OPEN", s("DELIVERED", "EXCEPTION"), "UNFULFILLED")).toBe("EXCEPTION");
    expect(rollUpFulfillmentStatus("OPEN", s("DELIVERED", "CANCELLED"), "UNFULFILLED")).toBe("DELIVERED");
    expect(rollUpFulfillmentStatus("OPEN", s("RETURNED", "RETURNED"), "UNFULFILLED")).toBe("RETURNED");
  });
  it("nothing shipped: the platform's hint (backordered) or unfulfilled; a cancelled order is cancelled", () => {
    expect(rollUpFulfillmentStatus("OPEN", [], "BACKORDERED")).toBe("BACKORDERED");
    expect(rollUpFulfillmentStatus("OPEN", s("CANCELLED"), "UNFULFILLED")).toBe("UNFULFILLED");
    expect(rollUpFulfillmentStatus("OPEN", s("BACKORDERED"), "UNFULFILLED")).toBe("BACKORDERED");
    expect(rollUpFulfillmentStatus("CANCELLED", s("IN_TRANSIT"), "UNFULFILLED")).toBe("CANCELLED");
  });
});

describe("isStale", () => {
  it("only an older platform timestamp is stale", () => {
    const a = new Date("2025-12-01T00:00:00Z");
    const b = new Date("2025-12-02T00:00:00Z");
    expect(isStale(b, a)).toBe(true);
    expect(isStale(a, b)).toBe(false);
    expect(isStale(a, a)).toBe(false);
    expect(isStale(null, a)).toBe(false);
    expect(isStale(a, null)).toBe(false);
  });
});
