"use client";

import clsx from "clsx";
import type { ReactNode } from "react";
import { ChannelIcon, channelLabel, type ChannelKindValue } from "./channel-icon";
import type { InboxViewState } from "./inbox-state";
import type { InboxCounts, Priority, TagInfo } from "./types";
import { CloseIcon, FlagIcon, GlobeIcon, InboxIcon, SortIcon, UnassignedIcon, UserIcon, UsersIcon } from "@/components/ui/icons";

export type SavedViewItem = { id: string; name: string; shared: boolean; canEdit: boolean };
export type SavedViewCount = { id: string; count: number; capped: boolean };

type Team = { id: string; name: string; isMember: boolean };
/** The part of the state a sidebar entry sets; status and sort are kept. */
type ViewTarget = Pick<InboxViewState, "view" | "teamId" | "channelKind" | "tagId" | "priority">;

const PRIORITY_VIEWS: { value: Priority; label: string; dot: string }[] = [
  { value: "URGENT", label: "Urgent", dot: "bg-red-500" },
  { value: "HIGH", label: "High", dot: "bg-orange-400" },
];

export function sameView(a: ViewTarget, b: ViewTarget): boolean {
  return a.view === b.view && a.teamId === b.teamId && a.channelKind === b.channelKind && a.tagId === b.tagId && a.priority === b.priority;
}
/** a built-in entry is current only when no saved view or extra filter is in play */
const plain = (s: InboxViewState) =>
  !s.savedId && s.assigneeId === undefined && s.sla === undefined && s.waitingOver === undefined && s.vip === undefined && !s.text;

/** The views rail: built-in views, my teams (mine first), channels, priorities and tags, each with its live open count. */
export function ViewsSidebar({
  state,
  teams,
  channelKinds,
  tags,
  counts,
  workspaceName,
  onSelect,
  savedViews,
  savedCounts,
  onSelectSaved,
  onDeleteSaved,
}: {
  state: InboxViewState;
  teams: Team[];
  channelKinds: ChannelKindValue[];
  tags: TagInfo[];
  counts: InboxCounts | undefined;
  workspaceName: string | undefined;
  onSelect: (s: InboxViewState) => void;
  savedViews: SavedViewItem[];
  savedCounts: SavedViewCount[] | undefined;
  onSelectSaved: (id: string) => void;
  onDeleteSaved: (view: SavedViewItem) => void;
}) {
  const item = (key: string, label: string, target: ViewTarget, icon: ReactNode, count?: number, capped = false) => {
    const active = plain(state) && sameView(state, target);
    return (
      <li key={key}>
        <button
          type="button"
          aria-current={active ? "page" : undefined}
          onClick={() => onSelect({ ...target, status: state.status, sort: state.sort })}
          className={clsx(
            "flex w-full items-center gap-2 rounded-md px-2.5 py-1.5 text-left text-sm",
            active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100",
          )}
        >
          <span className="flex w-4 shrink-0 justify-center text-slate-400">{icon}</span>
          <span className="min-w-0 flex-1 truncate">{label}</span>
          {count !== undefined && count > 0 && (
            <span data-testid="view-count" className={clsx("text-xs tabular-nums", active ? "text-brand-700" : "text-slate-400")}>
              {count.toLocaleString()}
              {capped ? "+" : ""}
            </span>
          )}
        </button>
      </li>
    );
  };
  const section = (label: string, children: ReactNode[]) =>
    children.length > 0 && (
      <nav aria-label={label}>
        <p className="mb-1 px-2.5 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">{label}</p>
        <ul className="flex flex-col gap-0.5">{children}</ul>
      </nav>
    );
  const sortedTeams = [...teams].sort((a, b) => Number(b.isMember) - Number(a.isMember) || a.name.localeCompare(b.name));
  const icon = "h-4 w-4";

  return (
    <aside
      aria-label="Views"
      className="hidden w-56 shrink-0 flex-col gap-5 overflow-y-auto border-r border-slate-200 bg-slate-50/80 px-3 py-4 md:flex"
    >
      <div className="px-2.5">
        <p className="text-[11px] font-semibold tracking-wide text-slate-400 uppercase">Workspace</p>
        <p className="truncate text-sm font-semibold text-slate-800">{workspaceName ?? "\u00a0"}</p>
      </div>
      <nav aria-label="Inbox views">
        <ul className="flex flex-col gap-0.5">
          {item("all", "All conversations", { view: "all" }, <InboxIcon className={icon} />, counts?.views.all)}
          {item("mine", "Assigned to me", { view: "mine" }, <UserIcon className={icon} />, counts?.views.mine)}
          {item("unassigned", "Unassigned", { view: "unassigned" }, <UnassignedIcon className={icon} />, counts?.views.unassigned)}
        </ul>
      </nav>
      {section(
        "Saved views",
        savedViews.map((v) => {
          const active = state.savedId === v.id;
          const c = savedCounts?.find((x) => x.id === v.id);
          return (
            <li key={`saved:${v.id}`} className="group relative">
              <button
                type="button"
                aria-current={active ? "page" : undefined}
                onClick={() => onSelectSaved(v.id)}
                className={clsx(
                  "flex w-full items-center gap-2 rounded-md px-2.5 py-1.5 text-left text-sm",
                  active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100",
                )}
              >
                <span
                  className="flex w-4 shrink-0 justify-center text-slate-400"
                  title={v.shared ? "Shared with the workspace" : "Only you"}
                >
                  {v.shared ? <GlobeIcon className={icon} /> : <SortIcon className={icon} />}
                </span>
                <span className="min-w-0 flex-1 truncate">{v.name}</span>
                {c && c.count > 0 && (
                  <span
                    data-testid="view-count"
                    className={clsx("text-xs tabular-nums group-hover:invisible", active ? "text-brand-700" : "text-slate-400")}
                  >
                    {c.count.toLocaleString()}
                    {c.capped ? "+" : ""}
                  </span>
                )}
              </button>
              {v.canEdit && (
                <button
                  type="button"
                  aria-label={`Delete view ${v.name}`}
                  title="Delete view"
                  onClick={() => onDeleteSaved(v)}
                  className="absolute top-1/2 right-1.5 hidden -translate-y-1/2 rounded p-1 text-slate-400 group-hover:block group-focus-within:block hover:bg-slate-200 hover:text-slate-700"
                >
                  <CloseIcon className="h-3 w-3" />
                </button>
              )}
            </li>
          );
        }),
      )}
      {section(
        "Teams",
        sortedTeams.map((t) =>
          item(`team:${t.id}`, t.name, { view: "team", teamId: t.id }, <UsersIcon className={icon} />, counts?.teams[t.id]),
        ),
      )}
      {section(
        "Channels",
        channelKinds.map((k) =>
          item(
            `channel:${k}`,
            channelLabel(k),
            { view: "all", channelKind: k },
            <ChannelIcon kind={k} size="xs" />,
            counts?.channelKinds[k],
          ),
        ),
      )}
      {section(
        "Priority",
        PRIORITY_VIEWS.map((p) =>
          item(
            `priority:${p.value}`,
            p.label,
            { view: "all", priority: p.value },
            <FlagIcon className={clsx(icon, p.value === "URGENT" ? "text-red-500" : "text-orange-400")} />,
          ),
        ),
      )}
      {section(
        "Tags",
        tags
          .slice(0, 12)
          .map((t) =>
            item(
              `tag:${t.id}`,
              t.name,
              { view: "all", tagId: t.id },
              <span className="h-2 w-2 rounded-full" style={{ backgroundColor: t.color }} />,
            ),
          ),
      )}
    </aside>
  );
}
