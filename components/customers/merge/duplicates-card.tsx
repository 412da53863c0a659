"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { ChannelIcon } from "@/components/inbox/channel-icon";
import { Avatar } from "@/components/ui/avatar";
import { UsersIcon } from "@/components/ui/icons";

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** Other customers sharing an e-mail or phone with this one, each with why it matched and a way to review the merge. */
export function DuplicatesCard({ customerId, onReview }: { customerId: string; onReview: (otherId: string) => void }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.customers.mergeSuggestions.queryOptions({ customerId }));
  return (
    <section aria-label="Possible duplicates" data-testid="duplicates-card" className="border-b border-slate-100 px-4 py-4">
      <h2 className="mb-2 flex items-center gap-1.5 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
        <UsersIcon className="h-3.5 w-3.5" /> Possible duplicates
        {query.data && query.data.length > 0 && (
          <span className="rounded-full bg-amber-100 px-1.5 text-amber-800 tabular-nums">{query.data.length}</span>
        )}
      </h2>
      {query.isPending ? (
        <div className="h-14 animate-pulse rounded-md bg-slate-100" />
      ) : query.isError ? (
        <p role="alert" className="text-xs text-red-600">
          {query.error.message}
        </p>
      ) : query.data.length === 0 ? (
        <p className="text-xs text-slate-500">No other customer shares this e-mail or phone.</p>
      ) : (
        <ul className="space-y-2">
          {query.data.map((s) => {
            const name = s.name ?? s.email ?? s.phone ?? "Unknown customer";
            return (
              <li key={s.id} data-testid="duplicate-suggestion" className="rounded-md border border-amber-200 bg-amber-50/50 p-2.5">
                <div className="flex items-center gap-2">
                  <Avatar name={name} size="sm" />
                  <a href={`/customers/${s.id}`} className="min-w-0 flex-1 truncate text-sm font-medium text-slate-900 hover:underline">
                    {name}
                  </a>
                  {s.channelKinds.map((k) => (
                    <ChannelIcon key={k} kind={k} size="xs" />
                  ))}
                </div>
                <p className="mt-1 text-xs text-slate-600">
                  Same {s.reasons.map((r) => `${r.kind === "email" ? "e-mail" : "phone"} ${r.value}`).join(", ")}
                </p>
                <div className="mt-1.5 flex items-center justify-between">
                  <span className="text-[11px] text-slate-500">
                    {plural(s.conversationCount, "conversation")} · {plural(s.orderCount, "order")}
                  </span>
                  <button
                    type="button"
                    onClick={() => onReview(s.id)}
                    className="rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50"
                  >
                    Review merge
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
