import { z } from "zod";

export const ORDER_ACTION_KINDS = ["REFUND", "CANCEL", "ADDRESS_CHANGE"] as const;
export type OrderActionKind = (typeof ORDER_ACTION_KINDS)[number];

export const ZShippingAddress = z.object({
  name: z.string().trim().max(120).optional(),
  address1: z.string().trim().min(1, "Enter the street address").max(200),
  address2: z.string().trim().max(200).optional(),
  city: z.string().trim().min(1, "Enter the city").max(120),
  province: z.string().trim().max(120).optional(),
  zip: z.string().trim().min(1, "Enter the postal code").max(20),
  country: z.string().trim().min(2, "Enter the country").max(60),
});
export type ShippingAddressInput = z.infer<typeof ZShippingAddress>;

const base = {
  orderId: z.uuid(),
  reason: z.string().trim().min(3, "Say why, in a few words").max(1000),
  /** the conversation the request comes from: an internal note is added there */
  conversationId: z.uuid().optional(),
};

export const ZRequestOrderActionInput = z.discriminatedUnion("kind", [
  z.object({
    ...base,
    kind: z.literal("REFUND"),
    /** empty = the full order total */
    details: z.object({ amountCents: z.number().int().positive("Enter an amount above zero").max(100_000_000).optional() }).default({}),
  }),
  z.object({ ...base, kind: z.literal("CANCEL"), details: z.object({}).default({}) }),
  z.object({ ...base, kind: z.literal("ADDRESS_CHANGE"), details: z.object({ address: ZShippingAddress }) }),
]);
export type RequestOrderActionInput = z.infer<typeof ZRequestOrderActionInput>;

export const ZRenderOrderReplyInput = z.object({ orderId: z.uuid(), conversationId: z.uuid(), savedReplyId: z.uuid() });

export const ZRecordTrackingSentInput = z.object({
  conversationId: z.uuid(),
  /** the reply that was sent */
  messageId: z.uuid(),
  /** orders whose tracking the agent put into that reply */
  orderIds: z.array(z.uuid()).min(1).max(20),
});
