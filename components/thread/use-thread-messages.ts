"use client";

import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { useToast } from "@/components/ui/toast";
import type { MessageItem } from "@/components/inbox/types";

type Page = { items: MessageItem[]; nextCursor: string | null };
export type MessagesSnapshot = InfiniteData<Page, string | null> | undefined;

/** The thread, newest page first from the server; `items` is chronological (oldest first) for rendering. */
export function useThreadMessages(conversationId: string) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const toast = useToast();
  const input = { conversationId };
  const queryKey = trpc.conversation.messages.infiniteQueryKey(input);
  const query = useInfiniteQuery(
    trpc.conversation.messages.infiniteQueryOptions(input, { getNextPageParam: (last) => last.nextCursor ?? undefined }),
  );
  const items = (query.data?.pages.flatMap((p) => p.items) ?? []).slice().reverse();

  const setPages = (fn: (pages: Page[]) => Page[]) => qc.setQueryData(queryKey, (old) => (old ? { ...old, pages: fn(old.pages) } : old));

  /** Puts a message at the newest end at once (optimistic send); returns what to roll back to. */
  async function insertOptimistic(message: MessageItem): Promise<MessagesSnapshot> {
    await qc.cancelQueries({ queryKey });
    const snapshot = qc.getQueryData(queryKey);
    setPages(([first, ...rest]) => (first ? [{ ...first, items: [message, ...first.items] }, ...rest] : []));
    return snapshot;
  }
  function replace(id: string, message: MessageItem) {
    setPages((pages) => pages.map((p) => ({ ...p, items: p.items.map((m) => (m.id === id ? message : m)) })));
  }
  function remove(id: string) {
    setPages((pages) => pages.map((p) => ({ ...p, items: p.items.filter((m) => m.id !== id) })));
  }
  const refresh = () => qc.invalidateQueries({ queryKey });

  const retry = useMutation(
    trpc.conversation.retry.mutationOptions({
      onMutate: ({ messageId }) =>
        setPages((pages) =>
          pages.map((p) => ({
            ...p,
            items: p.items.map((m) => (m.id === messageId ? { ...m, deliveryStatus: "QUEUED" as const, deliveryError: null } : m)),
          })),
        ),
      onSuccess: () => toast.show({ message: "Sending again…" }),
      onError: (err) => toast.show({ tone: "error", message: err.message }),
      onSettled: () => refresh(),
    }),
  );

  return { query, items, insertOptimistic, replace, remove, refresh, retry };
}
