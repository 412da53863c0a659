"use client";

import { hashKey, useMutation, useQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useToast } from "@/components/ui/toast";
import type { MessageItem } from "@/components/inbox/types";
import type { PanelOrder } from "./panel-ui";

type Fulfillment = PanelOrder["fulfillments"][number];
type Page = { items: MessageItem[]; nextCursor: string | null };

/** The fulfilment a tracking message is about: a delayed one first, else the latest with tracking (as the server picks). */
export function trackedFulfillment(order: PanelOrder): Fulfillment | undefined {
  const has = (f: Fulfillment) => Boolean(f.trackingUrl || f.trackingNumber);
  return order.fulfillments.find((f) => f.delayed && has(f)) ?? order.fulfillments.findLast(has);
}

export function trackingText(order: PanelOrder, f: Fulfillment): string {
  const where = f.trackingUrl ?? f.trackingNumber ?? "";
  return `You can track order ${order.number}${f.carrier ? ` (${f.carrier})` : ""} here: ${where}`;
}

/**
 * Order tracking into the reply. `insert` puts text into the composer and remembers which order's tracking it
 * carries; when the agent's next reply in this conversation is stored (the thread cache gets the server's
 * message), the panel asks the server to record TRACKING_SENT. The server only records it if that sent reply
 * really contains the tracking link or number, so a discarded or rewritten draft records nothing.
 */
export function useOrderTracking(conversationId: string | undefined, onInsertReply: ((text: string) => void) | undefined) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const toast = useToast();
  const me = useQuery(trpc.workspace.me.queryOptions());
  const myId = me.data?.user.id;
  const pending = useRef(new Map<string, string[]>()); // orderId → tracking url / number put into the draft
  const seen = useRef(new Set<string>());
  const record = useMutation(
    trpc.commerce.recordTrackingSent.mutationOptions({
      onSuccess: (res) => {
        if (res.recorded.length) void qc.invalidateQueries({ queryKey: trpc.customers.panel.pathKey() });
        if (res.recorded.length) toast.show({ tone: "success", message: `Tracking sent: noted on ${res.recorded.join(", ")}` });
      },
    }),
  );
  const recordRef = useRef(record.mutate);
  useEffect(() => {
    recordRef.current = record.mutate;
  });

  useEffect(() => {
    if (!conversationId || !myId) return;
    const hash = hashKey(trpc.conversation.messages.infiniteQueryKey({ conversationId }));
    return qc.getQueryCache().subscribe((event) => {
      if (event.type !== "updated" || event.query.queryHash !== hash || pending.current.size === 0) return;
      const newest = (event.query.state.data as InfiniteData<Page> | undefined)?.pages[0]?.items ?? [];
      for (const m of newest) {
        if (m.id.startsWith("optimistic:") || seen.current.has(m.id)) continue;
        seen.current.add(m.id);
        if (m.kind !== "MESSAGE" || m.direction !== "OUT" || m.author?.id !== myId) continue;
        const orderIds = [...pending.current].filter(([, needles]) => needles.some((n) => m.text.includes(n))).map(([id]) => id);
        if (orderIds.length === 0) continue;
        for (const id of orderIds) pending.current.delete(id);
        recordRef.current({ conversationId, messageId: m.id, orderIds });
      }
    });
  }, [conversationId, myId, qc, trpc]);

  function insert(text: string, order: PanelOrder) {
    if (!onInsertReply || !conversationId) return;
    // messages already in the thread are not the reply that will carry this tracking
    const cached = qc.getQueryData<InfiniteData<Page>>(trpc.conversation.messages.infiniteQueryKey({ conversationId }));
    for (const m of cached?.pages.flatMap((p) => p.items) ?? []) seen.current.add(m.id);
    const needles = order.fulfillments.flatMap((f) => [f.trackingUrl, f.trackingNumber]).filter((x): x is string => Boolean(x));
    if (needles.length) pending.current.set(order.id, needles);
    onInsertReply(text);
  }
  return { canInsert: Boolean(onInsertReply && conversationId), insert };
}
export type OrderTracking = ReturnType<typeof useOrderTracking>;
