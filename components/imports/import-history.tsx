"use client";

import clsx from "clsx";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { AlertIcon } from "@/components/ui/icons";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ImportJobSummary } from "@/server/commerce/import.schemas";
import { StatusPill } from "./import-header";
import { KIND_LABEL, formatNumber, plural } from "./labels";

function outcome(job: ImportJobSummary): string {
  const c = job.counts;
  const changes = (created: number | undefined, one: string, updated: number | undefined) =>
    [plural(created ?? 0, `new ${one}`, `new ${one}s`), updated ? `${formatNumber(updated)} updated` : null].filter(Boolean).join(" · ");
  switch (job.status) {
    case "SUCCEEDED":
      return job.kind === "customers"
        ? changes(c.customersCreated, "customer", c.customersUpdated)
        : job.kind === "orders"
          ? changes(c.ordersCreated, "order", c.ordersUpdated)
          : changes(c.fulfillmentsCreated, "shipment", c.fulfillmentsUpdated);
    case "FAILED":
      return job.failureReason ?? "Failed";
    case "PREVIEWED":
      return job.errorCount ? `${plural(job.errorCount, "problem")} in the file` : "Checked, waiting for confirmation";
    case "RUNNING":
      return `${Math.round(((job.checkedRows + job.processedRows) / Math.max(2, 2 * job.totalRows)) * 100)}% done`;
    case "QUEUED":
      return "Waiting for a worker";
    case "CANCELLED":
      return job.errorCount ? `Discarded: ${plural(job.errorCount, "problem")} in the file` : "Discarded before importing";
  }
}

/** Past imports of the workspace, newest first (keyset pages of 10). */
export function ImportHistory({ selectedId, onOpen }: { selectedId: string | null; onOpen: (id: string) => void }) {
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.commerce.listImports.infiniteQueryOptions(
      { limit: 10 },
      {
        getNextPageParam: (last) => last.nextCursor,
        // keep a running import's row moving
        refetchInterval: (q) =>
          q.state.data?.pages.some((p) => p.items.some((i) => i.status === "RUNNING" || i.status === "QUEUED")) ? 2000 : false,
      },
    ),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section aria-labelledby="import-history-heading" className="mt-8">
      <h3 id="import-history-heading" className="mb-2 text-sm font-semibold text-slate-900">
        Past imports
      </h3>
      {list.isPending ? (
        <div
          aria-busy="true"
          aria-label="Loading past imports"
          className="h-24 animate-pulse rounded-lg border border-slate-200 bg-white"
        />
      ) : list.isError ? (
        <div role="alert" className="flex items-center gap-3 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          <AlertIcon className="h-4 w-4" /> Could not load past imports: {list.error.message}
          <Button type="button" variant="secondary" className="ml-auto" onClick={() => void list.refetch()}>
            Retry
          </Button>
        </div>
      ) : items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-500">
          No imports yet. Files you upload are listed here with what they did.
        </p>
      ) : (
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm" aria-label="Past imports">
            <thead className="bg-slate-50 text-left text-xs text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  File
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Status
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  Rows
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Result
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  When
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((job) => (
                <tr
                  key={job.id}
                  data-testid="import-history-row"
                  className={clsx("hover:bg-slate-50", job.id === selectedId && "bg-brand-50/50")}
                >
                  <td className="max-w-64 px-4 py-2">
                    <button
                      type="button"
                      onClick={() => onOpen(job.id)}
                      className="block max-w-full truncate text-left font-medium text-slate-900 hover:text-brand-700 hover:underline focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
                    >
                      {job.filename}
                    </button>
                    <span className="text-xs text-slate-500">
                      {KIND_LABEL[job.kind]}
                      {job.createdBy ? ` · ${job.createdBy.name}` : ""}
                    </span>
                  </td>
                  <td className="px-3 py-2">
                    <StatusPill status={job.status} errorCount={job.errorCount} />
                  </td>
                  <td className="px-3 py-2 text-right text-slate-700 tabular-nums">{formatNumber(job.totalRows)}</td>
                  <td className="max-w-72 truncate px-3 py-2 text-slate-600" title={outcome(job)}>
                    {outcome(job)}
                  </td>
                  <td className="px-4 py-2 text-right text-xs whitespace-nowrap text-slate-500">
                    <RelativeTime date={job.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.hasNextPage && (
            <div className="border-t border-slate-100 px-4 py-2 text-center">
              <Button type="button" variant="ghost" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {list.isFetchingNextPage ? "Loading…" : "Show older imports"}
              </Button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
