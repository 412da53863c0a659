import clsx from "clsx";
import { Avatar } from "@/components/ui/avatar";
import { RelativeTime, formatFull, useNow } from "@/components/ui/relative-time";
import { ChannelIcon } from "./channel-icon";
import type { ConversationItem } from "./types";

export type { ConversationItem };

export const ROW_HEIGHT = 92;
/** rows with a subject show the latest message under it: one more (small) line. Exact, so nothing jumps. */
export const rowHeight = (item: { subject: string | null; preview: string | null }) =>
  item.subject && item.preview ? ROW_HEIGHT + 16 : ROW_HEIGHT;

const PRIORITY: Record<string, { label: string; className: string } | undefined> = {
  URGENT: { label: "Urgent", className: "bg-red-100 text-red-700" },
  HIGH: { label: "High", className: "bg-orange-100 text-orange-700" },
};

function SlaBadge({ due }: { due: Date }) {
  const now = useNow();
  if (!now) return null;
  const mins = Math.round((due.getTime() - now.getTime()) / 60_000);
  const breached = mins < 0;
  const soon = !breached && mins <= 60;
  const abs = Math.abs(mins);
  const text = abs < 60 ? `${abs}m` : abs < 24 * 60 ? `${Math.floor(abs / 60)}h` : `${Math.floor(abs / 1440)}d`;
  return (
    <span
      data-testid="sla-badge"
      title={breached ? `Reply SLA breached ${text} ago` : `Reply due within ${text} (SLA)`}
      className={clsx(
        "shrink-0 rounded px-1.5 text-[10px] font-semibold whitespace-nowrap",
        breached ? "bg-red-600 text-white" : soon ? "bg-amber-100 text-amber-800" : "bg-slate-100 text-slate-500",
      )}
    >
      SLA {breached ? `-${text}` : text}
    </span>
  );
}

export function ConversationRow({
  item,
  focused,
  open,
  selected,
  onOpen,
  onToggle,
}: {
  item: ConversationItem;
  focused: boolean;
  open: boolean;
  selected: boolean;
  onOpen: () => void;
  onToggle: (range: boolean) => void;
}) {
  const customer = item.customer.name ?? item.customer.email ?? "Unknown customer";
  const priority = PRIORITY[item.priority];
  const waiting = item.status === "OPEN" && item.waitingSince;
  return (
    <article
      data-testid="conversation-row"
      data-id={item.id}
      data-focused={focused || undefined}
      data-selected={selected || undefined}
      aria-current={open ? "true" : undefined}
      onClick={(e) => (e.metaKey || e.ctrlKey ? onToggle(false) : e.shiftKey ? onToggle(true) : onOpen())}
      className={clsx(
        "group relative flex h-full cursor-pointer gap-3 border-b border-slate-100 py-3 pr-4 pl-3 select-none",
        open ? "bg-brand-50/70" : selected ? "bg-sky-50" : "hover:bg-slate-50",
        focused && "shadow-[inset_3px_0_0_var(--color-brand-600)]",
      )}
      aria-label={`${customer}: ${item.subject ?? item.preview ?? ""}`}
    >
      <div className="flex w-6 shrink-0 flex-col items-center gap-2">
        <ChannelIcon kind={item.channel.kind} className={clsx("mt-0.5", selected && "hidden")} />
        <input
          type="checkbox"
          aria-label={`Select #${item.number}`}
          checked={selected}
          onClick={(e) => e.stopPropagation()}
          onChange={(e) => onToggle((e.nativeEvent as MouseEvent).shiftKey)}
          className={clsx("mt-1 h-4 w-4 rounded border-slate-300 accent-brand-600", selected ? "block" : "hidden group-hover:block")}
        />
        {item.unread && <span data-testid="unread-dot" title="New customer message" className="h-2 w-2 rounded-full bg-brand-600" />}
      </div>
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline gap-2">
          <p className={clsx("truncate text-sm text-slate-900", item.unread ? "font-bold" : "font-semibold")}>{customer}</p>
          {item.customer.vip && <span className="rounded bg-amber-100 px-1 text-[10px] font-semibold text-amber-800">VIP</span>}
          <span className="ml-auto shrink-0 text-xs text-slate-400">
            {waiting ? (
              <span className="text-amber-700" title="Waiting for a reply">
                waiting <RelativeTime date={item.waitingSince!} />
              </span>
            ) : (
              <RelativeTime date={item.lastMessageAt} />
            )}
          </span>
        </div>
        <p className={clsx("truncate text-sm", item.subject ? "text-slate-700" : "text-slate-500")}>
          <span className="mr-1 text-slate-400">#{item.number}</span>
          {item.subject ?? item.preview}
        </p>
        {item.subject && item.preview && <p className="truncate text-xs text-slate-500">{item.preview}</p>}
        <div className="mt-1 flex items-center gap-1.5 overflow-hidden">
          {priority && (
            <span className={clsx("shrink-0 rounded px-1.5 text-[10px] font-semibold whitespace-nowrap", priority.className)}>
              {priority.label}
            </span>
          )}
          {item.status === "OPEN" && item.waitingSince && item.slaDueAt && <SlaBadge due={item.slaDueAt} />}
          {item.status === "SNOOZED" && item.snoozedUntil && (
            <span className="rounded bg-violet-100 px-1.5 text-[10px] font-semibold text-violet-700">
              until {formatFull(item.snoozedUntil)}
            </span>
          )}
          {item.tags.slice(0, 3).map((tag) => (
            <span
              key={tag.id}
              className="truncate rounded-full px-1.5 text-[10px] font-medium text-white"
              style={{ backgroundColor: tag.color }}
            >
              {tag.name}
            </span>
          ))}
          <span className="ml-auto flex shrink-0 items-center gap-1 text-xs text-slate-400">
            {item.team && <span className="truncate">{item.team.name}</span>}
            {item.assignee ? <Avatar name={item.assignee.name} size="sm" /> : <span className="italic">Unassigned</span>}
          </span>
        </div>
      </div>
    </article>
  );
}
