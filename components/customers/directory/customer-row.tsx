import clsx from "clsx";
import Link from "next/link";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/router";
import { Avatar } from "@/components/ui/avatar";
import { ChannelIcon, channelLabel } from "@/components/inbox/channel-icon";
import { RelativeTime, formatFull } from "@/components/ui/relative-time";

export type CustomerListItem = inferRouterOutputs<AppRouter>["customers"]["list"]["items"][number];

export const ROW_HEIGHT = 60;
/** Name · channels · tags · orders · open · last contact */
export const GRID = "grid grid-cols-[minmax(14rem,2.2fr)_7rem_minmax(8rem,1.3fr)_4.5rem_4.5rem_7.5rem] items-center gap-4";

const CHANNEL_ORDER = ["EMAIL", "CHAT", "WHATSAPP", "SMS", "MESSENGER", "INSTAGRAM", "TELEGRAM"] as const;

export function displayName(c: { name: string | null; email: string | null; phone: string | null }): string {
  return c.name ?? c.email ?? c.phone ?? "Unknown customer";
}

export function CustomerRow({ item, focused }: { item: CustomerListItem; focused: boolean }) {
  const name = displayName(item);
  const contact = [item.name ? item.email : null, item.phone].filter(Boolean).join(" · ");
  const kinds = CHANNEL_ORDER.filter((k) => item.channelKinds.includes(k));
  return (
    <Link
      href={`/customers/${item.id}`}
      data-testid="customer-row"
      data-id={item.id}
      data-focused={focused || undefined}
      aria-label={`${name}${item.vip ? ", VIP" : ""}`}
      className={clsx(
        GRID,
        "h-full border-b border-slate-100 px-5 text-sm outline-none hover:bg-slate-50 focus-visible:bg-brand-50/60",
        focused && "bg-brand-50/40 shadow-[inset_3px_0_0_var(--color-brand-600)]",
      )}
    >
      <span className="flex min-w-0 items-center gap-3">
        <Avatar name={name} />
        <span className="min-w-0">
          <span className="flex items-center gap-1.5">
            <span className={clsx("truncate font-semibold", item.name ? "text-slate-900" : "text-slate-600")}>{name}</span>
            {item.vip && <span className="shrink-0 rounded bg-amber-100 px-1 text-[10px] font-semibold text-amber-800">VIP</span>}
          </span>
          <span className="block truncate text-xs text-slate-500">{contact || "No e-mail or phone"}</span>
        </span>
      </span>
      <span className="flex items-center gap-1" aria-label={`Channels: ${kinds.map((k) => channelLabel(k)).join(", ") || "none"}`}>
        {kinds.map((k) => (
          <ChannelIcon key={k} kind={k} size="xs" className="h-5 w-5" />
        ))}
      </span>
      <span className="flex min-w-0 items-center gap-1 overflow-hidden">
        {item.tags.slice(0, 3).map((t) => (
          <span key={t.id} className="truncate rounded-full px-1.5 text-[11px] font-medium text-white" style={{ backgroundColor: t.color }}>
            {t.name}
          </span>
        ))}
        {item.tags.length > 3 && <span className="text-[11px] text-slate-400">+{item.tags.length - 3}</span>}
      </span>
      <span className="text-right text-slate-600 tabular-nums">
        {item.orderCount > 0 ? item.orderCount : <span className="text-slate-300">—</span>}
      </span>
      <span className="text-right tabular-nums">
        {item.openConversationCount > 0 ? (
          <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-700">{item.openConversationCount}</span>
        ) : (
          <span className="text-slate-300">—</span>
        )}
      </span>
      <span className="text-right text-xs text-slate-500" title={item.lastContactAt ? formatFull(item.lastContactAt) : undefined}>
        {item.lastContactAt ? <RelativeTime date={item.lastContactAt} /> : <span className="text-slate-300">Never</span>}
      </span>
    </Link>
  );
}

export function ListHeader() {
  return (
    <div
      aria-hidden="true"
      className={clsx(
        GRID,
        "border-b border-slate-200 bg-slate-50/80 px-5 py-2 text-[11px] font-semibold tracking-wide text-slate-500 uppercase",
      )}
    >
      <span>Customer</span>
      <span>Channels</span>
      <span>Tags</span>
      <span className="text-right">Orders</span>
      <span className="text-right">Open</span>
      <span className="text-right">Last contact</span>
    </div>
  );
}
