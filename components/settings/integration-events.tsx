"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { AlertIcon } from "@/components/ui/icons";
import { RelativeTime, formatFull } from "@/components/ui/relative-time";
import type { IntegrationEventItem } from "@/server/commerce/commerce.schemas";
import { Pill, type PillTone } from "@/components/ui/status-pill";

const PAGE = 20;

const STATUS: Record<IntegrationEventItem["status"], { tone: PillTone; label: string }> = {
  PROCESSED: { tone: "green", label: "Processed" },
  IGNORED: { tone: "slate", label: "Ignored" },
  FAILED: { tone: "red", label: "Failed" },
  RECEIVED: { tone: "amber", label: "Pending" },
};

/** The integration's latest deliveries (webhooks, API calls): what arrived, when, and whether it was stored. */
export function IntegrationEvents({ integrationId, name }: { integrationId: string; name: string }) {
  const trpc = useTRPC();
  const events = useInfiniteQuery(
    trpc.commerce.listIntegrationEvents.infiniteQueryOptions(
      { integrationId, limit: PAGE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, refetchInterval: 30_000 },
    ),
  );
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="border-t border-slate-100 px-5 py-4">
      <h4 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">Recent deliveries</h4>
      {events.isPending ? (
        <div aria-busy="true" aria-label={`Loading deliveries of ${name}`} className="flex flex-col gap-2">
          {[0, 1, 2].map((i) => (
            <div key={i} className="h-7 animate-pulse rounded bg-slate-100" />
          ))}
        </div>
      ) : events.isError ? (
        <div role="alert" className="flex items-center gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          <AlertIcon className="h-4 w-4 shrink-0" />
          <span className="flex-1">Could not load deliveries: {events.error.message}</span>
          <Button type="button" variant="secondary" className="h-7 px-2.5 py-0 text-xs" onClick={() => void events.refetch()}>
            Retry
          </Button>
        </div>
      ) : items.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-200 px-3 py-4 text-center text-sm text-slate-500">
          Nothing received yet. Deliveries show here as soon as the first webhook or API call arrives.
        </p>
      ) : (
        <>
          <table className="w-full table-fixed text-sm" aria-label={`Recent deliveries of ${name}`}>
            <thead>
              <tr className="border-b border-slate-100 text-left text-xs text-slate-500">
                <th scope="col" className="w-44 py-1.5 pr-3 font-medium">
                  Topic
                </th>
                <th scope="col" className="w-24 py-1.5 pr-3 font-medium">
                  Received
                </th>
                <th scope="col" className="w-28 py-1.5 pr-3 font-medium">
                  Status
                </th>
                <th scope="col" className="py-1.5 font-medium">
                  Details
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <EventRow key={e.id} event={e} />
              ))}
            </tbody>
          </table>
          {events.hasNextPage && (
            <Button
              type="button"
              variant="ghost"
              className="mt-2 h-8 px-2.5 py-0 text-xs"
              disabled={events.isFetchingNextPage}
              onClick={() => void events.fetchNextPage()}
            >
              {events.isFetchingNextPage ? "Loading…" : "Show older deliveries"}
            </Button>
          )}
        </>
      )}
    </div>
  );
}

function EventRow({ event: e }: { event: IntegrationEventItem }) {
  const status = STATUS[e.status];
  const detail = e.error ?? (e.deliveryId ? `Delivery ${e.deliveryId}` : e.provider === "api" ? "API call without Idempotency-Key" : "");
  return (
    <tr data-testid="integration-event" className="border-b border-slate-50 last:border-0">
      <td className="truncate py-1.5 pr-3 font-mono text-xs text-slate-700">{e.topic ?? "—"}</td>
      <td className="py-1.5 pr-3 text-xs text-slate-500">
        <span title={formatFull(e.receivedAt)}>
          <RelativeTime date={e.receivedAt} />
        </span>
      </td>
      <td className="py-1.5 pr-3">
        <Pill tone={status.tone}>{status.label}</Pill>
      </td>
      <td className={e.error ? "truncate py-1.5 text-xs text-red-700" : "truncate py-1.5 text-xs text-slate-400"} title={detail}>
        {detail}
        {e.attempts > 1 && <span className="ml-1.5 text-slate-400">· {e.attempts} attempts</span>}
      </td>
    </tr>
  );
}
