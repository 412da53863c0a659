"use client";

import clsx from "clsx";
import type { ReactNode } from "react";
import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { AlertIcon, ExternalIcon, MailIcon, PackageIcon, PhoneIcon, TruckIcon } from "@/components/ui/icons";
import { RelativeTime, formatFull } from "@/components/ui/relative-time";
import { ChannelIcon } from "@/components/inbox/channel-icon";
import type { ConversationDetail } from "@/components/inbox/types";

type Order = NonNullable<ConversationDetail["customer"]["latestOrder"]>;

const humanize = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, " ");
const FULFILMENT_TONE: Record<string, string> = {
  DELIVERED: "bg-emerald-50 text-emerald-700",
  IN_TRANSIT: "bg-sky-50 text-sky-700",
  OUT_FOR_DELIVERY: "bg-sky-50 text-sky-700",
  LABEL_CREATED: "bg-slate-100 text-slate-600",
  UNFULFILLED: "bg-slate-100 text-slate-600",
  BACKORDERED: "bg-amber-100 text-amber-800",
  EXCEPTION: "bg-red-50 text-red-700",
  RETURNED: "bg-violet-50 text-violet-700",
  CANCELLED: "bg-slate-100 text-slate-500",
};

function money(cents: number, currency: string) {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-b border-slate-100 px-4 py-3">
      <h3 className="mb-2 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">{title}</h3>
      {children}
    </section>
  );
}

function LatestOrder({ order }: { order: Order }) {
  const delayed = order.fulfillments.find((f) => f.delayed);
  const backordered = order.fulfillmentStatus === "BACKORDERED" || order.fulfillments.some((f) => f.status === "BACKORDERED");
  const tracked = [...order.fulfillments].reverse().find((f) => f.trackingNumber || f.trackingUrl);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex items-center gap-2">
        <PackageIcon className="h-4 w-4 text-slate-400" />
        <span className="text-sm font-semibold text-slate-900">#{order.number.replace(/^#/, "")}</span>
        <span className="ml-auto text-sm text-slate-700 tabular-nums">{money(order.totalCents, order.currency)}</span>
      </div>
      <p className="mt-0.5 pl-6 text-xs text-slate-500" title={formatFull(order.placedAt)}>
        Placed <RelativeTime date={order.placedAt} />
        {order.status !== "OPEN" && ` · ${humanize(order.status)}`}
      </p>
      <div className="mt-2 flex flex-wrap gap-1 pl-6 empty:hidden">
        {order.status !== "CANCELLED" && (
          <span
            className={clsx(
              "rounded px-1.5 py-px text-[11px] font-medium",
              FULFILMENT_TONE[order.fulfillmentStatus] ?? "bg-slate-100 text-slate-600",
            )}
          >
            {humanize(order.fulfillmentStatus)}
          </span>
        )}
        {delayed && (
          <span
            title={delayed.delayReason ?? undefined}
            className="flex items-center gap-1 rounded bg-red-50 px-1.5 py-px text-[11px] font-semibold text-red-700"
          >
            <AlertIcon className="h-3 w-3" /> Delayed
          </span>
        )}
        {backordered && order.fulfillmentStatus !== "BACKORDERED" && (
          <span className="rounded bg-amber-100 px-1.5 py-px text-[11px] font-semibold text-amber-800">Backordered</span>
        )}
      </div>
      {delayed?.delayReason && <p className="mt-1.5 pl-6 text-xs text-red-700">{delayed.delayReason}</p>}
      {tracked && (
        <div className="mt-2 flex items-center gap-1.5 pl-6 text-xs text-slate-600">
          <TruckIcon className="h-3.5 w-3.5 text-slate-400" />
          <span className="truncate">{[tracked.carrier, tracked.trackingNumber].filter(Boolean).join(" · ")}</span>
          {tracked.trackingUrl && (
            <a
              href={tracked.trackingUrl}
              target="_blank"
              rel="noopener noreferrer"
              className="ml-auto flex shrink-0 items-center gap-0.5 font-medium text-brand-600 hover:underline"
            >
              Track <ExternalIcon className="h-3 w-3" />
            </a>
          )}
        </div>
      )}
      {tracked?.eta && (
        <p className="mt-0.5 pl-11 text-xs text-slate-500">
          ETA {tracked.eta.toLocaleDateString(undefined, { weekday: "short", month: "short", day: "numeric" })}
        </p>
      )}
    </div>
  );
}

/** The customer beside the thread: contact details, channel identities, latest order, earlier conversations. */
export function CustomerStrip({ detail }: { detail: ConversationDetail }) {
  const { customer, previousConversations } = detail;
  const name = customer.name ?? customer.email ?? "Unknown customer";
  return (
    <aside aria-label="Customer" className="hidden w-72 shrink-0 overflow-y-auto border-l border-slate-200 bg-white xl:@min-[44rem]:block">
      <div className="flex items-center gap-3 border-b border-slate-100 px-4 py-4">
        <Avatar name={name} />
        <div className="min-w-0">
          <p className="flex items-center gap-1.5 truncate text-sm font-semibold text-slate-900">
            {name}
            {customer.vip && <span className="rounded bg-amber-100 px-1 text-[10px] font-semibold text-amber-800">VIP</span>}
          </p>
          <p className="text-xs text-slate-500">
            {customer.conversationCount} conversation{customer.conversationCount === 1 ? "" : "s"} · {customer.orderCount} order
            {customer.orderCount === 1 ? "" : "s"}
          </p>
        </div>
      </div>
      <Section title="Contact">
        <ul className="space-y-1.5 text-xs text-slate-700">
          {customer.email && (
            <li className="flex items-center gap-2">
              <MailIcon className="h-3.5 w-3.5 text-slate-400" />
              <a href={`mailto:${customer.email}`} className="truncate hover:underline">
                {customer.email}
              </a>
            </li>
          )}
          {customer.phone && (
            <li className="flex items-center gap-2">
              <PhoneIcon className="h-3.5 w-3.5 text-slate-400" />
              <span className="truncate">{customer.phone}</span>
            </li>
          )}
          {customer.identities
            .filter((i) => i.address !== customer.email && i.address !== customer.phone)
            .map((i) => (
              <li key={i.id} className="flex items-center gap-2">
                <ChannelIcon kind={i.channelKind} size="xs" />
                <span className="truncate" title={i.displayName ? `${i.displayName} · ${i.address}` : i.address}>
                  {i.address}
                </span>
              </li>
            ))}
          {customer.timezone && (
            <li className="pl-5.5 text-slate-400">
              {customer.timezone}
              {customer.locale ? ` · ${customer.locale}` : ""}
            </li>
          )}
        </ul>
      </Section>
      <Section title="Latest order">
        {customer.latestOrder ? <LatestOrder order={customer.latestOrder} /> : <p className="text-xs text-slate-400">No orders yet.</p>}
      </Section>
      {previousConversations.length > 0 && (
        <Section title="Earlier conversations">
          <ul className="-mx-1.5 space-y-0.5">
            {previousConversations.slice(0, 5).map((p) => (
              <li key={p.id}>
                <Link href={`/inbox?c=${p.id}`} className="flex items-start gap-2 rounded-md px-1.5 py-1 hover:bg-slate-50">
                  <ChannelIcon kind={p.channel.kind} size="xs" className="mt-0.5" />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-xs font-medium text-slate-700">{p.subject ?? p.preview ?? `#${p.number}`}</span>
                    <span className="block text-[11px] text-slate-400">
                      #{p.number} · {humanize(p.status)} · <RelativeTime date={p.lastMessageAt} />
                    </span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </aside>
  );
}
