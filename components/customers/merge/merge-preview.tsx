"use client";

import clsx from "clsx";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/router";
import { ChannelIcon } from "@/components/inbox/channel-icon";
import { Avatar } from "@/components/ui/avatar";
import { SortIcon } from "@/components/ui/icons";

export type MergePreviewData = inferRouterOutputs<AppRouter>["customers"]["mergePreview"];
type Side = MergePreviewData["keep"];

const name = (c: { name: string | null; email: string | null; phone: string | null }) => c.name ?? c.email ?? c.phone ?? "Unknown customer";
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const FIELD_LABEL: Record<string, string> = { name: "Name", email: "E-mail", phone: "Phone", locale: "Language", timezone: "Time zone" };

function CustomerCard({ side, role }: { side: Side; role: "keep" | "merge" }) {
  const kinds = [...new Set(side.identities.map((i) => i.channelKind))];
  return (
    <div
      data-testid={`merge-${role}`}
      className={clsx(
        "min-w-0 flex-1 rounded-lg border p-3",
        role === "keep" ? "border-brand-500/40 bg-brand-50/50" : "border-slate-200 bg-white",
      )}
    >
      <p className="mb-2 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">{role === "keep" ? "Keep" : "Merge into it"}</p>
      <div className="flex items-center gap-2">
        <Avatar name={name(side)} />
        <div className="min-w-0">
          <p className="flex items-center gap-1.5 truncate text-sm font-semibold text-slate-900">
            {name(side)}
            {side.vip && <span className="rounded bg-amber-100 px-1 text-[10px] font-semibold text-amber-800">VIP</span>}
          </p>
          <p className="truncate text-xs text-slate-500">{[side.email, side.phone].filter(Boolean).join(" · ") || "No e-mail or phone"}</p>
        </div>
      </div>
      <div className="mt-2 flex items-center gap-1">
        {kinds.map((k) => (
          <ChannelIcon key={k} kind={k} size="xs" />
        ))}
        <span className="ml-auto text-xs text-slate-500">
          {plural(side.conversationCount, "conversation")} · {plural(side.orderCount, "order")}
        </span>
      </div>
    </div>
  );
}

/** Both records, what moves from one to the other, and which field values the kept record ends up with. */
export function MergePreview({ data, onSwap }: { data: MergePreviewData; onSwap: () => void }) {
  const m = data.moves;
  const moves: [number, string][] = [
    [m.conversations, plural(m.conversations, "conversation")],
    [m.orders, plural(m.orders, "order")],
    [m.identities, plural(m.identities, "channel identity", "channel identities")],
    [m.notes, plural(m.notes, "note")],
    [m.tags, plural(m.tags, "tag")],
    [m.surveyResponses, plural(m.surveyResponses, "survey response")],
    [m.campaignRecipients, plural(m.campaignRecipients, "campaign membership")],
  ];
  const moving = moves.filter(([n]) => n > 0);
  const fields = data.fields.filter((f) => f.merge !== null && f.merge !== f.keep);
  const dupes = [
    data.duplicates.tags && plural(data.duplicates.tags, "tag"),
    data.duplicates.campaigns && plural(data.duplicates.campaigns, "campaign"),
  ].filter(Boolean);
  return (
    <div className="space-y-4">
      <div className="flex items-stretch gap-2">
        <CustomerCard side={data.keep} role="keep" />
        <button
          type="button"
          onClick={onSwap}
          aria-label="Swap which customer is kept"
          title="Swap which customer is kept"
          className="self-center rounded-full border border-slate-200 bg-white p-1.5 text-slate-500 shadow-sm hover:bg-slate-50"
        >
          <SortIcon className="h-4 w-4 rotate-90" />
        </button>
        <CustomerCard side={data.merge} role="merge" />
      </div>
      <div>
        <h3 className="mb-1.5 text-xs font-semibold text-slate-700">Moves to {name(data.keep)}</h3>
        {moving.length ? (
          <ul data-testid="merge-moves" className="flex flex-wrap gap-1.5">
            {moving.map(([, label]) => (
              <li key={label} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
                {label}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-xs text-slate-500">Nothing but the record itself.</p>
        )}
        {m.messages > 0 && <p className="mt-1.5 text-xs text-slate-500">with {plural(m.messages, "message")} they wrote.</p>}
        {dupes.length > 0 && <p className="mt-1 text-xs text-slate-500">Both had {dupes.join(" and ")}: kept once.</p>}
      </div>
      {(fields.length > 0 || (data.vip && !data.keep.vip)) && (
        <div>
          <h3 className="mb-1.5 text-xs font-semibold text-slate-700">Details</h3>
          <dl className="divide-y divide-slate-100 rounded-md border border-slate-200 text-xs">
            {fields.map((f) => (
              <div key={f.field} className="grid grid-cols-[6rem_1fr] gap-2 px-2.5 py-1.5">
                <dt className="text-slate-500">{FIELD_LABEL[f.field] ?? f.field}</dt>
                <dd className="min-w-0 truncate text-slate-800">
                  <span className="font-medium">{f.result}</span>
                  {f.conflict ? (
                    <span className="text-slate-400"> — not “{f.merge}”</span>
                  ) : (
                    <span className="text-emerald-700"> — added</span>
                  )}
                </dd>
              </div>
            ))}
            {data.vip && !data.keep.vip && (
              <div className="grid grid-cols-[6rem_1fr] gap-2 px-2.5 py-1.5">
                <dt className="text-slate-500">VIP</dt>
                <dd className="text-emerald-700">becomes VIP</dd>
              </div>
            )}
          </dl>
        </div>
      )}
    </div>
  );
}
