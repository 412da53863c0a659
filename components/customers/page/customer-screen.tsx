"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { CustomerPanel } from "@/components/customers/panel/customer-panel";
import { DuplicatesCard } from "@/components/customers/merge/duplicates-card";
import { MergeDialog } from "@/components/customers/merge/merge-dialog";
import { MergeHistory } from "@/components/customers/merge/merge-history";
import { Button } from "@/components/ui/button";
import { CustomerHeader, customerName } from "./customer-header";
import { CustomerTimeline } from "./customer-timeline";

/**
 * /customers/[id]: the header, the customer panel (profile, tags, notes, orders) on the left, their whole story
 * across channels in the middle, and for leads and admins possible duplicates and merge history on the right.
 */
export function CustomerScreen({ customerId }: { customerId: string }) {
  const trpc = useTRPC();
  const summary = useQuery(trpc.customers.summary.queryOptions({ customerId }));
  const me = useQuery(trpc.workspace.me.queryOptions());
  const canMerge = new Set<string>(me.data?.permissions ?? []).has("customers.merge");
  const [merging, setMerging] = useState<{ otherId?: string } | null>(null);

  if (summary.isPending) {
    return (
      <div aria-busy="true" aria-label="Loading the customer" className="flex h-screen flex-col">
        <div className="h-24 animate-pulse border-b border-slate-200 bg-white" />
        <div className="flex-1 bg-slate-50" />
      </div>
    );
  }
  if (summary.isError) {
    const missing = summary.error.data?.code === "NOT_FOUND";
    return (
      <div className="m-auto max-w-sm p-8 text-center" role={missing ? undefined : "alert"}>
        <p className="text-sm font-medium text-slate-700">{missing ? "Customer not found" : "Couldn't load the customer"}</p>
        <p className="mt-1 text-sm text-slate-500">
          {missing ? "They may be outside your queues, or the link is wrong." : summary.error.message}
        </p>
        <div className="mt-4 flex justify-center gap-2">
          {!missing && (
            <Button variant="secondary" onClick={() => void summary.refetch()}>
              Try again
            </Button>
          )}
          <Link href="/inbox" className="rounded-md px-3.5 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50">
            Back to the inbox
          </Link>
        </div>
      </div>
    );
  }
  const data = summary.data;
  return (
    <div className="flex h-screen min-h-0 flex-col" data-testid="customer-page" data-customer-id={customerId}>
      <CustomerHeader summary={data} canMerge={canMerge} onMerge={() => setMerging({})} />
      <div className="flex min-h-0 flex-1">
        <aside aria-label="Customer details" className="w-[22rem] shrink-0 overflow-y-auto border-r border-slate-200 bg-white">
          <CustomerPanel customerId={customerId} />
        </aside>
        <main aria-label="Timeline" className="min-w-0 flex-1 overflow-y-auto bg-slate-50 px-6 py-4">
          <div className="mx-auto max-w-3xl">
            <h2 className="mb-3 text-sm font-semibold text-slate-900">Timeline</h2>
            <CustomerTimeline customerId={customerId} customerName={customerName(data)} />
          </div>
        </main>
        {canMerge && (
          <aside aria-label="Duplicates and merges" className="w-80 shrink-0 overflow-y-auto border-l border-slate-200 bg-white">
            {!data.mergedInto && <DuplicatesCard customerId={customerId} onReview={(otherId) => setMerging({ otherId })} />}
            <MergeHistory customerId={customerId} />
          </aside>
        )}
      </div>
      {merging && <MergeDialog currentId={customerId} initialOtherId={merging.otherId} onClose={() => setMerging(null)} />}
    </div>
  );
}
