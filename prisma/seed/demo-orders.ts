// Demo orders for the holiday season: line items, fulfilments with carrier tracking, and order timelines.
import type { FulfillmentStatus, Prisma } from "../../server/db/generated/client";
import { CARRIERS, DELAY_REASONS, PRODUCTS, type Carrier, type Product } from "./catalog";
import type { DemoCustomer } from "./demo-customers";
import type { Rng } from "./random";

const MINUTE_MS = 60_000;
const HOUR = 60;
const DAY = 24 * HOUR;

export type OrderState =
  "UNFULFILLED" | "LABEL_CREATED" | "IN_TRANSIT" | "OUT_FOR_DELIVERY" | "DELIVERED" | "DELAYED" | "BACKORDERED" | "CANCELLED" | "RETURNED";

const STATE_WEIGHTS: readonly (readonly [OrderState, number])[] = [
  ["DELIVERED", 47],
  ["IN_TRANSIT", 14],
  ["OUT_FOR_DELIVERY", 4],
  ["LABEL_CREATED", 7],
  ["UNFULFILLED", 3],
  ["DELAYED", 12],
  ["BACKORDERED", 5],
  ["CANCELLED", 2],
  ["RETURNED", 3],
];

/** How long ago (minutes) an order in each state was placed. */
const PLACED_AGO: Record<OrderState, readonly [number, number]> = {
  UNFULFILLED: [20, 16 * HOUR],
  LABEL_CREATED: [8 * HOUR, 3 * DAY],
  IN_TRANSIT: [36 * HOUR, 7 * DAY],
  OUT_FOR_DELIVERY: [2 * DAY, 7 * DAY],
  DELIVERED: [4 * DAY, 60 * DAY],
  DELAYED: [6 * DAY, 30 * DAY],
  BACKORDERED: [2 * DAY, 25 * DAY],
  CANCELLED: [1 * DAY, 55 * DAY],
  RETURNED: [18 * DAY, 60 * DAY],
};

const PHYSICAL_PRODUCTS = PRODUCTS.filter((p) => p.productType !== "Gift Card");

const TAX_RATES: Record<string, number> = { NY: 0.08875, CA: 0.0725, TX: 0.0825, WA: 0.065, OR: 0, IL: 0.0625, MA: 0.0625, PA: 0.06 };

export type OrderLine = { product: Product; variant: string | null; quantity: number };

/** All times are minutes before now (negative = in the future), so every run makes the same choices. */
export type DemoOrder = {
  id: string;
  number: string;
  customer: DemoCustomer;
  state: OrderState;
  placedAgo: number;
  lines: OrderLine[];
  carrier: Carrier | null;
  tracking: string | null;
  trackingUrl: string | null;
  /** label printed (LABEL_CREATED) or handed to the carrier */
  labelAgo: number | null;
  shippedAgo: number | null;
  etaAgo: number | null;
  deliveredAgo: number | null;
  delayedAgo: number | null;
  delayReason: string | null;
  cancelledAgo: number | null;
  returnRequestedAgo: number | null;
};

export type OrderRows = {
  orders: DemoOrder[];
  orderRows: Prisma.OrderCreateManyInput[];
  items: Prisma.OrderItemCreateManyInput[];
  fulfillments: Prisma.FulfillmentCreateManyInput[];
  events: Prisma.OrderEventCreateManyInput[];
};

function fulfillmentStatusOf(o: DemoOrder, exception: boolean): FulfillmentStatus {
  switch (o.state) {
    case "DELAYED":
      return exception ? "EXCEPTION" : "IN_TRANSIT";
    default:
      return o.state;
  }
}

function planOrder(rng: Rng, customer: DemoCustomer, id: string): DemoOrder {
  const state = rng.weighted(STATE_WEIGHTS);
  const [minAgo, maxAgo] = PLACED_AGO[state];
  const placedAgo = rng.int(minAgo, maxAgo);
  const lineCount = rng.weighted([
    [1, 50],
    [2, 35],
    [3, 15],
  ] as const);
  const picked = rng.sample(PRODUCTS, lineCount);
  // every order has at least one physical item (gift cards alone would not ship)
  if (picked.every((p) => p.productType === "Gift Card")) picked[0] = rng.pick(PHYSICAL_PRODUCTS);
  const lines = picked.map((product) => ({
    product,
    variant: product.variants ? rng.pick(product.variants) : null,
    quantity: rng.weighted([
      [1, 85],
      [2, 12],
      [3, 3],
    ] as const),
  }));
  const o: DemoOrder = {
    id,
    number: "",
    customer,
    state,
    placedAgo,
    lines,
    carrier: null,
    tracking: null,
    trackingUrl: null,
    labelAgo: null,
    shippedAgo: null,
    etaAgo: null,
    deliveredAgo: null,
    delayedAgo: null,
    delayReason: null,
    cancelledAgo: null,
    returnRequestedAgo: null,
  };
  if (state === "UNFULFILLED") return o;
  if (state === "CANCELLED") {
    o.cancelledAgo = placedAgo - rng.int(10, Math.min(placedAgo - 5, DAY));
    return o;
  }
  if (state === "BACKORDERED") {
    o.etaAgo = -rng.int(5 * DAY, 14 * DAY); // expected restock
    return o;
  }
  const carrier = rng.weighted(CARRIERS.map((c) => [c, c.weight] as const));
  o.carrier = carrier;
  o.tracking = carrier.trackingNumber(rng);
  o.trackingUrl = carrier.trackingUrl(o.tracking);
  const transit = rng.int(carrier.transitDays[0] * DAY, carrier.transitDays[1] * DAY);
  if (state === "LABEL_CREATED") {
    o.labelAgo = placedAgo - rng.int(2 * HOUR, Math.min(placedAgo * 0.8, 2 * DAY));
    o.etaAgo = o.labelAgo - transit - DAY;
    return o;
  }
  o.shippedAgo = placedAgo - rng.int(4 * HOUR, Math.min(placedAgo / 2, 2 * DAY));
  o.labelAgo = o.shippedAgo + rng.int(30, 6 * HOUR);
  switch (state) {
    case "IN_TRANSIT":
      o.etaAgo = -rng.int(12 * HOUR, 3 * DAY);
      break;
    case "OUT_FOR_DELIVERY":
      o.etaAgo = -rng.int(1 * HOUR, 8 * HOUR);
      break;
    case "DELIVERED":
    case "RETURNED":
      // delivered at least an hour ago: shorten the transit for recently shipped parcels
      o.deliveredAgo = o.shippedAgo - Math.min(transit, o.shippedAgo - rng.int(HOUR, Math.max(HOUR + 1, o.shippedAgo / 3)));
      o.etaAgo = o.deliveredAgo - rng.int(0, DAY);
      if (state === "RETURNED")
        o.returnRequestedAgo = o.deliveredAgo - rng.int(DAY, Math.max(DAY + 1, Math.min(12 * DAY, o.deliveredAgo - DAY)));
      break;
    case "DELAYED": {
      const delay = rng.pick(DELAY_REASONS);
      o.delayReason = delay.reason;
      o.etaAgo = rng.int(6 * HOUR, Math.min(2 * DAY, o.shippedAgo - DAY));
      o.delayedAgo = Math.max(30, Math.min(o.shippedAgo - 2 * HOUR, o.etaAgo + rng.int(-12 * HOUR, 12 * HOUR)));
      break;
    }
  }
  return o;
}

export function buildOrders(
  rng: Rng,
  opts: { workspaceId: string; integrationId: string; customers: readonly DemoCustomer[]; now: Date },
): OrderRows {
  const { workspaceId, now } = opts;
  const at = (minutesAgo: number) => new Date(now.getTime() - Math.round(minutesAgo * MINUTE_MS));
  const orders: DemoOrder[] = [];
  for (const customer of opts.customers) {
    const n = rng.weighted([
      [1, 25],
      [2, 35],
      [3, 22],
      [4, 18],
    ] as const);
    for (let i = 0; i < n; i++) orders.push(planOrder(rng, customer, rng.uuid()));
  }
  // numbers ascend with placedAt (the sort is stable, so ties keep generation order)
  orders.sort((a, b) => b.placedAgo - a.placedAgo);

  const orderRows: Prisma.OrderCreateManyInput[] = [];
  const items: Prisma.OrderItemCreateManyInput[] = [];
  const fulfillments: Prisma.FulfillmentCreateManyInput[] = [];
  const events: Prisma.OrderEventCreateManyInput[] = [];
  let orderExt = 5_804_117_000_000;
  let itemExt = 14_210_552_000_000;
  let fulfilExt = 4_620_091_000_000;

  orders.forEach((o, index) => {
    o.number = `#${1001 + index}`;
    orderExt += rng.int(1_000, 90_000);
    const c = o.customer;
    let subtotal = 0;
    let taxable = 0;
    for (const line of o.lines) {
      itemExt += rng.int(1_000, 90_000);
      const amount = line.product.priceCents * line.quantity;
      subtotal += amount;
      if (line.product.productType !== "Gift Card") taxable += amount;
      items.push({
        id: rng.uuid(),
        workspaceId,
        orderId: o.id,
        externalId: String(itemExt),
        sku: line.variant ? `${line.product.sku}-${line.variant.replace(/[^A-Za-z0-9]+/g, "").toUpperCase()}` : line.product.sku,
        productName: line.product.name,
        variant: line.variant,
        productType: line.product.productType,
        quantity: line.quantity,
        priceCents: line.product.priceCents,
        imageUrl: null,
      });
    }
    const shipping = taxable === 0 || subtotal >= 7500 ? 0 : rng.chance(0.12) ? 1995 : 795;
    const tax = Math.round(taxable * (TAX_RATES[c.city.province] ?? 0.06));
    const exception = o.delayReason !== null && DELAY_REASONS.some((d) => d.reason === o.delayReason && d.exception);
    const fulfillmentStatus: FulfillmentStatus = o.state === "UNFULFILLED" ? "UNFULFILLED" : fulfillmentStatusOf(o, exception);

    const timeline: { kind: Prisma.OrderEventCreateManyInput["kind"]; ago: number; data: Prisma.InputJsonObject }[] = [
      { kind: "PLACED", ago: o.placedAgo, data: { source: "web", totalCents: subtotal + shipping + tax } },
      { kind: "PAID", ago: o.placedAgo - 1, data: { gateway: "shopify_payments" } },
    ];
    if (o.shippedAgo !== null && o.carrier) {
      timeline.push({
        kind: "SHIPPED",
        ago: o.shippedAgo,
        data: { carrier: o.carrier.name, trackingNumber: o.tracking, trackingUrl: o.trackingUrl },
      });
    }
    if (o.delayedAgo !== null)
      timeline.push({ kind: "DELAYED", ago: o.delayedAgo, data: { reason: o.delayReason, carrier: o.carrier?.name ?? null } });
    if (o.state === "OUT_FOR_DELIVERY") timeline.push({ kind: "OUT_FOR_DELIVERY", ago: rng.int(30, 5 * HOUR), data: {} });
    if (o.deliveredAgo !== null) {
      timeline.push({ kind: "OUT_FOR_DELIVERY", ago: o.deliveredAgo + rng.int(HOUR, 6 * HOUR), data: {} });
      timeline.push({ kind: "DELIVERED", ago: o.deliveredAgo, data: { carrier: o.carrier?.name ?? null } });
    }
    if (o.returnRequestedAgo !== null) timeline.push({ kind: "REFUND_REQUESTED", ago: o.returnRequestedAgo, data: { reason: "return" } });
    if (o.cancelledAgo !== null) timeline.push({ kind: "CANCELLED", ago: o.cancelledAgo, data: { reason: "customer" } });
    for (const e of timeline)
      events.push({ id: rng.uuid(), workspaceId, orderId: o.id, kind: e.kind, data: e.data, occurredAt: at(e.ago) });
    const lastChangeAgo = Math.min(...timeline.map((e) => e.ago));

    const cancelled = o.state === "CANCELLED";
    orderRows.push({
      id: o.id,
      workspaceId,
      customerId: c.id,
      integrationId: opts.integrationId,
      externalId: String(orderExt),
      number: o.number,
      status: cancelled ? "CANCELLED" : o.state === "DELIVERED" || o.state === "RETURNED" ? "CLOSED" : "OPEN",
      financialStatus: cancelled
        ? o.placedAgo - (o.cancelledAgo ?? 0) < HOUR
          ? "VOIDED"
          : "REFUNDED"
        : o.state === "RETURNED"
          ? o.lines.length > 1
            ? "PARTIALLY_REFUNDED"
            : "REFUNDED"
          : "PAID",
      fulfillmentStatus: cancelled ? "CANCELLED" : fulfillmentStatus,
      currency: "USD",
      subtotalCents: subtotal,
      shippingCents: shipping,
      taxCents: tax,
      totalCents: subtotal + shipping + tax,
      email: c.email,
      phone: c.phone,
      shippingAddress: { name: c.name, address1: c.address1, city: c.city.city, province: c.city.province, zip: c.zip, country: "US" },
      placedAt: at(o.placedAgo),
      cancelledAt: o.cancelledAgo !== null ? at(o.cancelledAgo) : null,
      createdAt: at(o.placedAgo),
      updatedAt: at(lastChangeAgo),
    });

    if (o.state !== "UNFULFILLED" && !cancelled) {
      fulfilExt += rng.int(1_000, 90_000);
      const createdAgo = o.labelAgo ?? o.placedAgo - 5;
      fulfillments.push({
        id: rng.uuid(),
        workspaceId,
        orderId: o.id,
        externalId: String(fulfilExt),
        status: fulfillmentStatus,
        carrier: o.carrier?.name ?? null,
        trackingNumber: o.tracking,
        trackingUrl: o.trackingUrl,
        shippedAt: o.shippedAgo !== null ? at(o.shippedAgo) : null,
        eta: o.etaAgo !== null ? at(o.etaAgo) : null,
        delayed: o.state === "DELAYED",
        delayReason: o.delayReason,
        deliveredAt: o.deliveredAgo !== null ? at(o.deliveredAgo) : null,
        createdAt: at(createdAgo),
        updatedAt: at(Math.min(createdAgo, lastChangeAgo)),
      });
    }
  });
  return { orders, orderRows, items, fulfillments, events };
}
