"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { CheckCircleIcon, CloseIcon, FlagIcon, SnoozeIcon, TagIcon, UserIcon, UsersIcon } from "@/components/ui/icons";
import { Menu } from "@/components/ui/menu";
import { Picker } from "@/components/ui/picker";
import { Popover } from "@/components/ui/popover";
import { useBulkActions } from "./actions/use-bulk-actions";
import { snoozePresets } from "./actions/snooze-options";
import type { BulkChange, Priority } from "./types";

type Open = null | "assign" | "team" | "snooze" | "priority" | "tag";
const PRIORITIES: Priority[] = ["URGENT", "HIGH", "NORMAL", "LOW", "NONE"];

/** Actions on the selected conversations (≤ 200 at a time); replaces the list header while a selection exists. */
export function BulkBar({ ids, onClear, can }: { ids: string[]; onClear: () => void; can: (permission: string) => boolean }) {
  const trpc = useTRPC();
  const members = useQuery(trpc.workspace.members.queryOptions());
  const me = useQuery(trpc.workspace.me.queryOptions());
  const tags = useQuery({ ...trpc.conversation.tags.queryOptions(), enabled: can("conversations.tag") });
  const bulk = useBulkActions(onClear);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const apply = (change: BulkChange) => {
    close();
    bulk.apply(ids.slice(0, 200), change);
  };
  const button = (key: Exclude<Open, null>, label: string, icon: React.ReactNode) => (
    <Button
      variant="ghost"
      aria-haspopup="dialog"
      aria-expanded={open === key}
      onClick={() => setOpen(open === key ? null : key)}
      className="px-2 py-1"
    >
      {icon}
      <span className="sr-only sm:not-sr-only">{label}</span>
    </Button>
  );
  const icon = "h-4 w-4";

  return (
    <div role="toolbar" aria-label="Bulk actions" data-testid="bulk-bar" className="border-b border-slate-200 bg-sky-50 px-3 py-2 text-sm">
      <div className="flex items-center gap-2">
        <button type="button" onClick={onClear} aria-label="Clear selection" className="rounded p-1 text-slate-500 hover:bg-sky-100">
          <CloseIcon className={icon} />
        </button>
        <span className="mr-auto font-medium whitespace-nowrap text-slate-700" aria-live="polite">
          {ids.length} selected{ids.length > 200 ? " (first 200 are changed)" : ""}
        </span>
        {can("conversations.updateStatus") && (
          <Button
            variant="secondary"
            disabled={bulk.pending}
            onClick={() => apply({ type: "status", status: "RESOLVED" })}
            className="px-2 py-1"
          >
            <CheckCircleIcon className={icon} />
            Resolve
          </Button>
        )}
      </div>
      <div className="mt-1.5 flex flex-wrap items-center gap-1">
        {can("conversations.assign") && (
          <Popover
            open={open === "assign"}
            onClose={close}
            label="Assign selected"
            align="end"
            trigger={button("assign", "Assign", <UserIcon className={icon} />)}
          >
            <Picker
              label="Assign to"
              placeholder="Assign to…"
              items={[
                { id: "__none", label: "Unassigned" },
                ...(members.data ?? []).map((m) => ({ id: m.id, label: m.id === me.data?.user.id ? `${m.name} (me)` : m.name })),
              ]}
              onSelect={(i) => apply({ type: "assign", assigneeId: i.id === "__none" ? null : i.id })}
            />
          </Popover>
        )}
        {can("conversations.assign") && (
          <Popover
            open={open === "team"}
            onClose={close}
            label="Move selected to team"
            align="end"
            trigger={button("team", "Team", <UsersIcon className={icon} />)}
          >
            <Picker
              label="Move to team"
              placeholder="Move to team…"
              items={(me.data?.teams ?? []).map((t) => ({ id: t.id, label: t.name }))}
              onSelect={(i) => apply({ type: "team", teamId: i.id })}
            />
          </Popover>
        )}
        {can("conversations.tag") && (
          <Popover
            open={open === "tag"}
            onClose={close}
            label="Tag selected"
            align="end"
            trigger={button("tag", "Tag", <TagIcon className={icon} />)}
          >
            <Picker
              label="Add tag"
              placeholder="Add tag…"
              items={(tags.data ?? []).map((t) => ({
                id: t.id,
                label: t.name,
                icon: <span className="h-2 w-2 rounded-full" style={{ backgroundColor: t.color }} />,
              }))}
              onSelect={(i) => apply({ type: "addTag", name: i.label })}
              onCreate={(name) => apply({ type: "addTag", name })}
            />
          </Popover>
        )}
        {can("conversations.updateStatus") && (
          <>
            <Popover
              open={open === "priority"}
              onClose={close}
              label="Set priority of selected"
              align="end"
              trigger={button("priority", "Priority", <FlagIcon className={icon} />)}
            >
              <Menu
                label="Priority"
                items={PRIORITIES.map((p) => ({
                  id: p,
                  label: p[0] + p.slice(1).toLowerCase(),
                  onSelect: () => apply({ type: "priority", priority: p }),
                }))}
              />
            </Popover>
            <Popover
              open={open === "snooze"}
              onClose={close}
              label="Snooze selected"
              align="end"
              trigger={button("snooze", "Snooze", <SnoozeIcon className={icon} />)}
            >
              <Menu
                label="Snooze until"
                items={snoozePresets(new Date()).map((p) => ({
                  id: p.id,
                  label: p.label,
                  onSelect: () => apply({ type: "status", status: "SNOOZED", snoozedUntil: p.until }),
                }))}
              />
            </Popover>
          </>
        )}
      </div>
    </div>
  );
}
