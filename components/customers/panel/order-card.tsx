"use client";

import clsx from "clsx";
import { useId, useState } from "react";
import { useNow } from "@/components/ui/relative-time";
import { AlertIcon, ChevronDownIcon, ExternalIcon, PackageIcon, TruckIcon } from "@/components/ui/icons";
import { OrderActionsBar } from "./order-actions-bar";
import { OrderDetails } from "./order-details";
import { Badge, FULFILLMENT_TONE, PAYMENT_TONE, dayDate, humanize, money, shortDate, type PanelOrder } from "./panel-ui";
import { trackedFulfillment, type OrderTracking } from "./use-order-tracking";

/** One order: collapsed it answers "what and where is it"; expanded it shows items, shipments and its timeline. */
export function OrderCard({
  order,
  conversationId,
  tracking,
  canRequest,
  canUseReplies,
  defaultOpen = false,
}: {
  order: PanelOrder;
  conversationId?: string;
  tracking: OrderTracking;
  canRequest: boolean;
  canUseReplies: boolean;
  defaultOpen?: boolean;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const detailsId = useId();
  const f = trackedFulfillment(order);
  const cancelled = order.status === "CANCELLED";
  const now = useNow();
  const late = f?.eta && !f.deliveredAt && now !== null && f.eta.getTime() < now.getTime();
  return (
    <li
      data-testid="order-card"
      data-order-number={order.number}
      data-delayed={order.delayed || undefined}
      className={clsx(
        "rounded-lg border bg-white text-xs",
        order.delayed ? "border-red-200" : order.backordered ? "border-amber-200" : "border-slate-200",
      )}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls={detailsId}
        data-testid="order-toggle"
        onClick={() => setOpen(!open)}
        className="flex w-full items-start gap-2 rounded-t-lg px-2.5 pt-2 pb-1.5 text-left hover:bg-slate-50/70 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
      >
        <PackageIcon className="mt-0.5 h-4 w-4 text-slate-400" />
        <span className="min-w-0 flex-1">
          <span className="flex items-baseline gap-1.5">
            <span className="text-sm font-semibold text-slate-900">{order.number}</span>
            <span className="truncate text-slate-400" title={order.placedAt.toLocaleString()}>
              {shortDate(order.placedAt)}
            </span>
            <span
              className={clsx("ml-auto text-sm font-medium tabular-nums", cancelled ? "text-slate-400 line-through" : "text-slate-800")}
            >
              {money(order.totalCents, order.currency)}
            </span>
          </span>
          <span className="mt-1 flex flex-wrap gap-1">
            {order.delayed && (
              <Badge tone="red" title={order.delayReason ?? undefined}>
                <AlertIcon className="h-3 w-3" /> DELAYED
              </Badge>
            )}
            {order.backordered && <Badge tone="amber">BACKORDERED</Badge>}
            {cancelled ? (
              <Badge>Cancelled</Badge>
            ) : (
              !(order.backordered && order.fulfillmentStatus === "BACKORDERED") && (
                <Badge tone={FULFILLMENT_TONE[order.fulfillmentStatus]}>{humanize(order.fulfillmentStatus)}</Badge>
              )
            )}
            <Badge tone={PAYMENT_TONE[order.financialStatus]}>{humanize(order.financialStatus)}</Badge>
          </span>
        </span>
        <ChevronDownIcon className={clsx("mt-0.5 h-4 w-4 text-slate-400 transition-transform", open && "rotate-180")} />
      </button>
      <div className="space-y-1.5 px-2.5 pb-1.5 pl-8.5">
        {order.delayed && order.delayReason && <p className="text-red-700">{order.delayReason}</p>}
        {f && (
          <p className="flex min-w-0 items-center gap-1.5 text-slate-600">
            <TruckIcon className="h-3.5 w-3.5 text-slate-400" />
            <span className="truncate">{[f.carrier, f.trackingNumber].filter(Boolean).join(" · ")}</span>
            {f.trackingUrl && (
              <a
                href={f.trackingUrl}
                target="_blank"
                rel="noopener noreferrer"
                data-testid="tracking-link"
                className="ml-auto flex shrink-0 items-center gap-0.5 font-medium text-brand-600 hover:underline"
              >
                Track <ExternalIcon className="h-3 w-3" />
              </a>
            )}
          </p>
        )}
        {f?.eta && !f.deliveredAt && (
          <p className={clsx("pl-5", late ? "text-red-700" : "text-slate-500")}>
            {late ? "Was due" : "ETA"} {dayDate(f.eta)}
          </p>
        )}
        {f?.deliveredAt && <p className="pl-5 text-emerald-700">Delivered {dayDate(f.deliveredAt)}</p>}
      </div>
      <div className="px-2.5 pb-2">
        <OrderActionsBar
          order={order}
          conversationId={conversationId}
          tracking={tracking}
          canRequest={canRequest}
          canUseReplies={canUseReplies}
        />
      </div>
      {open && (
        <div id={detailsId} className="border-t border-slate-100">
          <OrderDetails order={order} />
        </div>
      )}
    </li>
  );
}
