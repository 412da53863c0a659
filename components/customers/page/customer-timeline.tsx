"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { TimelineConversationCard } from "./timeline-conversation";
import { TimelineOrderEventRow } from "./timeline-order-event";
import type { TimelineEntry } from "./timeline-types";

function dayLabel(d: Date, now: Date): string {
  const day = (x: Date) => new Date(x.getFullYear(), x.getMonth(), x.getDate()).getTime();
  const diff = Math.round((day(now) - day(d)) / 86_400_000);
  if (diff === 0) return "Today";
  if (diff === 1) return "Yesterday";
  return d.toLocaleDateString(undefined, {
    weekday: "short",
    month: "short",
    day: "numeric",
    year: d.getFullYear() === now.getFullYear() ? undefined : "numeric",
  });
}

function byDay(items: TimelineEntry[], now: Date): { label: string; items: TimelineEntry[] }[] {
  const groups: { label: string; items: TimelineEntry[] }[] = [];
  for (const e of items) {
    const label = dayLabel(e.at, now);
    const last = groups[groups.length - 1];
    if (last?.label === label) last.items.push(e);
    else groups.push({ label, items: [e] });
  }
  return groups;
}

/** The customer's story, newest first: conversations on every channel and order events, by day; older entries load on scroll. */
export function CustomerTimeline({ customerId, customerName }: { customerId: string; customerName: string }) {
  const trpc = useTRPC();
  const members = useQuery(trpc.workspace.members.queryOptions());
  const memberName = (id: string) => members.data?.find((m) => m.id === id)?.name;
  const query = useInfiniteQuery(
    trpc.customers.timeline.infiniteQueryOptions({ customerId, limit: 20 }, { getNextPageParam: (last) => last.nextCursor ?? undefined }),
  );
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    io.observe(el);
    return () => io.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (query.isPending) {
    return (
      <div aria-busy="true" aria-label="Loading the timeline" className="space-y-3">
        {[88, 40, 88, 40].map((h, i) => (
          <div key={i} className="animate-pulse rounded-lg border border-slate-200 bg-white" style={{ height: h }} />
        ))}
      </div>
    );
  }
  if (query.isError) {
    return (
      <div role="alert" className="rounded-lg border border-red-100 bg-white p-6 text-center">
        <p className="text-sm font-medium text-slate-700">Couldn&apos;t load the timeline</p>
        <p className="mt-1 text-sm text-slate-500">{query.error.message}</p>
        <Button variant="secondary" className="mt-3" onClick={() => void query.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  if (items.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-200 bg-white p-8 text-center">
        <p className="text-sm font-medium text-slate-700">Nothing here yet</p>
        <p className="mt-1 text-sm text-slate-500">Conversations on any channel and order updates will show up here.</p>
      </div>
    );
  }
  const now = new Date();
  return (
    <div data-testid="customer-timeline">
      {byDay(items, now).map((g) => (
        <section key={g.label} aria-label={g.label} className="mb-5">
          <h3 className="sticky top-0 z-10 -mx-1 mb-2 bg-slate-50/95 px-1 py-1 text-xs font-semibold tracking-wide text-slate-500 uppercase backdrop-blur">
            {g.label}
          </h3>
          <ol className="flex flex-col gap-2">
            {g.items.map((e) =>
              e.type === "conversation" ? (
                <TimelineConversationCard key={e.id} conversation={e.conversation} customerName={customerName} memberName={memberName} />
              ) : (
                <TimelineOrderEventRow key={e.id} event={e.event} />
              ),
            )}
          </ol>
        </section>
      ))}
      <div ref={sentinel} className="py-3 text-center text-xs text-slate-400">
        {isFetchingNextPage ? (
          "Loading older…"
        ) : hasNextPage ? (
          <button type="button" onClick={() => void fetchNextPage()} className="hover:text-slate-600">
            Load older
          </button>
        ) : (
          "The beginning of their history"
        )}
      </div>
    </div>
  );
}
