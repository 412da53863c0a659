import clsx from "clsx";
import type { ComponentType } from "react";
import { AlertIcon, CheckCircleIcon, CloseIcon, NoteIcon, PackageIcon, ReplyIcon, TruckIcon } from "@/components/ui/icons";
import { formatFull } from "@/components/ui/relative-time";
import type { TimelineOrderEvent } from "./timeline-types";

type Look = { icon: ComponentType<{ className?: string }>; tone: string; verb: string };

const LOOK: Record<string, Look> = {
  PLACED: { icon: PackageIcon, tone: "bg-slate-100 text-slate-600", verb: "placed" },
  SHIPPED: { icon: TruckIcon, tone: "bg-sky-50 text-sky-700", verb: "shipped" },
  DELAYED: { icon: AlertIcon, tone: "bg-amber-50 text-amber-700", verb: "delayed" },
  OUT_FOR_DELIVERY: { icon: TruckIcon, tone: "bg-sky-50 text-sky-700", verb: "out for delivery" },
  DELIVERED: { icon: CheckCircleIcon, tone: "bg-emerald-50 text-emerald-700", verb: "delivered" },
  CANCELLED: { icon: CloseIcon, tone: "bg-red-50 text-red-700", verb: "cancelled" },
  REFUND_REQUESTED: { icon: ReplyIcon, tone: "bg-violet-50 text-violet-700", verb: "— refund requested" },
  CANCEL_REQUESTED: { icon: ReplyIcon, tone: "bg-violet-50 text-violet-700", verb: "— cancellation requested" },
  ADDRESS_CHANGE_REQUESTED: { icon: ReplyIcon, tone: "bg-violet-50 text-violet-700", verb: "— address change requested" },
  TRACKING_SENT: { icon: TruckIcon, tone: "bg-slate-100 text-slate-600", verb: "— tracking sent to the customer" },
  NOTE: { icon: NoteIcon, tone: "bg-slate-100 text-slate-600", verb: "— note" },
};

function money(cents: number, currency: string) {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

/** The line under the headline: what the event's data says (carrier, tracking, reason, who asked). */
function detail(e: TimelineOrderEvent): string | null {
  const d = (e.data && typeof e.data === "object" && !Array.isArray(e.data) ? e.data : {}) as Record<string, unknown>;
  const parts: (string | null)[] = [];
  if (e.kind === "PLACED") parts.push(money(e.order.totalCents, e.order.currency));
  if (e.kind === "SHIPPED" || e.kind === "DELIVERED") parts.push(str(d.carrier), str(d.trackingNumber));
  if (e.kind === "DELAYED") parts.push(str(d.reason), str(d.carrier));
  if (e.kind.endsWith("_REQUESTED") || e.kind === "CANCELLED") parts.push(str(d.reason));
  if (e.kind === "NOTE") parts.push(str(d.text) ?? str(d.body));
  if (e.actor) parts.push(`by ${e.actor.name}`);
  const text = parts.filter(Boolean).join(" · ");
  return text || null;
}

/** One order event on the customer's timeline: a compact line between the conversation cards. */
export function TimelineOrderEventRow({ event }: { event: TimelineOrderEvent }) {
  const look = LOOK[event.kind] ?? LOOK.NOTE!;
  const Icon = look.icon;
  const number = event.order.number.startsWith("#") ? event.order.number : `#${event.order.number}`;
  const trackingUrl = (event.data as { trackingUrl?: unknown } | null)?.trackingUrl;
  const sub = detail(event);
  return (
    <li data-testid="timeline-order-event" data-kind={event.kind} className="flex items-start gap-3 py-2 pl-1">
      <span className={clsx("mt-0.5 flex h-7 w-7 shrink-0 items-center justify-center rounded-full", look.tone)}>
        <Icon className="h-3.5 w-3.5" />
      </span>
      <div className="min-w-0 flex-1">
        <p className="text-sm text-slate-700">
          <span className="font-medium text-slate-900">Order {number}</span> {look.verb}
        </p>
        {sub && (
          <p className="truncate text-xs text-slate-500">
            {sub}
            {typeof trackingUrl === "string" && /^https:\/\//.test(trackingUrl) && (
              <>
                {" · "}
                <a href={trackingUrl} target="_blank" rel="noreferrer noopener" className="text-brand-700 hover:underline">
                  Track
                </a>
              </>
            )}
          </p>
        )}
      </div>
      <time dateTime={event.occurredAt.toISOString()} title={formatFull(event.occurredAt)} className="shrink-0 pt-1 text-xs text-slate-400">
        {event.occurredAt.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" })}
      </time>
    </li>
  );
}
