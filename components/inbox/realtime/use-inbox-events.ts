"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { createThrottle } from "./throttle";

/**
 * One inbox.events subscription for the whole screen. Lists and counts refresh at most once a second;
 * the open conversation (thread + header) refreshes when an event concerns it.
 */
export function useInboxEvents(openId: string | null) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [lists] = useState(() => createThrottle(1000));
  const [thread] = useState(() => createThrottle(300));
  useEffect(
    () => () => {
      lists.cancel();
      thread.cancel();
    },
    [lists, thread],
  );

  const subscription = useSubscription(
    trpc.inbox.events.subscriptionOptions(undefined, {
      onData: (event) => {
        lists.run(() => {
          void qc.invalidateQueries({ queryKey: trpc.inbox.list.pathKey() });
          void qc.invalidateQueries({ queryKey: trpc.inbox.counts.queryKey() });
          void qc.invalidateQueries({ queryKey: trpc.views.counts.queryKey() });
          void qc.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
        });
        // a customer's profile, tags, notes or orders changed: open customer panels refresh
        if (event.data.type === "customer.updated")
          void qc.invalidateQueries({ queryKey: trpc.customers.panel.queryKey({ customerId: event.data.customerId }) });
        const conversationId = event.data.conversationId;
        if (openId && conversationId === openId) {
          thread.run(() => {
            void qc.invalidateQueries({ queryKey: trpc.conversation.get.queryKey({ conversationId }) });
            void qc.invalidateQueries({ queryKey: trpc.conversation.messages.infiniteQueryKey({ conversationId }) });
          });
        }
      },
    }),
  );
  return { status: subscription.status };
}
