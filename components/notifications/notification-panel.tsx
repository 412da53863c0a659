"use client";

import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc";
import { DoubleCheckIcon } from "@/components/ui/icons";
import type { MarkReadInput, NotificationItem, NotificationPage } from "@/server/notifications/notifications.schemas";
import { NotificationRow } from "./notification-row";

const PAGE = 20;

/** The bell's popover: header with "Mark all as read", then the list with its loading, error and empty states. */
export function NotificationPanel({ unread, onNavigate }: { unread: number; onNavigate: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const list = useInfiniteQuery(
    trpc.notifications.list.infiniteQueryOptions(
      { limit: PAGE },
      // mounted only while open: always show what is current, not a minute-old copy
      { getNextPageParam: (last) => last.nextCursor ?? undefined, staleTime: 0 },
    ),
  );
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      // the badge and the highlight clear at once; the server's answer follows
      onMutate: async (input: MarkReadInput) => {
        await qc.cancelQueries({ queryKey: trpc.notifications.pathKey() });
        const now = new Date();
        const hit = (n: NotificationItem) => n.readAt === null && ("all" in input || input.ids.includes(n.id));
        let cleared = 0;
        qc.setQueriesData<InfiniteData<NotificationPage>>(trpc.notifications.list.infiniteQueryFilter(), (old) =>
          old
            ? {
                ...old,
                pages: old.pages.map((p) => ({
                  ...p,
                  items: p.items.map((n) => {
                    if (!hit(n)) return n;
                    cleared++;
                    return { ...n, readAt: now };
                  }),
                })),
              }
            : old,
        );
        qc.setQueryData(trpc.notifications.unreadCount.queryKey(), (old) =>
          old ? ("all" in input ? { count: 0, capped: false } : { ...old, count: Math.max(0, old.count - cleared) }) : old,
        );
      },
      onSettled: () => qc.invalidateQueries({ queryKey: trpc.notifications.pathKey() }),
    }),
  );

  function open(n: NotificationItem) {
    if (n.readAt === null) markRead.mutate({ ids: [n.id] });
    if (!n.conversation) return;
    onNavigate();
    router.push(`/inbox?c=${n.conversation.id}`);
  }

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="flex max-h-[min(36rem,calc(100vh-2rem))] flex-col">
      <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-3 py-2">
        <h2 className="text-sm font-semibold text-slate-900">Notifications</h2>
        <button
          type="button"
          disabled={unread === 0 || markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
          className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50 disabled:cursor-default disabled:text-slate-400 disabled:hover:bg-transparent"
        >
          <DoubleCheckIcon className="h-3.5 w-3.5" />
          Mark all as read
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-1">
        {list.isPending ? (
          <ul aria-label="Loading notifications" aria-busy="true" className="space-y-1">
            {[0, 1, 2].map((i) => (
              <li key={i} className="flex gap-3 px-2.5 py-2.5">
                <span className="h-7 w-7 shrink-0 animate-pulse rounded-full bg-slate-200" />
                <span className="flex-1 space-y-2 pt-1">
                  <span className="block h-3 w-4/5 animate-pulse rounded bg-slate-200" />
                  <span className="block h-3 w-3/5 animate-pulse rounded bg-slate-100" />
                </span>
              </li>
            ))}
          </ul>
        ) : list.isError ? (
          <div role="alert" className="px-4 py-8 text-center">
            <p className="text-sm text-slate-700">Couldn’t load notifications.</p>
            <button
              type="button"
              onClick={() => void list.refetch()}
              className="mt-2 rounded-md px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50"
            >
              Try again
            </button>
          </div>
        ) : items.length === 0 ? (
          <div className="px-4 py-10 text-center">
            <DoubleCheckIcon className="mx-auto h-6 w-6 text-emerald-500" />
            <p className="mt-2 text-sm font-medium text-slate-800">You’re all caught up</p>
            <p className="mt-0.5 text-xs text-slate-500">Mentions and assignments will show up here.</p>
          </div>
        ) : (
          <>
            <ul role="list" aria-label="Notifications" className="space-y-0.5">
              {items.map((n) => (
                <li key={n.id}>
                  <NotificationRow item={n} onOpen={() => open(n)} />
                </li>
              ))}
            </ul>
            {list.hasNextPage && (
              <button
                type="button"
                disabled={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
                className="mt-1 w-full rounded-md py-1.5 text-xs font-medium text-slate-600 hover:bg-slate-100 disabled:text-slate-400"
              >
                {list.isFetchingNextPage ? "Loading…" : "Show older"}
              </button>
            )}
          </>
        )}
      </div>
    </div>
  );
}
