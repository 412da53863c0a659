"use client";

import { RelativeTime } from "@/components/ui/relative-time";
import { money, type PanelData } from "./panel-ui";

/** Lifetime numbers at a glance: orders, money spent (per currency), conversations, the last CSAT answer. */
export function PanelStats({ stats, since }: { stats: PanelData["stats"]; since: Date }) {
  const spent = stats.spent.filter((s) => s.cents > 0);
  const csat = stats.lastCsat;
  return (
    <dl data-testid="panel-stats" className="grid grid-cols-4 divide-x divide-slate-100 border-b border-slate-100 py-2.5 text-center">
      <Stat label="Orders" value={stats.orderCount.toLocaleString()} />
      <Stat
        label="Spent"
        value={spent.length === 0 ? money(0, stats.spent[0]?.currency ?? "USD") : money(spent[0]?.cents ?? 0, spent[0]?.currency ?? "USD")}
        title={spent.length > 1 ? spent.map((s) => money(s.cents, s.currency)).join(" + ") : `Since ${since.toLocaleDateString()}`}
        more={spent.length > 1 ? `+${spent.length - 1}` : undefined}
      />
      <Stat label="Chats" value={stats.conversationCount.toLocaleString()} title="Conversations on every channel" />
      <Stat
        label="CSAT"
        value={csat ? `${csat.score}${csat.scale ? `/${csat.scale}` : ""}` : "—"}
        title={csat?.comment ?? undefined}
        tone={csat ? (csat.scale && csat.score / csat.scale < 0.6 ? "text-red-700" : "text-emerald-700") : undefined}
        sub={csat ? <RelativeTime date={csat.answeredAt} /> : undefined}
      />
    </dl>
  );
}

function Stat({
  label,
  value,
  title,
  more,
  sub,
  tone,
}: {
  label: string;
  value: string;
  title?: string;
  more?: string;
  sub?: React.ReactNode;
  tone?: string;
}) {
  return (
    <div className="min-w-0 px-1.5" title={title}>
      <dt className="text-[10px] font-semibold tracking-wide text-slate-400 uppercase">{label}</dt>
      <dd className={`mt-0.5 truncate text-sm font-semibold tabular-nums ${tone ?? "text-slate-900"}`}>
        {value}
        {more && <span className="ml-0.5 text-[10px] font-medium text-slate-400">{more}</span>}
      </dd>
      {sub && <dd className="text-[10px] text-slate-400">{sub}</dd>}
    </div>
  );
}
