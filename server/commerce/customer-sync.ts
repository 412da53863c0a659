import { resolveCustomerByContact } from "../customers/resolve-customer";
import type { NormalisedCustomer } from "./commerce.schemas";
import type { Emit, SyncContext } from "./order-sync";
import { markCustomerVip, type Tx } from "./order-sync.repository";
import { SyncInputError } from "./sync-errors";

export type SyncCustomerResult = { status: "created" | "updated"; customerId: string };

/**
 * A platform's customer (Shopify customers/create|update, the orders API): matched by email then phone, created when
 * nobody matches, empty name/email/phone filled, a new email or phone added as an identity. A platform "vip" tag marks
 * the customer VIP; nothing the platform sends ever overwrites what an agent set.
 */
export async function syncCustomerInTx(tx: Tx, ctx: SyncContext, input: NormalisedCustomer, emit: Emit): Promise<SyncCustomerResult> {
  const resolved = await resolveCustomerByContact(tx, ctx.workspaceId, { email: input.email, phone: input.phone, name: input.name });
  // the schema requires an email or a phone; a value that does not normalise (e.g. "n/a") reaches here
  if (!resolved) throw new SyncInputError("The customer's email and phone are not usable (neither normalises)");
  const vip = input.vip === true || input.tags.some((t) => t.toLowerCase() === "vip");
  if (vip) await markCustomerVip(tx, ctx.workspaceId, resolved.id);
  emit({ type: "customer.updated", customerId: resolved.id, conversationId: null, teamId: null, changes: ["profile"] });
  return { status: resolved.created ? "created" : "updated", customerId: resolved.id };
}
