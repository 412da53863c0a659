import { ZodError } from "zod";
import { ZNormalisedCustomer, ZNormalisedFulfillment, ZNormalisedOrder } from "../commerce.schemas";
import { syncCustomerInTx } from "../customer-sync";
import { BadPayload, describeZodError } from "../inbound-http";
import { syncFulfillmentInTx, syncOrderInTx, type Emit, type SyncContext } from "../order-sync";
import type { Tx } from "../order-sync.repository";
import { mapCustomer, mapFulfillment, mapOrder } from "./map";
import { ZShopifyCustomer, ZShopifyFulfillment, ZShopifyOrder } from "./payloads";

/** The webhook topics we subscribe to; anything else is acknowledged and recorded as ignored. */
export const SHOPIFY_TOPICS = [
  "orders/create",
  "orders/updated",
  "orders/cancelled",
  "fulfillments/create",
  "fulfillments/update",
  "customers/create",
  "customers/update",
] as const;

export type TopicWork =
  { kind: "ignore"; reason: string } | { kind: "sync"; run: (tx: Tx, ctx: SyncContext, emit: Emit) => Promise<Record<string, unknown>> };

function parse<T>(schema: { parse: (v: unknown) => T }, data: unknown, what: string): T {
  try {
    return schema.parse(data);
  } catch (err) {
    if (err instanceof ZodError) throw new BadPayload(`Not a Shopify ${what} payload: ${describeZodError(err)}`);
    throw err;
  }
}

/**
 * Validates and maps a delivery BEFORE any transaction opens (a malformed body is the sender's 400, not a failed
 * write); returns what to run inside the transaction.
 */
export function prepareShopifyTopic(topic: string, data: unknown): TopicWork {
  switch (topic) {
    case "orders/create":
    case "orders/updated":
    case "orders/cancelled": {
      const order = parse(ZNormalisedOrder, mapOrder(parse(ZShopifyOrder, data, "order")), "order");
      return {
        kind: "sync",
        run: async (tx, ctx, emit) => ({ ...(await syncOrderInTx(tx, ctx, order, emit)), order: order.number }),
      };
    }
    case "fulfillments/create":
    case "fulfillments/update": {
      const raw = parse(ZShopifyFulfillment, data, "fulfillment");
      if (!raw.order_id) throw new BadPayload("Not a Shopify fulfillment payload: order_id is missing");
      const orderId = raw.order_id;
      const fulfillment = parse(ZNormalisedFulfillment, mapFulfillment(raw), "fulfillment");
      return { kind: "sync", run: async (tx, ctx, emit) => ({ ...(await syncFulfillmentInTx(tx, ctx, orderId, fulfillment, emit)) }) };
    }
    case "customers/create":
    case "customers/update": {
      const mapped = mapCustomer(parse(ZShopifyCustomer, data, "customer"));
      // a customer without any contact (a walk-in at the till) has nothing to match a conversation with
      if (!mapped.email && !mapped.phone) return { kind: "ignore", reason: "The customer has no email or phone number" };
      const customer = parse(ZNormalisedCustomer, mapped, "customer");
      return { kind: "sync", run: async (tx, ctx, emit) => ({ ...(await syncCustomerInTx(tx, ctx, customer, emit)) }) };
    }
    default:
      return { kind: "ignore", reason: `The topic ${topic} is not handled` };
  }
}
