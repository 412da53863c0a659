// Row validation with zod: one schema per kind and file (messages name the file's own column headers).
import { z } from "zod";
import type { FinancialStatus, FulfillmentStatus, OrderStatus } from "../../db/generated/enums";
import { fieldLabel, type ImportKindKey } from "./columns";
import * as v from "./values";

/** A mapped row: field key → the raw cell ("" or undefined when blank / no column). */
export type RawRow = Record<string, string | undefined>;

export type CustomerRow = {
  name: string | null;
  email: string | null;
  phone: string | null;
  vip: boolean | null;
  tags: string[];
  locale: string | null;
  timezone: string | null;
};

export type OrderLineRow = {
  number: string;
  email: string | null;
  phone: string | null;
  customerName: string | null;
  placedAt: Date | null;
  status: OrderStatus | null;
  financialStatus: FinancialStatus | null;
  fulfillmentStatus: FulfillmentStatus | null;
  currency: string | null;
  subtotal: number | null;
  shipping: number | null;
  tax: number | null;
  total: number | null;
  cancelledAt: Date | null;
  /** null: this row carries no line item (order-level fields only) */
  item: { sku: string | null; product: string; variant: string | null; productType: string | null; quantity: number; price: number } | null;
};

export type FulfillmentRow = {
  number: string;
  externalId: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  status: FulfillmentStatus | null;
  shippedAt: Date | null;
  eta: Date | null;
  delayed: boolean | null;
  delayReason: string | null;
  deliveredAt: Date | null;
};

export type RowByKind = { customers: CustomerRow; orders: OrderLineRow; fulfillments: FulfillmentRow };
export type FieldError = { field: string | null; message: string };
export type RowValidator<K extends ImportKindKey> = (raw: RawRow) => { ok: true; row: RowByKind[K] } | { ok: false; errors: FieldError[] };

const str = (d: Record<string, unknown>, k: string) => (d[k] ?? null) as string | null;

/** One cell: blank → null, else the parser's value or an issue "<Header> <reason>". */
function cell<T>(label: string, parse: (s: string) => v.Parsed<T>) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | null => {
      const s = raw?.trim() ?? "";
      if (!s) return null;
      const r = parse(s);
      if (r.ok) return r.value;
      ctx.addIssue({ code: "custom", message: `${label} ${r.reason}` });
      return z.NEVER;
    });
}

function schemas(kind: ImportKindKey, labels: Record<string, string>) {
  const l = (key: string) => labels[key] ?? fieldLabel(kind, key);
  const c = <T>(key: string, parse: (s: string) => v.Parsed<T>) => cell(l(key), parse);
  const number = () => c("order_number", v.text(100));
  if (kind === "customers") {
    return z.object({
      name: c("name", v.text(200)),
      first_name: c("first_name", v.text(100)),
      last_name: c("last_name", v.text(100)),
      email: c("email", v.parseEmail),
      phone: c("phone", v.parsePhone),
      vip: c("vip", v.parseBool),
      tags: c("tags", v.parseTags),
      locale: c("locale", v.parseLocale),
      timezone: c("timezone", v.parseTimezone),
    });
  }
  if (kind === "orders") {
    return z.object({
      order_number: number(),
      email: c("email", v.parseEmail),
      phone: c("phone", v.parsePhone),
      customer_name: c("customer_name", v.text(200)),
      placed_at: c("placed_at", v.parseDate),
      status: c("status", v.parseOrderStatus),
      financial_status: c("financial_status", v.parseFinancialStatus),
      fulfillment_status: c("fulfillment_status", v.parseFulfillmentStatus),
      currency: c("currency", v.parseCurrency),
      subtotal: c("subtotal", v.parseMoney),
      shipping: c("shipping", v.parseMoney),
      tax: c("tax", v.parseMoney),
      total: c("total", v.parseMoney),
      cancelled_at: c("cancelled_at", v.parseDate),
      sku: c("sku", v.text(100)),
      product: c("product", v.text(500)),
      variant: c("variant", v.text(200)),
      product_type: c("product_type", v.text(100)),
      quantity: c("quantity", v.parseQuantity),
      price: c("price", v.parseMoney),
    });
  }
  return z.object({
    order_number: number(),
    fulfillment_id: c("fulfillment_id", v.text(100)),
    carrier: c("carrier", v.text(100)),
    tracking_number: c("tracking_number", v.text(100)),
    tracking_url: c("tracking_url", v.parseUrl),
    status: c("status", v.parseFulfillmentStatus),
    shipped_at: c("shipped_at", v.parseDate),
    eta: c("eta", v.parseDate),
    delayed: c("delayed", v.parseBool),
    delay_reason: c("delay_reason", v.text(500)),
    delivered_at: c("delivered_at", v.parseDate),
  });
}

/**
 * The validator for one file: `labels` are the file's headers per field, so a reason reads like the sheet the person
 * is looking at ("Created at 'yesterday' is not a date").
 */
export function rowValidator<K extends ImportKindKey>(kind: K, labels: Record<string, string>): RowValidator<K> {
  const schema = schemas(kind, labels) as z.ZodType<Record<string, unknown>>;
  const l = (key: string) => labels[key] ?? fieldLabel(kind, key);
  return (raw) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return {
        ok: false,
        errors: parsed.error.issues.map((i) => ({ field: typeof i.path[0] === "string" ? i.path[0] : null, message: i.message })),
      };
    }
    const d = parsed.data;
    if (kind === "customers") {
      if (!d.email && !d.phone) return { ok: false, errors: [{ field: "email", message: `needs an ${l("email")} or a ${l("phone")}` }] };
      const first = str(d, "first_name");
      const last = str(d, "last_name");
      const row: CustomerRow = {
        name: str(d, "name") ?? (first && last ? `${first} ${last}` : (first ?? last)),
        email: str(d, "email"),
        phone: str(d, "phone"),
        vip: (d.vip ?? null) as boolean | null,
        tags: (d.tags ?? []) as string[],
        locale: str(d, "locale"),
        timezone: str(d, "timezone"),
      };
      return { ok: true, row: row as RowByKind[K] };
    }
    const number = str(d, "order_number");
    if (!number) return { ok: false, errors: [{ field: "order_number", message: `${l("order_number")} is empty` }] };
    if (kind === "orders") return orderRow(d, number, l) as ReturnType<RowValidator<K>>;
    const row: FulfillmentRow = {
      number,
      externalId: str(d, "fulfillment_id"),
      carrier: str(d, "carrier"),
      trackingNumber: str(d, "tracking_number"),
      trackingUrl: str(d, "tracking_url"),
      status: str(d, "status") as FulfillmentStatus | null,
      shippedAt: (d.shipped_at ?? null) as Date | null,
      eta: (d.eta ?? null) as Date | null,
      delayed: (d.delayed ?? null) as boolean | null,
      delayReason: str(d, "delay_reason"),
      deliveredAt: (d.delivered_at ?? null) as Date | null,
    };
    return { ok: true, row: row as RowByKind[K] };
  };
}

function orderRow(
  d: Record<string, unknown>,
  number: string,
  l: (key: string) => string,
): { ok: true; row: OrderLineRow } | { ok: false; errors: FieldError[] } {
  const s = (k: string) => str(d, k);
  const n = (k: string) => (d[k] ?? null) as number | null;
  const product = s("product") ?? s("sku");
  const itemOnly = ["variant", "product_type", "quantity", "price"].find((k) => d[k] != null);
  if (!product && itemOnly) {
    return { ok: false, errors: [{ field: itemOnly, message: `${l(itemOnly)} is given but ${l("product")} and ${l("sku")} are empty` }] };
  }
  return {
    ok: true,
    row: {
      number,
      email: s("email"),
      phone: s("phone"),
      customerName: s("customer_name"),
      placedAt: (d.placed_at ?? null) as Date | null,
      status: s("status") as OrderStatus | null,
      financialStatus: s("financial_status") as FinancialStatus | null,
      fulfillmentStatus: s("fulfillment_status") as FulfillmentStatus | null,
      currency: s("currency"),
      subtotal: n("subtotal"),
      shipping: n("shipping"),
      tax: n("tax"),
      total: n("total"),
      cancelledAt: (d.cancelled_at ?? null) as Date | null,
      item: product
        ? {
            sku: s("sku"),
            product,
            variant: s("variant"),
            productType: s("product_type"),
            quantity: n("quantity") ?? 1,
            price: n("price") ?? 0,
          }
        : null,
    },
  };
}
