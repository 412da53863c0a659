import { z } from "zod";

/**
 * The normalised commerce shapes every source is mapped to (Shopify webhooks, the JSON API, CSV import): one domain
 * function stores them (order-sync.ts). Amounts are integers in minor units ("cents"); dates are ISO-8601 with offset.
 */
export const ORDER_STATUSES = ["OPEN", "CLOSED", "CANCELLED"] as const;
export const FINANCIAL_STATUSES = ["PENDING", "AUTHORIZED", "PAID", "PARTIALLY_REFUNDED", "REFUNDED", "VOIDED"] as const;
export const FULFILLMENT_STATUSES = [
  "UNFULFILLED",
  "BACKORDERED",
  "LABEL_CREATED",
  "IN_TRANSIT",
  "OUT_FOR_DELIVERY",
  "DELIVERED",
  "EXCEPTION",
  "RETURNED",
  "CANCELLED",
] as const;
export type FulfillmentStatusValue = (typeof FULFILLMENT_STATUSES)[number];

/** Requests to the JSON API carry at most this many orders + customers. */
export const MAX_API_ITEMS = 500;

/** Empty strings become null: platforms send "" for "not set". */
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));
const reqText = (max: number, what: string) => z.string().trim().min(1, `Enter ${what}`).max(max, `At most ${max} characters`);
const cents = z
  .number({ error: "Expected an integer amount in cents" })
  .int("Expected an integer amount in cents")
  .min(-2_000_000_000)
  .max(2_000_000_000);
const isoDate = z.iso
  .datetime({ offset: true, error: "Expected an ISO-8601 date-time, e.g. 2025-11-24T10:30:00Z" })
  .transform((s) => new Date(s));
const optDate = isoDate.nullish().transform((d) => d ?? null);
const httpUrl = optText(2000).refine((v) => v === null || /^https?:\/\/\S+$/i.test(v), "Expected an http(s) URL");

export const ZNormalisedItem = z.object({
  externalId: optText(100),
  sku: optText(100),
  productName: reqText(300, "the product name"),
  variant: optText(200),
  /** product type / category: auto-tags use it (a missing one is taken from the last item with the same SKU) */
  productType: optText(100),
  quantity: z.number().int().min(0).max(1_000_000).default(1),
  priceCents: cents.default(0),
  imageUrl: httpUrl,
});
export type NormalisedItem = z.output<typeof ZNormalisedItem>;

export const ZNormalisedFulfillment = z.object({
  externalId: reqText(100, "the fulfilment id"),
  status: z.enum(FULFILLMENT_STATUSES),
  carrier: optText(100),
  trackingNumber: optText(200),
  trackingUrl: httpUrl,
  shippedAt: optDate,
  eta: optDate,
  /** the carrier reported a problem or the ETA slipped (EXCEPTION implies it) */
  delayed: z.boolean().default(false),
  delayReason: optText(300),
  deliveredAt: optDate,
  /** the platform's own last-modified time: an older version arriving late is not applied */
  updatedAt: optDate,
});
export type NormalisedFulfillment = z.output<typeof ZNormalisedFulfillment>;

const scalar = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);

export const ZNormalisedOrder = z
  .object({
    externalId: reqText(100, "the order's id on the platform"),
    number: reqText(50, "the order number"),
    status: z.enum(ORDER_STATUSES).default("OPEN"),
    financialStatus: z.enum(FINANCIAL_STATUSES).default("PENDING"),
    /** omitted: rolled up from the fulfilments */
    fulfillmentStatus: z.enum(FULFILLMENT_STATUSES).optional(),
    currency: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{3}$/, "Expected a 3-letter ISO currency code")
      .transform((c) => c.toUpperCase())
      .default("USD"),
    subtotalCents: cents.default(0),
    shippingCents: cents.default(0),
    taxCents: cents.default(0),
    totalCents: cents.default(0),
    email: optText(320),
    phone: optText(40),
    /** the buyer's name, for a customer created from this order */
    customerName: optText(200),
    shippingAddress: z
      .record(z.string().max(50), scalar)
      .refine((a) => Object.keys(a).length <= 30, "At most 30 address fields")
      .nullish()
      .transform((a) => a ?? null),
    placedAt: isoDate,
    cancelledAt: optDate,
    updatedAt: optDate,
    /** omitted: the stored line items are kept; given: they are replaced */
    items: z.array(ZNormalisedItem).max(500, "At most 500 line items").optional(),
    /** omitted: the stored fulfilments are kept; given: the order's whole list (matched by externalId) */
    fulfillments: z.array(ZNormalisedFulfillment).max(100, "At most 100 fulfilments").optional(),
  })
  .refine((o) => !o.fulfillments || new Set(o.fulfillments.map((f) => f.externalId)).size === o.fulfillments.length, {
    message: "Fulfilment externalIds must be unique within an order",
    path: ["fulfillments"],
  });
export type NormalisedOrder = z.output<typeof ZNormalisedOrder>;
export type NormalisedOrderInput = z.input<typeof ZNormalisedOrder>;

export const ZNormalisedCustomer = z
  .object({
    externalId: optText(100),
    email: optText(320),
    phone: optText(40),
    name: optText(200),
    /** the platform's tags; "vip" (any case) marks the customer VIP (never unmarks: an agent may have set it) */
    tags: z.array(z.string().trim().max(100)).max(100).default([]),
    vip: z.boolean().optional(),
  })
  .refine((c) => c.email || c.phone, { message: "A customer needs an email or a phone number", path: ["email"] });
export type NormalisedCustomer = z.output<typeof ZNormalisedCustomer>;
export type NormalisedCustomerInput = z.input<typeof ZNormalisedCustomer>;

export const ZOrdersApiBody = z
  .object({
    orders: z.array(ZNormalisedOrder).default([]),
    customers: z.array(ZNormalisedCustomer).default([]),
  })
  .refine((b) => b.orders.length + b.customers.length > 0, { message: "Send at least one order or customer" })
  .refine((b) => b.orders.length + b.customers.length <= MAX_API_ITEMS, {
    message: `At most ${MAX_API_ITEMS} orders and customers per request`,
  });
export type OrdersApiBody = z.output<typeof ZOrdersApiBody>;

// ─── Settings → Integrations (tRPC) ───

export const INTEGRATION_KINDS = ["SHOPIFY", "CSV", "API"] as const;
export const INBOUND_STATUSES = ["RECEIVED", "PROCESSED", "IGNORED", "FAILED"] as const;

export const ZIntegrationIdInput = z.object({ id: z.uuid() });

export const ZListIntegrationEventsInput = z.object({
  integrationId: z.uuid(),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type ListIntegrationEventsInput = z.output<typeof ZListIntegrationEventsInput>;

export type IntegrationSummary = {
  id: string;
  kind: (typeof INTEGRATION_KINDS)[number];
  name: string;
  active: boolean;
  createdAt: Date;
  hasSecret: boolean;
  /** where Shopify posts webhooks (SHOPIFY only), relative to the app's origin */
  webhookPath: string | null;
  /** the generic JSON endpoint (every kind) */
  apiPath: string;
  orderCount: number;
  lastEventAt: Date | null;
};

export type IntegrationList = { items: IntegrationSummary[]; canManage: boolean };

export type IntegrationEventItem = {
  id: string;
  provider: string;
  topic: string | null;
  /** X-Shopify-Webhook-Id / Idempotency-Key, when the sender gave one */
  deliveryId: string | null;
  status: (typeof INBOUND_STATUSES)[number];
  error: string | null;
  attempts: number;
  receivedAt: Date;
  processedAt: Date | null;
};

export type IntegrationEventPage = { items: IntegrationEventItem[]; nextCursor: string | null };
