import { z } from "zod";

/**
 * The parts of Shopify's REST webhook payloads we read (orders/*, fulfillments/*, customers/*), validated leniently:
 * Shopify sends null for "not set" and adds fields over time, so unknown keys are ignored and most fields are optional.
 * Ids arrive as numbers above 2^53: the body is parsed with parseJsonLossless, so they are digit strings here.
 */
const id = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,30}$/, "Expected a numeric id")]).transform(String);
const text = z.string().nullish();
const date = z.iso.datetime({ offset: true, error: "Expected an ISO-8601 date-time" }).nullish();
/** "12.50" (Shopify sends decimal strings) or a number */
const money = z.union([z.string().regex(/^-?\d+(\.\d+)?$/, "Expected a decimal amount like 12.50"), z.number()]).nullish();

export const ZShopifyAddress = z
  .object({
    name: text,
    first_name: text,
    last_name: text,
    company: text,
    address1: text,
    address2: text,
    city: text,
    province: text,
    province_code: text,
    zip: text,
    country: text,
    country_code: text,
    phone: text,
  })
  .nullish();

export const ZShopifyLineItem = z.object({
  id: id.nullish(),
  sku: text,
  title: text,
  name: text,
  variant_title: text,
  /** not in Shopify's order payloads; read when an app or proxy adds it */
  product_type: text,
  quantity: z.number().int().nonnegative(),
  price: money,
});

export const ZShopifyFulfillment = z.object({
  id,
  order_id: id.nullish(),
  /** pending, open, success, cancelled, error, failure */
  status: text,
  /** label_printed, label_purchased, attempted_delivery, ready_for_pickup, picked_up, confirmed, in_transit,
   * out_for_delivery, delivered, failure, carrier_picked_up, delayed, not_delivered — or null */
  shipment_status: text,
  tracking_company: text,
  tracking_number: text,
  tracking_numbers: z.array(z.string()).nullish(),
  tracking_url: text,
  tracking_urls: z.array(z.string()).nullish(),
  created_at: date,
  updated_at: date,
  estimated_delivery_at: date,
  delivered_at: date,
});
export type ShopifyFulfillment = z.output<typeof ZShopifyFulfillment>;

export const ZShopifyCustomer = z.object({
  id: id.nullish(),
  email: text,
  phone: text,
  first_name: text,
  last_name: text,
  /** comma-separated */
  tags: text,
  default_address: ZShopifyAddress,
});
export type ShopifyCustomer = z.output<typeof ZShopifyCustomer>;

export const ZShopifyOrder = z.object({
  id,
  /** "#1001" */
  name: text,
  order_number: z.number().int().nullish(),
  email: text,
  contact_email: text,
  phone: text,
  /** pending, authorized, partially_paid, paid, partially_refunded, refunded, voided, expired */
  financial_status: text,
  /** null, partial, fulfilled, restocked */
  fulfillment_status: text,
  currency: text,
  subtotal_price: money,
  total_price: money,
  total_tax: money,
  total_shipping_price_set: z.object({ shop_money: z.object({ amount: money }).nullish() }).nullish(),
  shipping_lines: z.array(z.object({ price: money })).nullish(),
  created_at: z.iso.datetime({ offset: true, error: "Expected an ISO-8601 date-time" }),
  processed_at: date,
  updated_at: date,
  cancelled_at: date,
  closed_at: date,
  /** comma-separated */
  tags: text,
  /** absent (an app trimming the payload): the stored line items are kept */
  line_items: z.array(ZShopifyLineItem).nullish(),
  /** absent: the stored fulfilments are kept (fulfillments/* topics may have brought them) */
  fulfillments: z.array(ZShopifyFulfillment).nullish(),
  shipping_address: ZShopifyAddress,
  billing_address: ZShopifyAddress,
  customer: ZShopifyCustomer.nullish(),
});
export type ShopifyOrder = z.output<typeof ZShopifyOrder>;
