"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { RelativeTime, formatFull } from "@/components/ui/relative-time";
import { HistoryIcon } from "@/components/customers/panel/panel-icons";
import { movedSummary } from "./merge-summary";
import { useMergeActions } from "./use-merge-actions";

/** The customer's merges (kept or merged away), newest first, each with Undo while nothing later depends on it. */
export function MergeHistory({ customerId }: { customerId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.customers.mergeHistory.queryOptions({ customerId }));
  const { unmerge } = useMergeActions(customerId);
  if (query.isPending || query.isError || query.data.length === 0) {
    return (
      <section aria-label="Merge history" className="px-4 py-4">
        <h2 className="mb-2 flex items-center gap-1.5 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
          <HistoryIcon className="h-3.5 w-3.5" /> Merge history
        </h2>
        <p className="text-xs text-slate-500">{query.isError ? query.error.message : query.isPending ? "Loading…" : "Never merged."}</p>
      </section>
    );
  }
  return (
    <section aria-label="Merge history" data-testid="merge-history" className="px-4 py-4">
      <h2 className="mb-2 flex items-center gap-1.5 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
        <HistoryIcon className="h-3.5 w-3.5" /> Merge history
      </h2>
      <ol className="space-y-2.5">
        {query.data.map((m) => (
          <li key={m.id} data-testid="merge-history-item" className="rounded-md border border-slate-200 bg-white p-2.5 text-xs">
            <p className="text-slate-800">
              <span className="font-medium">{m.mergedName ?? "A customer"}</span> merged into{" "}
              <span className="font-medium">{m.keptName ?? "a customer"}</span>
            </p>
            <p className="mt-0.5 text-slate-500">
              {m.actorName ?? "Someone"} ·{" "}
              <span title={formatFull(m.createdAt)}>
                <RelativeTime date={m.createdAt} />
              </span>
              {movedSummary(m.counts) && ` · ${movedSummary(m.counts)}`}
            </p>
            <div className="mt-1.5 flex items-center justify-between">
              {m.undoneAt ? (
                <span className="text-slate-500">
                  Undone <RelativeTime date={m.undoneAt} />
                </span>
              ) : m.blockedById ? (
                <span className="text-amber-700">A later merge depends on it: undo that one first.</span>
              ) : (
                <span className="text-emerald-700">Active</span>
              )}
              {m.canUndo && (
                <button
                  type="button"
                  disabled={unmerge.isPending}
                  onClick={() => unmerge.mutate({ mergeRecordId: m.id })}
                  className="rounded-md border border-slate-300 bg-white px-2 py-0.5 font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50"
                >
                  {unmerge.isPending && unmerge.variables.mergeRecordId === m.id ? "Undoing…" : "Undo merge"}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
