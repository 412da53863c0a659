"use client";

import clsx from "clsx";
import { ExternalIcon } from "@/components/ui/icons";
import { formatFull } from "@/components/ui/relative-time";
import { ImageIcon } from "./panel-icons";
import { Badge, FULFILLMENT_TONE, dayDate, humanize, money, type PanelOrder } from "./panel-ui";

type Event = PanelOrder["timeline"][number];

const EVENT_LABEL: Record<string, string> = {
  PLACED: "Order placed",
  PAID: "Payment captured",
  SHIPPED: "Shipped",
  DELAYED: "Delayed",
  OUT_FOR_DELIVERY: "Out for delivery",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
  REFUND_REQUESTED: "Refund requested",
  CANCEL_REQUESTED: "Cancellation requested",
  ADDRESS_CHANGE_REQUESTED: "Address change requested",
  TRACKING_SENT: "Tracking sent to the customer",
  NOTE: "Note",
};
const EVENT_DOT: Record<string, string> = {
  DELAYED: "bg-red-500",
  CANCELLED: "bg-slate-400",
  DELIVERED: "bg-emerald-500",
  REFUND_REQUESTED: "bg-violet-500",
  CANCEL_REQUESTED: "bg-violet-500",
  ADDRESS_CHANGE_REQUESTED: "bg-violet-500",
  TRACKING_SENT: "bg-brand-500",
};

function eventDetail(e: Event, currency: string): string | null {
  const d = (e.data && typeof e.data === "object" && !Array.isArray(e.data) ? e.data : {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof d.amountCents === "number") parts.push(money(d.amountCents, typeof d.currency === "string" ? d.currency : currency));
  if (typeof d.carrier === "string" && e.kind !== "TRACKING_SENT") parts.push(d.carrier);
  if (typeof d.reason === "string") parts.push(d.reason);
  if (e.kind === "TRACKING_SENT" && typeof d.trackingNumber === "string") parts.push(d.trackingNumber);
  return parts.length ? parts.join(" · ") : null;
}

function address(raw: unknown): string | null {
  if (!raw || typeof raw !== "object") return null;
  const a = raw as Record<string, unknown>;
  const s = (k: string) => (typeof a[k] === "string" ? a[k] : "");
  return [
    s("address1"),
    s("address2"),
    [s("city"), [s("province"), s("zip")].filter(Boolean).join(" ")].filter(Boolean).join(", "),
    s("country"),
  ]
    .filter(Boolean)
    .join(", ");
}

/** The expanded order: line items with images, totals, shipping address, every shipment, the timeline. */
export function OrderDetails({ order }: { order: PanelOrder }) {
  const ship = address(order.shippingAddress);
  return (
    <div className="space-y-3 px-2.5 py-2.5">
      <ul className="space-y-1.5" aria-label="Items">
        {order.items.map((i) => (
          <li key={i.id} className="flex items-center gap-2">
            {i.imageUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- product images come from the store's CDN
              <img src={i.imageUrl} alt="" loading="lazy" className="h-8 w-8 shrink-0 rounded border border-slate-100 object-cover" />
            ) : (
              <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded border border-slate-100 bg-slate-50 text-slate-300">
                <ImageIcon className="h-4 w-4" />
              </span>
            )}
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium text-slate-800" title={i.productName}>
                {i.productName}
              </span>
              <span className="block truncate text-[11px] text-slate-400">{[i.variant, i.sku].filter(Boolean).join(" · ")}</span>
            </span>
            <span className="shrink-0 text-right text-slate-600 tabular-nums">
              {i.quantity} × {money(i.priceCents, order.currency)}
            </span>
          </li>
        ))}
      </ul>
      <dl className="grid grid-cols-2 gap-y-0.5 border-t border-slate-100 pt-2 text-slate-500 tabular-nums">
        <dt>Subtotal</dt>
        <dd className="text-right">{money(order.subtotalCents, order.currency)}</dd>
        <dt>Shipping</dt>
        <dd className="text-right">{order.shippingCents ? money(order.shippingCents, order.currency) : "Free"}</dd>
        <dt>Tax</dt>
        <dd className="text-right">{money(order.taxCents, order.currency)}</dd>
        <dt className="font-semibold text-slate-800">Total</dt>
        <dd className="text-right font-semibold text-slate-800">{money(order.totalCents, order.currency)}</dd>
      </dl>
      {ship && (
        <p className="text-slate-500">
          <span className="font-medium text-slate-700">Ships to</span> {ship}
        </p>
      )}
      {order.fulfillments.length > 0 && (
        <div>
          <h4 className="mb-1 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">Shipments</h4>
          <ul className="space-y-1.5">
            {order.fulfillments.map((f) => (
              <li key={f.id} className="rounded-md bg-slate-50 px-2 py-1.5">
                <p className="flex items-center gap-1.5">
                  <span className="font-medium text-slate-800">{f.carrier ?? "Carrier unknown"}</span>
                  <Badge tone={FULFILLMENT_TONE[f.status]}>{humanize(f.status)}</Badge>
                  {f.delayed && <Badge tone="red">Delayed</Badge>}
                </p>
                {f.trackingNumber && (
                  <p className="mt-0.5 flex items-center gap-1 text-slate-600">
                    <span className="truncate font-mono text-[11px]">{f.trackingNumber}</span>
                    {f.trackingUrl && (
                      <a
                        href={f.trackingUrl}
                        target="_blank"
                        rel="noopener noreferrer"
                        className="ml-auto flex shrink-0 items-center gap-0.5 text-brand-600 hover:underline"
                      >
                        Track <ExternalIcon className="h-3 w-3" />
                      </a>
                    )}
                  </p>
                )}
                <p className="mt-0.5 text-[11px] text-slate-500">
                  {[
                    f.shippedAt && `Shipped ${dayDate(f.shippedAt)}`,
                    f.deliveredAt ? `Delivered ${dayDate(f.deliveredAt)}` : f.eta && `ETA ${dayDate(f.eta)}`,
                  ]
                    .filter(Boolean)
                    .join(" · ") || "Not shipped yet"}
                </p>
                {f.delayReason && <p className="mt-0.5 text-[11px] text-red-700">{f.delayReason}</p>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {order.timeline.length > 0 && (
        <div>
          <h4 className="mb-1 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">Timeline</h4>
          <ol className="relative space-y-1.5 border-l border-slate-200 pl-3" data-testid="order-timeline">
            {order.timeline.map((e) => {
              const detail = eventDetail(e, order.currency);
              return (
                <li key={e.id} className="relative">
                  <span
                    className={clsx(
                      "absolute top-1.5 -left-[15.5px] h-2 w-2 rounded-full ring-2 ring-white",
                      EVENT_DOT[e.kind] ?? "bg-slate-300",
                    )}
                  />
                  <p className="text-slate-700">
                    <span className="font-medium">{EVENT_LABEL[e.kind] ?? humanize(e.kind)}</span>
                    {e.actorName && <span className="text-slate-500"> by {e.actorName}</span>}
                  </p>
                  {detail && <p className="text-[11px] break-words text-slate-500">{detail}</p>}
                  <p className="text-[11px] text-slate-400">{formatFull(e.occurredAt)}</p>
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </div>
  );
}
