"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { createThrottle } from "@/components/inbox/realtime/throttle";

export type Viewer = { userId: string; name: string; typing: boolean };

const HEARTBEAT_MS = 5_000;
const TYPING_IDLE_MS = 4_000;

/** Refreshes this conversation (header + thread) when an inbox event concerns it. */
export function useConversationEvents(conversationId: string) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [throttle] = useState(() => createThrottle(300));
  useEffect(() => () => throttle.cancel(), [throttle]);
  useSubscription(
    trpc.inbox.events.subscriptionOptions(undefined, {
      onData: (event) => {
        if (event.data.conversationId !== conversationId) return;
        throttle.run(() => {
          void qc.invalidateQueries({ queryKey: trpc.conversation.get.queryKey({ conversationId }) });
          void qc.invalidateQueries({ queryKey: trpc.conversation.messages.infiniteQueryKey({ conversationId }) });
        });
      },
    }),
  );
}

/**
 * Presence: a heartbeat every 5 s while the pane is open (typing while the composer had a keystroke in
 * the last 4 s), leave on unmount, and the live list of other viewers. `onKeystroke` is called by the composer.
 */
export function usePresence(conversationId: string, myId: string | undefined) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const typingRef = useRef(false);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const beat = useCallback(
    (typing: boolean) => {
      typingRef.current = typing;
      client.presence.heartbeat.mutate({ conversationId, typing }).catch(() => {
        // presence is best effort; the next beat tries again
      });
    },
    [client, conversationId],
  );

  useEffect(() => {
    beat(false);
    const interval = setInterval(() => beat(typingRef.current), HEARTBEAT_MS);
    return () => {
      clearInterval(interval);
      if (idleTimer.current) clearTimeout(idleTimer.current);
      client.presence.leave.mutate({ conversationId }).catch(() => {});
    };
  }, [beat, client, conversationId]);

  const onKeystroke = useCallback(() => {
    if (!typingRef.current) beat(true);
    if (idleTimer.current) clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(() => beat(false), TYPING_IDLE_MS);
  }, [beat]);

  useSubscription(trpc.presence.watch.subscriptionOptions({ conversationId }, { onData: (d) => setViewers(d.viewers) }));

  const others = viewers.filter((v) => v.userId !== myId);
  return { viewers: others, typing: others.filter((v) => v.typing), onKeystroke };
}
