// Normalised rows as the preview shows them: what will be stored, in the units people read.
import type { ImportKindKey } from "./columns";
import type { CustomerRow, FulfillmentRow, OrderLineRow, RowByKind } from "./rows";

const money = (cents: number | null) => (cents === null ? null : `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`);
const date = (d: Date | null) => {
  if (!d) return null;
  const iso = d.toISOString();
  // a date without a time (midnight UTC) reads as a date
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : `${iso.slice(0, 16).replace("T", " ")} UTC`;
};
const bool = (b: boolean | null) => (b === null ? null : b ? "yes" : "no");
const word = (s: string | null) => (s === null ? null : s.toLowerCase().replace(/_/g, " "));

export function displayRow<K extends ImportKindKey>(kind: K, row: RowByKind[K]): Record<string, string | null> {
  if (kind === "customers") {
    const r = row as CustomerRow;
    return {
      name: r.name,
      email: r.email,
      phone: r.phone,
      vip: bool(r.vip),
      tags: r.tags.length ? r.tags.join(", ") : null,
      locale: r.locale,
      timezone: r.timezone,
    };
  }
  if (kind === "orders") {
    const r = row as OrderLineRow;
    return {
      order_number: r.number,
      email: r.email,
      phone: r.phone,
      customer_name: r.customerName,
      placed_at: date(r.placedAt),
      status: word(r.status),
      financial_status: word(r.financialStatus),
      fulfillment_status: word(r.fulfillmentStatus),
      currency: r.currency,
      subtotal: money(r.subtotal),
      shipping: money(r.shipping),
      tax: money(r.tax),
      total: money(r.total),
      cancelled_at: date(r.cancelledAt),
      sku: r.item?.sku ?? null,
      product: r.item?.product ?? null,
      variant: r.item?.variant ?? null,
      product_type: r.item?.productType ?? null,
      quantity: r.item ? String(r.item.quantity) : null,
      price: r.item ? money(r.item.price) : null,
    };
  }
  const r = row as FulfillmentRow;
  return {
    order_number: r.number,
    fulfillment_id: r.externalId,
    carrier: r.carrier,
    tracking_number: r.trackingNumber,
    tracking_url: r.trackingUrl,
    status: word(r.status),
    shipped_at: date(r.shippedAt),
    eta: date(r.eta),
    delayed: bool(r.delayed),
    delay_reason: r.delayReason,
    delivered_at: date(r.deliveredAt),
  };
}
