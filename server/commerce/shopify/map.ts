import type { FulfillmentStatusValue, NormalisedCustomerInput, NormalisedOrderInput } from "../commerce.schemas";
import type { ShopifyCustomer, ShopifyFulfillment, ShopifyOrder } from "./payloads";

/**
 * Shopify's REST webhook payloads → our normalised shapes. Statuses are mapped from Shopify's documented values;
 * anything Shopify adds later falls back to the nearest safe state rather than failing the delivery.
 */
type FulfillmentInput = NonNullable<NormalisedOrderInput["fulfillments"]>[number];

/** "12.50" → 1250, exactly (no float rounding); half a cent rounds away from zero. */
export function toCents(amount: string | number | null | undefined): number {
  if (amount === null || amount === undefined || amount === "") return 0;
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(typeof amount === "number" ? amount.toFixed(3) : amount.trim());
  if (!m) return 0;
  const [, sign, whole = "0", frac = ""] = m;
  const digits = `${frac}000`.slice(0, 3);
  const cents = Number(whole) * 100 + Number(digits.slice(0, 2)) + (Number(digits[2]) >= 5 ? 1 : 0);
  return sign ? -cents : cents;
}

const FINANCIAL: Record<string, NormalisedOrderInput["financialStatus"]> = {
  pending: "PENDING",
  authorized: "AUTHORIZED",
  // we have no "partially paid": it is still waiting for money
  partially_paid: "PENDING",
  paid: "PAID",
  partially_refunded: "PARTIALLY_REFUNDED",
  refunded: "REFUNDED",
  voided: "VOIDED",
  // an authorisation that expired took no money
  expired: "VOIDED",
};

const splitTags = (tags: string | null | undefined) =>
  (tags ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);

/** What one Shopify fulfilment means for the parcel: its status and whether it is late or in trouble. */
export function mapShipment(f: ShopifyFulfillment): { status: FulfillmentStatusValue; delayReason: string | null } {
  const state = (f.status ?? "").toLowerCase();
  if (state === "cancelled") return { status: "CANCELLED", delayReason: null };
  if (state === "error" || state === "failure")
    return { status: "EXCEPTION", delayReason: "The fulfilment failed at the fulfilment service" };
  const shipment = (f.shipment_status ?? "").toLowerCase();
  if (state === "pending" || state === "open") {
    // requested from a fulfilment service, nothing handed over yet
    return { status: shipment === "label_printed" || shipment === "label_purchased" ? "LABEL_CREATED" : "UNFULFILLED", delayReason: null };
  }
  switch (shipment) {
    case "label_printed":
    case "label_purchased":
      return { status: "LABEL_CREATED", delayReason: null };
    case "delayed":
      return { status: "IN_TRANSIT", delayReason: "The carrier reported a delay" };
    case "out_for_delivery":
    case "ready_for_pickup":
      return { status: "OUT_FOR_DELIVERY", delayReason: null };
    case "attempted_delivery":
      return { status: "EXCEPTION", delayReason: "The carrier attempted delivery without success" };
    case "failure":
    case "not_delivered":
      return { status: "EXCEPTION", delayReason: "The carrier reported a delivery failure" };
    case "delivered":
    case "picked_up":
      return { status: "DELIVERED", delayReason: null };
    default:
      // success with no carrier updates yet (null, "confirmed", "in_transit", "carrier_picked_up"): it has left
      return { status: "IN_TRANSIT", delayReason: null };
  }
}

export function mapFulfillment(f: ShopifyFulfillment): FulfillmentInput {
  const { status, delayReason } = mapShipment(f);
  const shipped = status === "IN_TRANSIT" || status === "OUT_FOR_DELIVERY" || status === "DELIVERED" || status === "EXCEPTION";
  const lateAt = f.updated_at ?? null;
  // an ETA already behind us when Shopify last touched the parcel is a slip, even without a carrier event
  const overdue =
    status !== "DELIVERED" && status !== "CANCELLED" && f.estimated_delivery_at && lateAt
      ? new Date(f.estimated_delivery_at).getTime() < new Date(lateAt).getTime()
      : false;
  return {
    externalId: f.id,
    status,
    carrier: f.tracking_company,
    trackingNumber: f.tracking_number ?? f.tracking_numbers?.[0] ?? null,
    trackingUrl: f.tracking_url ?? f.tracking_urls?.[0] ?? null,
    shippedAt: shipped ? (f.created_at ?? null) : null,
    eta: f.estimated_delivery_at ?? null,
    delayed: delayReason !== null || overdue,
    delayReason: delayReason ?? (overdue ? "Past the estimated delivery date" : null),
    deliveredAt: status === "DELIVERED" ? (f.delivered_at ?? f.updated_at ?? null) : null,
    updatedAt: f.updated_at ?? null,
  };
}

function fullName(first: string | null | undefined, last: string | null | undefined): string | null {
  return [first, last].filter((s) => s?.trim()).join(" ") || null;
}

function address(a: ShopifyOrder["shipping_address"]): Record<string, string | null> | null {
  if (!a) return null;
  const picked = {
    name: a.name ?? fullName(a.first_name, a.last_name),
    company: a.company ?? null,
    address1: a.address1 ?? null,
    address2: a.address2 ?? null,
    city: a.city ?? null,
    province: a.province_code ?? a.province ?? null,
    zip: a.zip ?? null,
    country: a.country_code ?? a.country ?? null,
    phone: a.phone ?? null,
  };
  return Object.values(picked).some((v) => v) ? picked : null;
}

export function mapOrder(o: ShopifyOrder): NormalisedOrderInput {
  const tags = splitTags(o.tags).map((t) => t.toLowerCase());
  const shopMoney = o.total_shipping_price_set?.shop_money?.amount;
  const shippingCents =
    shopMoney !== null && shopMoney !== undefined
      ? toCents(shopMoney)
      : (o.shipping_lines ?? []).reduce((sum, l) => sum + toCents(l.price), 0);
  const fulfillment = (o.fulfillment_status ?? "").toLowerCase();
  return {
    externalId: o.id,
    number: o.name?.trim() || `#${o.order_number ?? o.id}`,
    status: o.cancelled_at ? "CANCELLED" : o.closed_at ? "CLOSED" : "OPEN",
    financialStatus: FINANCIAL[(o.financial_status ?? "").toLowerCase()] ?? "PENDING",
    // Shopify has no backorder state: merchants tag such orders; "restocked" means the items came back
    fulfillmentStatus:
      fulfillment === "restocked" ? "RETURNED" : tags.includes("backorder") || tags.includes("backordered") ? "BACKORDERED" : undefined,
    currency: o.currency ?? "USD",
    subtotalCents: toCents(o.subtotal_price),
    shippingCents,
    taxCents: toCents(o.total_tax),
    totalCents: toCents(o.total_price),
    email: o.email ?? o.contact_email ?? o.customer?.email ?? null,
    // the shipping address's phone may be a gift recipient's: never used to match the buyer
    phone: o.phone ?? o.customer?.phone ?? null,
    customerName: fullName(o.customer?.first_name, o.customer?.last_name) ?? o.billing_address?.name ?? null,
    shippingAddress: address(o.shipping_address),
    placedAt: o.processed_at ?? o.created_at,
    cancelledAt: o.cancelled_at ?? null,
    updatedAt: o.updated_at ?? null,
    items: o.line_items?.map((i) => ({
      externalId: i.id ?? null,
      sku: i.sku ?? null,
      productName: i.title?.trim() || i.name?.trim() || "Item",
      variant: i.variant_title ?? null,
      productType: i.product_type ?? null,
      quantity: i.quantity,
      priceCents: toCents(i.price),
      imageUrl: null,
    })),
    fulfillments: o.fulfillments?.map(mapFulfillment),
  };
}

export function mapCustomer(c: ShopifyCustomer): NormalisedCustomerInput {
  return {
    externalId: c.id ?? null,
    email: c.email ?? null,
    phone: c.phone ?? c.default_address?.phone ?? null,
    name: fullName(c.first_name, c.last_name) ?? c.default_address?.name ?? null,
    tags: splitTags(c.tags),
  };
}
