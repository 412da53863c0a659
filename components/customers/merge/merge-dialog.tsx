"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { SearchIcon } from "@/components/ui/icons";
import { Modal } from "@/components/ui/modal";
import { MergePreview } from "./merge-preview";
import { useMergeActions } from "./use-merge-actions";

/** Finds the other customer by name, e-mail, phone or order number (search.customers), best match first. */
function PickCustomer({ excludeId, onPick }: { excludeId: string; onPick: (id: string) => void }) {
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text]);
  const hits = useQuery({ ...trpc.search.customers.queryOptions({ q, limit: 8 }), enabled: q.length >= 2 });
  const rows = (hits.data ?? []).filter((h) => h.id !== excludeId);
  return (
    <div className="space-y-2">
      <div className="relative">
        <SearchIcon className="pointer-events-none absolute top-2.5 left-2.5 h-4 w-4 text-slate-400" />
        <input
          data-autofocus=""
          autoFocus
          aria-label="Find the other customer"
          placeholder="Name, e-mail, phone or order number"
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="h-9 w-full rounded-md border border-slate-300 pr-2 pl-8 text-sm focus:border-brand-500 focus:ring-1 focus:ring-brand-500 focus:outline-none"
        />
      </div>
      <ul aria-label="Customers found" className="max-h-64 overflow-y-auto">
        {q.length < 2 && <li className="px-1 py-2 text-sm text-slate-400">Type at least 2 characters.</li>}
        {q.length >= 2 && hits.isPending && <li className="px-1 py-2 text-sm text-slate-400">Searching…</li>}
        {q.length >= 2 && hits.isSuccess && rows.length === 0 && (
          <li className="px-1 py-2 text-sm text-slate-400">No other customer matches.</li>
        )}
        {rows.map((h) => (
          <li key={h.id}>
            <button
              type="button"
              onClick={() => onPick(h.id)}
              className="flex w-full items-center gap-2.5 rounded-md px-2 py-1.5 text-left hover:bg-slate-50 focus-visible:bg-slate-100 focus-visible:outline-none"
            >
              <Avatar name={h.name ?? h.email} size="sm" />
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm font-medium text-slate-900">{h.name ?? h.email ?? h.phone}</span>
                <span className="block truncate text-xs text-slate-500">{[h.email, h.phone].filter(Boolean).join(" · ")}</span>
              </span>
              <span className="shrink-0 text-[11px] text-slate-400">{h.matched}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Merge two customers: pick the other one (or come with a suggestion), see exactly what moves and which values
 * win, swap which record is kept, confirm. Undo stays available in the merge history.
 */
export function MergeDialog({ currentId, initialOtherId, onClose }: { currentId: string; initialOtherId?: string; onClose: () => void }) {
  const trpc = useTRPC();
  const [otherId, setOtherId] = useState<string | null>(initialOtherId ?? null);
  const [keepCurrent, setKeepCurrent] = useState(true);
  const pair = otherId ? (keepCurrent ? { keepId: currentId, mergeId: otherId } : { keepId: otherId, mergeId: currentId }) : null;
  const preview = useQuery({
    ...trpc.customers.mergePreview.queryOptions(pair ?? { keepId: currentId, mergeId: currentId }),
    enabled: pair !== null,
  });
  const { merge } = useMergeActions(currentId);
  const keptName = preview.data ? (preview.data.keep.name ?? preview.data.keep.email ?? "the kept customer") : "";

  return (
    <Modal title="Merge customers" onClose={onClose} className="max-w-2xl!">
      <div className="max-h-[70vh] overflow-y-auto px-5 py-4" data-testid="merge-dialog">
        {!pair ? (
          <PickCustomer excludeId={currentId} onPick={setOtherId} />
        ) : preview.isPending ? (
          <div aria-busy="true" className="space-y-3">
            <div className="h-24 animate-pulse rounded-lg bg-slate-100" />
            <div className="h-10 animate-pulse rounded-lg bg-slate-100" />
          </div>
        ) : preview.isError ? (
          <p role="alert" className="text-sm text-red-600">
            {preview.error.message}
          </p>
        ) : (
          <MergePreview data={preview.data} onSwap={() => setKeepCurrent((k) => !k)} />
        )}
      </div>
      <div className="flex items-center gap-2 border-t border-slate-100 bg-slate-50 px-5 py-3">
        <p className="mr-auto text-xs text-slate-500">
          {pair ? "You can undo this later from Merge history." : "Pick the duplicate to merge."}
        </p>
        {pair && !initialOtherId && (
          <Button variant="ghost" onClick={() => setOtherId(null)}>
            Back
          </Button>
        )}
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        {pair && (
          <Button
            disabled={!preview.isSuccess || merge.isPending}
            onClick={() => merge.mutate(pair, { onSuccess: onClose })}
            className="max-w-72 whitespace-nowrap"
          >
            <span className="truncate">{merge.isPending ? "Merging…" : `Merge into ${keptName}`}</span>
          </Button>
        )}
      </div>
    </Modal>
  );
}
