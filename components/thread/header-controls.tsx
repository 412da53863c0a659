"use client";

import clsx from "clsx";
import { useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { ChevronDownIcon, CloseIcon, FlagIcon, PlusIcon, SnoozeIcon, UnassignedIcon, UserIcon, UsersIcon } from "@/components/ui/icons";
import { Menu } from "@/components/ui/menu";
import { Picker, type PickerItem } from "@/components/ui/picker";
import { formatSnoozeHint, snoozePresets, toLocalInputValue } from "@/components/inbox/actions/snooze-options";
import type { ConversationInfo, Member, Priority, Status, TagInfo } from "@/components/inbox/types";
import { ControlPopover, type PickerState } from "./control-popover";

export type HeaderActions = {
  assign: (assigneeId: string | null) => void;
  moveTeam: (teamId: string | null) => void;
  setStatus: (status: Status, snoozedUntil?: Date) => void;
  setPriority: (priority: Priority) => void;
  addTag: (name: string) => void;
  removeTag: (tagId: string) => void;
};

export const STATUS_META: Record<Status, { label: string; dot: string }> = {
  OPEN: { label: "Open", dot: "bg-emerald-500" },
  PENDING: { label: "Pending", dot: "bg-amber-500" },
  SNOOZED: { label: "Snoozed", dot: "bg-violet-500" },
  RESOLVED: { label: "Resolved", dot: "bg-slate-400" },
};
const PRIORITIES: { id: Priority; label: string; className: string }[] = [
  { id: "URGENT", label: "Urgent", className: "text-red-600" },
  { id: "HIGH", label: "High", className: "text-orange-500" },
  { id: "NORMAL", label: "Normal", className: "text-sky-600" },
  { id: "LOW", label: "Low", className: "text-slate-400" },
  { id: "NONE", label: "No priority", className: "text-slate-300" },
];

type Props = { c: ConversationInfo; pickers: PickerState; act: HeaderActions; disabled?: boolean };

export function AssigneeControl({ c, pickers, act, disabled, members, myId }: Props & { members: Member[]; myId: string | undefined }) {
  const items: PickerItem[] = [
    ...(myId && c.assigneeId !== myId
      ? [{ id: "__me", label: "Assign to me", keywords: "me mine claim", icon: <UserIcon className="h-4 w-4 text-brand-600" />, hint: "c" }]
      : []),
    { id: "__none", label: "Unassigned", icon: <UnassignedIcon className="h-4 w-4 text-slate-400" />, checked: c.assigneeId === null },
    ...members.map((m) => ({
      id: m.id,
      label: m.name,
      keywords: m.role,
      icon: <Avatar name={m.name} size="sm" className="!h-5 !w-5 !text-[9px]" />,
      checked: m.id === c.assigneeId,
    })),
  ];
  return (
    <ControlPopover
      kind="assign"
      pickers={pickers}
      label="Assign conversation"
      title="Assignee (a)"
      disabled={disabled}
      trigger={
        c.assignee ? (
          <>
            <Avatar name={c.assignee.name} size="sm" className="!h-4 !w-4 !text-[8px]" />
            <span className="truncate">{c.assignee.id === myId ? `${c.assignee.name} (you)` : c.assignee.name}</span>
          </>
        ) : (
          <>
            <UnassignedIcon className="h-3.5 w-3.5 text-slate-400" />
            <span className="text-slate-500">Unassigned</span>
          </>
        )
      }
    >
      {(close) => (
        <Picker
          label="Assignee"
          placeholder="Assign to…"
          items={items}
          onSelect={(item) => {
            close();
            act.assign(item.id === "__none" ? null : item.id === "__me" ? (myId ?? null) : item.id);
          }}
        />
      )}
    </ControlPopover>
  );
}

export function TeamControl({ c, pickers, act, disabled, teams }: Props & { teams: { id: string; name: string }[] }) {
  const items: PickerItem[] = [
    { id: "__none", label: "No team", checked: c.teamId === null },
    ...teams.map((t) => ({ id: t.id, label: t.name, icon: <UsersIcon className="h-4 w-4 text-slate-400" />, checked: t.id === c.teamId })),
  ];
  return (
    <ControlPopover
      kind="team"
      pickers={pickers}
      label="Move to team"
      title="Team"
      disabled={disabled}
      trigger={
        <>
          <UsersIcon className="h-3.5 w-3.5 text-slate-400" />
          <span className={clsx("truncate", !c.team && "text-slate-500")}>{c.team?.name ?? "No team"}</span>
        </>
      }
    >
      {(close) => (
        <Picker
          label="Team"
          placeholder="Move to team…"
          items={items}
          onSelect={(item) => {
            close();
            act.moveTeam(item.id === "__none" ? null : item.id);
          }}
        />
      )}
    </ControlPopover>
  );
}

export function StatusControl({ c, pickers, act, disabled }: Props) {
  const m = STATUS_META[c.status];
  const items = (["OPEN", "PENDING", "RESOLVED"] as const).map((s) => ({
    id: s,
    label: STATUS_META[s].label,
    checked: c.status === s,
    icon: <span className={clsx("h-2 w-2 rounded-full", STATUS_META[s].dot)} />,
    onSelect: () => {
      pickers.setOpen(null);
      if (s !== c.status) act.setStatus(s);
    },
  }));
  return (
    <ControlPopover
      kind="status"
      pickers={pickers}
      label="Status"
      title="Status"
      disabled={disabled}
      trigger={
        <>
          <span className={clsx("h-2 w-2 rounded-full", m.dot)} />
          {m.label}
          {c.status === "SNOOZED" && c.snoozedUntil && (
            <span className="font-normal text-slate-500">until {formatSnoozeHint(c.snoozedUntil, new Date())}</span>
          )}
          <ChevronDownIcon className="h-3 w-3 text-slate-400" />
        </>
      }
    >
      {() => <Menu label="Set status" items={items} />}
    </ControlPopover>
  );
}

export function SnoozeControl({ c, pickers, act, disabled }: Props) {
  const [custom, setCustom] = useState("");
  const now = new Date();
  const presets = snoozePresets(now);
  return (
    <ControlPopover
      kind="snooze"
      pickers={pickers}
      label="Snooze until"
      title="Snooze (s)"
      disabled={disabled}
      align="end"
      className="w-64"
      trigger={
        <>
          <SnoozeIcon className="h-3.5 w-3.5 text-slate-500" />
          <span className="hidden @sm:inline">Snooze</span>
        </>
      }
    >
      {(close) => (
        <>
          <p className="px-2.5 pt-1.5 pb-1 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">Snooze until</p>
          <Menu
            label="Snooze until"
            items={presets.map((p) => ({
              id: p.id,
              label: p.label,
              hint: formatSnoozeHint(p.until, now),
              checked: undefined,
              onSelect: () => {
                close();
                act.setStatus("SNOOZED", p.until);
              },
            }))}
          />
          <form
            className="mt-1 flex items-center gap-1.5 border-t border-slate-100 px-1.5 pt-2 pb-1"
            onSubmit={(e) => {
              e.preventDefault();
              const until = new Date(custom);
              if (Number.isNaN(until.getTime()) || until.getTime() <= Date.now()) return;
              close();
              act.setStatus("SNOOZED", until);
            }}
          >
            <input
              type="datetime-local"
              aria-label="Custom snooze time"
              min={toLocalInputValue(now)}
              value={custom}
              onChange={(e) => setCustom(e.target.value)}
              className="min-w-0 flex-1 rounded-md border border-slate-200 px-1.5 py-1 text-xs text-slate-700"
            />
            <Button type="submit" variant="secondary" className="!px-2 !py-1 text-xs" disabled={!custom}>
              Snooze
            </Button>
          </form>
          {c.status === "SNOOZED" && <p className="px-2.5 pb-1 text-[11px] text-slate-400">Snoozing again replaces the current time.</p>}
        </>
      )}
    </ControlPopover>
  );
}

export function PriorityControl({ c, pickers, act, disabled }: Props) {
  const current = PRIORITIES.find((p) => p.id === c.priority) ?? PRIORITIES[4];
  return (
    <ControlPopover
      kind="priority"
      pickers={pickers}
      label="Priority"
      title="Priority (p)"
      disabled={disabled}
      trigger={
        <>
          <FlagIcon className={clsx("h-3.5 w-3.5", current?.className)} />
          <span className={clsx(c.priority === "NONE" && "text-slate-500")}>{current?.label}</span>
        </>
      }
    >
      {(close) => (
        <Menu
          label="Set priority"
          items={PRIORITIES.map((p) => ({
            id: p.id,
            label: p.label,
            checked: p.id === c.priority,
            icon: <FlagIcon className={clsx("h-3.5 w-3.5", p.className)} />,
            onSelect: () => {
              close();
              if (p.id !== c.priority) act.setPriority(p.id);
            },
          }))}
        />
      )}
    </ControlPopover>
  );
}

export function TagsControl({ c, pickers, act, disabled, allTags }: Props & { allTags: TagInfo[] }) {
  const on = new Set(c.tags.map((t) => t.id));
  const items: PickerItem[] = allTags
    .filter((t) => !on.has(t.id))
    .map((t) => ({ id: t.id, label: t.name, icon: <span className="h-2.5 w-2.5 rounded-full" style={{ backgroundColor: t.color }} /> }));
  return (
    <ul aria-label="Tags" className="flex flex-wrap items-center gap-1">
      {c.tags.map((t) => (
        <li
          key={t.id}
          className="flex h-6 items-center gap-1 rounded-full border border-slate-200 bg-white pr-0.5 pl-2 text-xs text-slate-700"
        >
          <span className="h-2 w-2 rounded-full" style={{ backgroundColor: t.color }} />
          {t.name}
          {!disabled && (
            <button
              type="button"
              aria-label={`Remove tag ${t.name}`}
              onClick={() => act.removeTag(t.id)}
              className="rounded-full p-0.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
            >
              <CloseIcon className="h-3 w-3" />
            </button>
          )}
        </li>
      ))}
      <li>
        <ControlPopover
          kind="tag"
          pickers={pickers}
          label="Add tag"
          title="Add tag (t)"
          disabled={disabled}
          triggerClassName="!h-6 !rounded-full !border-dashed !px-1.5 text-slate-500"
          trigger={
            <>
              <PlusIcon className="h-3 w-3" />
              {c.tags.length === 0 && "Tag"}
            </>
          }
        >
          {(close) => (
            <Picker
              label="Tag"
              placeholder="Add or create a tag…"
              items={items}
              emptyText="Type to create a tag"
              onCreate={(name) => {
                close();
                act.addTag(name);
              }}
              onSelect={(item) => {
                close();
                act.addTag(item.label);
              }}
            />
          )}
        </ControlPopover>
      </li>
    </ul>
  );
}
