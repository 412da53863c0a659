"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { CloseIcon, PlusIcon } from "@/components/ui/icons";
import { Picker } from "@/components/ui/picker";
import { Popover } from "@/components/ui/popover";
import { LinkButton, Section, type PanelTag } from "./panel-ui";
import type { PanelActions } from "./use-panel-actions";

/** Customer tags: remove with ×, add from the workspace's tags or create one by typing. */
export function PanelTags({
  customerId,
  tags,
  actions,
  canEdit,
}: {
  customerId: string;
  tags: PanelTag[];
  actions: PanelActions;
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const all = useQuery({ ...trpc.conversation.tags.queryOptions(), enabled: open });
  const mine = new Set(tags.map((t) => t.id));
  const add = (name: string) => {
    setOpen(false);
    actions.addTag.mutate({ customerId, name });
  };
  const picker = (
    <Popover
      open={open}
      onClose={() => setOpen(false)}
      label="Add a tag"
      align="end"
      className="p-1.5"
      trigger={
        <LinkButton onClick={() => setOpen(true)} aria-label="Add customer tag">
          <PlusIcon className="h-3 w-3" /> Add
        </LinkButton>
      }
    >
      <Picker
        label="Add tag"
        placeholder={all.isPending ? "Loading tags…" : "Find or create a tag"}
        items={(all.data ?? []).filter((t) => !mine.has(t.id)).map((t) => ({ id: t.id, label: t.name, icon: <Dot color={t.color} /> }))}
        onSelect={(item) => add(item.label)}
        onCreate={add}
      />
    </Popover>
  );
  return (
    <Section title="Tags" action={canEdit ? picker : undefined} testId="panel-tags">
      {tags.length === 0 ? (
        <p className="text-xs text-slate-400">{canEdit ? "No tags yet. Tags follow the customer across conversations." : "No tags."}</p>
      ) : (
        <ul className="flex flex-wrap gap-1">
          {tags.map((t) => (
            <li
              key={t.id}
              className="inline-flex items-center gap-1 rounded-full border border-slate-200 bg-white py-0.5 pr-1 pl-2 text-xs text-slate-700"
            >
              <Dot color={t.color} />
              {t.name}
              {canEdit && (
                <button
                  type="button"
                  aria-label={`Remove tag ${t.name}`}
                  onClick={() => actions.removeTag.mutate({ customerId, tagId: t.id })}
                  className="rounded-full p-0.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
                >
                  <CloseIcon className="h-2.5 w-2.5" />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

const Dot = ({ color }: { color: string }) => (
  <span aria-hidden="true" className="h-2 w-2 shrink-0 rounded-full" style={{ backgroundColor: color }} />
);
