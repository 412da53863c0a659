import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { withEvents } from "../inbox/conversation-mutation";
import { assertCustomerReachable } from "./customer-panel.repository";

export type ProfilePatch = { name?: string | null; vip?: boolean; locale?: string | null; timezone?: string | null };

/** Name, VIP, locale and time zone; only the fields given change. */
export async function updateCustomerProfile(db: Db, actor: Actor, input: { customerId: string } & ProfilePatch) {
  const { customerId, ...patch } = input;
  return withEvents(db, actor, async (tx, emit) => {
    await assertCustomerReachable(tx, actor, customerId);
    const customer = await tx.customer.update({
      where: { id: customerId },
      data: { name: patch.name, vip: patch.vip, locale: patch.locale, timezone: patch.timezone },
      select: { id: true, name: true, vip: true, locale: true, timezone: true },
    });
    const changes = Object.keys(patch).filter((k) => patch[k as keyof ProfilePatch] !== undefined);
    emit({ type: "customer.updated", customerId, conversationId: null, teamId: null, changes });
    return customer;
  });
}
