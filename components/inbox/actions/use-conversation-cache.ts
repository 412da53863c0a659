"use client";

import { useQueryClient, type InfiniteData, type QueryKey } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import type { ListPage, Priority, Status, TagInfo } from "../types";

/** Fields shared by list rows and the open conversation that optimistic updates may touch. */
export type ConversationPatch = Partial<{
  status: Status;
  snoozedUntil: Date | null;
  priority: Priority;
  assignee: { id: string; name: string } | null;
  team: { id: string; name: string } | null;
  tags: TagInfo[];
}>;
type Patchable = { tags: TagInfo[] };
export type CacheSnapshot = [QueryKey, unknown][];

/** Optimistic patches over every cached list page and the open conversation, with rollback and refresh. */
export function useConversationCache() {
  const trpc = useTRPC();
  const qc = useQueryClient();

  async function patch(ids: string[], fn: (c: Patchable) => ConversationPatch): Promise<CacheSnapshot> {
    const set = new Set(ids);
    const listFilter = trpc.inbox.list.infiniteQueryFilter();
    const detailKeys = ids.map((conversationId) => trpc.conversation.get.queryKey({ conversationId }));
    await Promise.all([qc.cancelQueries(listFilter), ...detailKeys.map((queryKey) => qc.cancelQueries({ queryKey }))]);
    const snapshot: CacheSnapshot = [
      ...qc.getQueriesData(listFilter),
      ...detailKeys.map((k): [QueryKey, unknown] => [k, qc.getQueryData(k)]),
    ];
    qc.setQueriesData<InfiniteData<ListPage>>(listFilter, (old) =>
      old ? { ...old, pages: old.pages.map((p) => ({ ...p, items: p.items.map((i) => (set.has(i.id) ? { ...i, ...fn(i) } : i)) })) } : old,
    );
    for (const key of detailKeys) {
      qc.setQueryData(key, (old) => {
        if (!old) return old;
        const p = fn(old.conversation);
        const ids = {
          ...(p.assignee !== undefined ? { assigneeId: p.assignee?.id ?? null } : {}),
          ...(p.team !== undefined ? { teamId: p.team?.id ?? null } : {}),
        };
        return { ...old, conversation: { ...old.conversation, ...p, ...ids } };
      });
    }
    return snapshot;
  }

  function rollback(snapshot: CacheSnapshot | undefined) {
    for (const [key, data] of snapshot ?? []) qc.setQueryData(key, data);
  }

  /** After a change settles: the server's truth for lists, counts and the touched conversations. */
  function refresh(ids: string[]) {
    void qc.invalidateQueries({ queryKey: trpc.inbox.list.pathKey() });
    void qc.invalidateQueries({ queryKey: trpc.inbox.counts.queryKey() });
    for (const conversationId of ids) {
      void qc.invalidateQueries({ queryKey: trpc.conversation.get.queryKey({ conversationId }) });
      void qc.invalidateQueries({ queryKey: trpc.conversation.messages.infiniteQueryKey({ conversationId }) });
    }
  }

  return { patch, rollback, refresh };
}

/** The server's tag naming (lowercase, dashes), so an optimistic tag looks like the real one. */
export function normalizeTagName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, "-");
}
