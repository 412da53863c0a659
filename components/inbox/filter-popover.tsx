"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import clsx from "clsx";
import { useId, useState, type ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { CloseIcon } from "@/components/ui/icons";
import { useToast } from "@/components/ui/toast";
import { channelLabel, type ChannelKindValue } from "./channel-icon";
import { activeFilterCount, filtersOf, SLA_LABEL, SLA_STATES, type InboxViewState, type SlaState } from "./inbox-state";
import type { Priority, TagInfo } from "./types";

type Team = { id: string; name: string };
type Member = { id: string; name: string };
const PRIORITIES: Priority[] = ["URGENT", "HIGH", "NORMAL", "LOW", "NONE"];
const WAITING: { minutes: number; label: string }[] = [
  { minutes: 15, label: "15 minutes" },
  { minutes: 60, label: "1 hour" },
  { minutes: 240, label: "4 hours" },
  { minutes: 1440, label: "1 day" },
  { minutes: 4320, label: "3 days" },
];
const cap = (s: string) => s[0] + s.slice(1).toLowerCase();
export const waitingLabel = (m: number) => WAITING.find((w) => w.minutes === m)?.label ?? `${m} min`;

export type FilterOptions = { teams: Team[]; members: Member[]; tags: TagInfo[]; channelKinds: ChannelKindValue[] };

/** Changing any filter leaves the saved view it came from (the title then says "Filtered"). */
const edit = (state: InboxViewState, patch: Partial<InboxViewState>): InboxViewState => ({ ...state, ...patch, savedId: undefined });

/**
 * The list's filter form (channel, team, assignee, tag, priority, SLA state, waiting time, VIP, text) — every
 * change applies at once — and "Save as view" for the current filters and sort.
 */
export function FilterForm({
  state,
  options,
  onChange,
  canShare,
  onSaved,
}: {
  state: InboxViewState;
  options: FilterOptions;
  onChange: (s: InboxViewState) => void;
  canShare: boolean;
  onSaved: (id: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState(state.text ?? "");
  const set = (patch: Partial<InboxViewState>) => onChange(edit(state, patch));
  const field = (name: string, label: string, control: ReactNode) => (
    <label htmlFor={`${id}-${name}`} className="grid grid-cols-[7.5rem_1fr] items-center gap-2 text-sm text-slate-600">
      {label}
      {control}
    </label>
  );
  const select = (
    name: string,
    value: string,
    choices: { value: string; label: string }[],
    onPick: (v: string | undefined) => void,
    any = "Any",
  ) => (
    <select
      id={`${id}-${name}`}
      value={value}
      onChange={(e) => onPick(e.target.value || undefined)}
      className="h-8 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-800 focus:border-brand-500 focus:ring-1 focus:ring-brand-500 focus:outline-none"
    >
      <option value="">{any}</option>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );

  return (
    <div className="flex w-96 flex-col gap-2.5 p-3" data-testid="filter-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          set({ text: text.trim() || undefined });
        }}
      >
        {field(
          "text",
          "Words",
          <input
            id={`${id}-text`}
            data-autofocus=""
            value={text}
            maxLength={200}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => text.trim() !== (state.text ?? "") && set({ text: text.trim() || undefined })}
            placeholder="Subject or message words"
            className="h-8 w-full rounded-md border border-slate-300 px-2 text-sm text-slate-800 placeholder:text-slate-400 focus:border-brand-500 focus:ring-1 focus:ring-brand-500 focus:outline-none"
          />,
        )}
      </form>
      {field(
        "channel",
        "Channel",
        select(
          "channel",
          state.channelKind ?? "",
          options.channelKinds.map((k) => ({ value: k, label: channelLabel(k) })),
          (v) => set({ channelKind: v as ChannelKindValue | undefined }),
        ),
      )}
      {field(
        "team",
        "Team",
        select(
          "team",
          state.teamId ?? "",
          options.teams.map((t) => ({ value: t.id, label: t.name })),
          (v) => set({ teamId: v, view: !v && state.view === "team" ? "all" : state.view }),
        ),
      )}
      {field(
        "assignee",
        "Assignee",
        select(
          "assignee",
          state.assigneeId ?? "",
          options.members.map((m) => ({ value: m.id, label: m.name })),
          (v) => set({ assigneeId: v, view: v && (state.view === "mine" || state.view === "unassigned") ? "all" : state.view }),
          "Anyone",
        ),
      )}
      {field(
        "tag",
        "Tag",
        select(
          "tag",
          state.tagId ?? "",
          options.tags.map((t) => ({ value: t.id, label: t.name })),
          (v) => set({ tagId: v }),
        ),
      )}
      {field(
        "priority",
        "Priority",
        select(
          "priority",
          state.priority ?? "",
          PRIORITIES.map((p) => ({ value: p, label: p === "NONE" ? "No priority" : cap(p) })),
          (v) => set({ priority: v as Priority | undefined }),
        ),
      )}
      {field(
        "sla",
        "SLA",
        select(
          "sla",
          state.sla ?? "",
          SLA_STATES.map((s) => ({ value: s, label: SLA_LABEL[s] })),
          (v) => set({ sla: v as SlaState | undefined }),
        ),
      )}
      {field(
        "waiting",
        "Waiting over",
        select(
          "waiting",
          state.waitingOver ? String(state.waitingOver) : "",
          WAITING.map((w) => ({ value: String(w.minutes), label: w.label })),
          (v) => set({ waitingOver: v ? Number(v) : undefined }),
        ),
      )}
      {field(
        "vip",
        "Customer",
        select(
          "vip",
          state.vip === undefined ? "" : state.vip ? "1" : "0",
          [
            { value: "1", label: "VIP only" },
            { value: "0", label: "Not VIP" },
          ],
          (v) => set({ vip: v === undefined ? undefined : v === "1" }),
          "Anyone",
        ),
      )}
      <div className="flex items-center justify-between border-t border-slate-100 pt-2.5">
        <button
          type="button"
          disabled={activeFilterCount(state) === 0}
          onClick={() => {
            setText("");
            onChange(clearFilters(state));
          }}
          className="text-sm text-slate-500 hover:text-slate-800 disabled:opacity-40"
        >
          Clear filters
        </button>
      </div>
      <SaveViewForm state={state} canShare={canShare} onSaved={onSaved} />
    </div>
  );
}

export function clearFilters(state: InboxViewState): InboxViewState {
  // the team view keeps its team; everything else goes
  return { view: state.view, teamId: state.view === "team" ? state.teamId : undefined, status: state.status, sort: state.sort };
}

function SaveViewForm({ state, canShare, onSaved }: { state: InboxViewState; canShare: boolean; onSaved: (id: string) => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const toast = useToast();
  const id = useId();
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const create = useMutation(
    trpc.views.create.mutationOptions({
      onSuccess: (view) => {
        void qc.invalidateQueries({ queryKey: trpc.views.pathKey() });
        toast.show({ message: `Saved view “${view.name}”` });
        setName("");
        onSaved(view.id);
      },
    }),
  );
  return (
    <form
      className="flex flex-col gap-2 rounded-md bg-slate-50 p-2.5"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) create.mutate({ name: name.trim(), filters: filtersOf(state), sort: state.sort, shared });
      }}
    >
      <label htmlFor={`${id}-name`} className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
        Save these filters as a view
      </label>
      <div className="flex gap-2">
        <input
          id={`${id}-name`}
          value={name}
          maxLength={60}
          onChange={(e) => setName(e.target.value)}
          placeholder="e.g. VIPs waiting > 4 h"
          className="h-8 min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 text-sm focus:border-brand-500 focus:ring-1 focus:ring-brand-500 focus:outline-none"
        />
        <Button type="submit" disabled={!name.trim() || create.isPending} className="h-8 px-3 py-0">
          Save view
        </Button>
      </div>
      {canShare && (
        <label className="flex items-center gap-2 text-sm text-slate-600">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} className="rounded border-slate-300" />
          Share with the whole workspace
        </label>
      )}
      {create.error && (
        <p role="alert" className="text-xs text-red-600">
          {create.error.message}
        </p>
      )}
    </form>
  );
}

/** The active filters as removable chips under the list header. */
export function FilterChips({
  state,
  options,
  onChange,
}: {
  state: InboxViewState;
  options: FilterOptions;
  onChange: (s: InboxViewState) => void;
}) {
  const chips: { key: keyof InboxViewState; label: string }[] = [];
  if (state.text) chips.push({ key: "text", label: `“${state.text}”` });
  if (state.channelKind) chips.push({ key: "channelKind", label: channelLabel(state.channelKind) });
  if (state.teamId && state.view !== "team")
    chips.push({ key: "teamId", label: `Team: ${options.teams.find((t) => t.id === state.teamId)?.name ?? "…"}` });
  if (state.assigneeId)
    chips.push({ key: "assigneeId", label: `Assignee: ${options.members.find((m) => m.id === state.assigneeId)?.name ?? "…"}` });
  if (state.tagId) chips.push({ key: "tagId", label: `#${options.tags.find((t) => t.id === state.tagId)?.name ?? "tag"}` });
  if (state.priority) chips.push({ key: "priority", label: state.priority === "NONE" ? "No priority" : `${cap(state.priority)} priority` });
  if (state.sla) chips.push({ key: "sla", label: SLA_LABEL[state.sla] });
  if (state.waitingOver) chips.push({ key: "waitingOver", label: `Waiting > ${waitingLabel(state.waitingOver)}` });
  if (state.vip !== undefined) chips.push({ key: "vip", label: state.vip ? "VIP" : "Not VIP" });
  if (chips.length === 0) return null;
  return (
    <ul aria-label="Active filters" className="flex flex-wrap gap-1 border-b border-slate-100 px-4 py-1.5">
      {chips.map((c) => (
        <li key={c.key}>
          <span className={clsx("inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pr-1 pl-2 text-xs text-brand-700")}>
            {c.label}
            <button
              type="button"
              aria-label={`Remove filter ${c.label}`}
              onClick={() => onChange(edit(state, { [c.key]: undefined }))}
              className="rounded-full p-0.5 hover:bg-brand-100"
            >
              <CloseIcon className="h-3 w-3" />
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
}
