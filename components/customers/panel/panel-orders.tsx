"use client";

import { useTRPCClient } from "@/components/providers/trpc";
import { OrderCard } from "./order-card";
import { LinkButton, Section, type PanelData } from "./panel-ui";
import { useMore } from "./use-more";
import type { OrderTracking } from "./use-order-tracking";

/** Recent orders, newest first (collapsed cards; a click expands one), with “Show more”. */
export function PanelOrders({
  customerId,
  data,
  conversationId,
  tracking,
  canRequest,
  canUseReplies,
}: {
  customerId: string;
  data: PanelData;
  conversationId?: string;
  tracking: OrderTracking;
  canRequest: boolean;
  canUseReplies: boolean;
}) {
  const client = useTRPCClient();
  const more = useMore(data.orders, (cursor) => client.customers.panelOrders.query({ customerId, cursor }));
  return (
    <Section title="Orders" count={data.stats.orderCount} testId="panel-orders">
      {more.items.length === 0 ? (
        <p className="text-xs text-slate-400">No orders yet.</p>
      ) : (
        <ul className="space-y-2">
          {more.items.map((o) => (
            <OrderCard
              key={o.id}
              order={o}
              conversationId={conversationId}
              tracking={tracking}
              canRequest={canRequest}
              canUseReplies={canUseReplies}
            />
          ))}
        </ul>
      )}
      {more.hasMore && (
        <LinkButton className="mt-2" onClick={() => void more.load()} disabled={more.loading}>
          {more.loading ? "Loading…" : "Show more orders"}
        </LinkButton>
      )}
      {more.error && <p className="mt-1 text-xs text-red-600">{more.error}</p>}
    </Section>
  );
}
