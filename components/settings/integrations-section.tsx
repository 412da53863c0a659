"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { AlertIcon, PackageIcon } from "@/components/ui/icons";
import { IntegrationCard } from "./integration-card";

/** Settings → Integrations: where order data comes from (Shopify webhooks, the JSON API) and how it is doing. */
export function IntegrationsSection() {
  const trpc = useTRPC();
  const list = useQuery(trpc.commerce.listIntegrations.queryOptions(undefined, { refetchInterval: 60_000 }));

  return (
    <section aria-labelledby="integrations-heading" className="mx-auto w-full max-w-5xl px-8 py-6">
      <div className="mb-4">
        <h2 id="integrations-heading" className="text-base font-semibold text-slate-900">
          Integrations
        </h2>
        <p className="text-sm text-slate-500">
          Orders, shipments and customers from your store, beside every conversation. Shopify sends webhooks; other platforms post JSON.
        </p>
      </div>

      {list.isPending ? (
        <div aria-busy="true" aria-label="Loading integrations" className="rounded-lg border border-slate-200 bg-white p-5">
          <div className="flex items-center gap-3">
            <div className="h-9 w-9 animate-pulse rounded-lg bg-slate-100" />
            <div className="h-4 w-56 animate-pulse rounded bg-slate-100" />
          </div>
          <div className="mt-5 flex flex-col gap-3">
            {[0, 1, 2].map((i) => (
              <div key={i} className="h-7 animate-pulse rounded bg-slate-100" />
            ))}
          </div>
        </div>
      ) : list.isError ? (
        <div role="alert" className="flex items-center gap-3 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          <AlertIcon className="h-4 w-4 shrink-0" />
          <span className="flex-1">Could not load integrations: {list.error.message}</span>
          <Button type="button" variant="secondary" onClick={() => void list.refetch()}>
            Retry
          </Button>
        </div>
      ) : list.data.items.length === 0 ? (
        <div className="flex flex-col items-center rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <span className="mb-3 flex h-10 w-10 items-center justify-center rounded-full bg-brand-50 text-brand-600">
            <PackageIcon className="h-5 w-5" />
          </span>
          <p className="text-sm font-medium text-slate-800">No integrations yet</p>
          <p className="mt-1 max-w-sm text-sm text-slate-500">
            Connected stores show here with their webhook address. Orders can also be imported from a CSV file.
          </p>
        </div>
      ) : (
        <div className="flex flex-col gap-4">
          {list.data.items.map((i) => (
            <IntegrationCard key={i.id} integration={i} canManage={list.data.canManage} />
          ))}
        </div>
      )}
    </section>
  );
}
