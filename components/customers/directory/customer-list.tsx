"use client";

import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { CustomerRow, GRID, ListHeader, ROW_HEIGHT, type CustomerListItem } from "./customer-row";

type Page = { items: CustomerListItem[]; nextCursor: string | null };
type ListQuery = UseInfiniteQueryResult<InfiniteData<Page>, { message: string }>;

/** The virtualised, keyset-paginated directory (infinite scroll); the focused row follows j/k. */
export function CustomerList({
  query,
  items,
  focusIndex,
  filtered,
  onClearFilters,
}: {
  query: ListQuery;
  items: CustomerListItem[];
  focusIndex: number;
  filtered: boolean;
  onClearFilters: () => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // the virtualizer's functions change every render, so the React Compiler skips this component on purpose
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (i) => items[i]?.id ?? i,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? -1;

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (lastIndex >= items.length - 15 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [lastIndex, items.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  // j/k move the keyboard focus itself onto the row's link: Enter then opens it like any link, and screen readers follow
  const focusId = focusIndex >= 0 ? items[focusIndex]?.id : undefined;
  useEffect(() => {
    if (focusIndex < 0 || !focusId) return;
    virtualizer.scrollToIndex(focusIndex, { align: "auto" });
    const frame = requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-testid="customer-row"][data-id="${focusId}"]`)?.focus({ preventScroll: true }),
    );
    return () => cancelAnimationFrame(frame);
  }, [focusIndex, focusId, virtualizer]);

  if (query.isPending) {
    return (
      <div aria-busy="true" aria-label="Loading customers" className="flex-1 overflow-hidden">
        <ListHeader />
        {Array.from({ length: 10 }, (_, i) => (
          <div key={i} className={`${GRID} border-b border-slate-100 px-5`} style={{ height: ROW_HEIGHT }}>
            <div className="flex items-center gap-3">
              <div className="h-8 w-8 animate-pulse rounded-full bg-slate-100" />
              <div className="flex-1 space-y-1.5">
                <div className="h-3 w-2/5 animate-pulse rounded bg-slate-100" />
                <div className="h-2.5 w-3/5 animate-pulse rounded bg-slate-100" />
              </div>
            </div>
            <div className="h-3 w-12 animate-pulse rounded bg-slate-100" />
            <div className="h-3 w-16 animate-pulse rounded bg-slate-100" />
          </div>
        ))}
      </div>
    );
  }
  if (query.isError) {
    return (
      <div role="alert" className="flex flex-1 flex-col items-center justify-center gap-3 p-6 text-center">
        <p className="text-sm font-medium text-slate-700">Couldn&apos;t load customers</p>
        <p className="text-sm text-slate-500">{query.error.message}</p>
        <Button variant="secondary" onClick={() => void query.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  if (items.length === 0) {
    return (
      <div className="flex flex-1 flex-col items-center justify-center gap-1 p-6 text-center" data-testid="customers-empty">
        <p className="text-sm font-medium text-slate-700">{filtered ? "No customers match" : "No customers yet"}</p>
        <p className="text-sm text-slate-500">
          {filtered
            ? "Try another name, e-mail, phone or order number, or fewer filters."
            : "Everyone who contacts you on any channel, or orders from your shop, appears here."}
        </p>
        {filtered && (
          <Button variant="secondary" className="mt-3" onClick={onClearFilters}>
            Clear search and filters
          </Button>
        )}
      </div>
    );
  }
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <ListHeader />
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto" data-testid="customer-list">
        <ul aria-label="Customers" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {virtualItems.map((v) => {
            const item = items[v.index];
            if (!item) return null;
            return (
              <li key={item.id} className="absolute top-0 left-0 w-full" style={{ height: v.size, transform: `translateY(${v.start}px)` }}>
                <CustomerRow item={item} focused={v.index === focusIndex} />
              </li>
            );
          })}
        </ul>
        {isFetchingNextPage && <p className="py-3 text-center text-xs text-slate-400">Loading more…</p>}
        {!hasNextPage && items.length > 20 && <p className="py-4 text-center text-xs text-slate-400">That&apos;s everyone.</p>}
      </div>
    </div>
  );
}
