"use client";

import type { UseInfiniteQueryResult, InfiniteData } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { ConversationRow, ROW_HEIGHT, rowHeight } from "./conversation-row";
import type { ConversationItem, ListPage } from "./types";

type ListQuery = UseInfiniteQueryResult<InfiniteData<ListPage>, { message: string }>;

/** The virtualised, keyset-paginated conversation list (infinite scroll); focus, selection and the open row come from the screen. */
export function ConversationList({
  query,
  items,
  emptyText,
  focusIndex,
  openId,
  selected,
  onOpen,
  onToggle,
}: {
  query: ListQuery;
  items: ConversationItem[];
  emptyText: string;
  focusIndex: number;
  openId: string | null;
  selected: ReadonlySet<string>;
  onOpen: (index: number) => void;
  onToggle: (index: number, range: boolean) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // the virtualizer's functions change every render, so the React Compiler skips this component on purpose
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (items[i] ? rowHeight(items[i]) : ROW_HEIGHT),
    overscan: 8,
    getItemKey: (i) => items[i]?.id ?? i,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? -1;

  // infinite scroll: fetch the next keyset page when the last rendered row nears the end
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (lastIndex >= items.length - 10 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [lastIndex, items.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  // keyboard focus follows j/k: keep the focused row in view
  useEffect(() => {
    if (focusIndex >= 0) virtualizer.scrollToIndex(focusIndex, { align: "auto" });
  }, [focusIndex, virtualizer]);

  if (query.isPending) {
    return (
      <div aria-busy="true" aria-label="Loading conversations" className="flex-1 overflow-hidden">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="flex gap-3 border-b border-slate-100 px-4 py-3" style={{ height: ROW_HEIGHT }}>
            <div className="h-6 w-6 animate-pulse rounded-md bg-slate-100" />
            <div className="flex-1 space-y-2">
              <div className="h-3 w-1/3 animate-pulse rounded bg-slate-100" />
              <div className="h-3 w-4/5 animate-pulse rounded bg-slate-100" />
            </div>
          </div>
        ))}
      </div>
    );
  }
  if (query.isError) {
    return (
      <div role="alert" className="flex flex-1 flex-col items-center justify-center gap-3 p-6 text-center">
        <p className="text-sm font-medium text-slate-700">Couldn&apos;t load conversations</p>
        <p className="text-sm text-slate-500">{query.error.message}</p>
        <Button variant="secondary" onClick={() => void query.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  if (items.length === 0) {
    return (
      <div className="flex flex-1 flex-col items-center justify-center gap-1 p-6 text-center">
        <p className="text-sm font-medium text-slate-700">Nothing here</p>
        <p className="text-sm text-slate-500">{emptyText}</p>
      </div>
    );
  }
  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto" data-testid="conversation-list">
      <ul aria-label="Conversation list" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualItems.map((v) => {
          const item = items[v.index];
          if (!item) return null;
          return (
            <li key={item.id} className="absolute top-0 left-0 w-full" style={{ height: v.size, transform: `translateY(${v.start}px)` }}>
              <ConversationRow
                item={item}
                focused={v.index === focusIndex}
                open={item.id === openId}
                selected={selected.has(item.id)}
                onOpen={() => onOpen(v.index)}
                onToggle={(range) => onToggle(v.index, range)}
              />
            </li>
          );
        })}
      </ul>
      {isFetchingNextPage && <p className="py-3 text-center text-xs text-slate-400">Loading more…</p>}
    </div>
  );
}
