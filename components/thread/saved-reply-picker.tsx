"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Picker } from "@/components/ui/picker";
import { Popover } from "@/components/ui/popover";
import { Kbd, useModKey } from "@/components/ui/kbd";
import { NoteIcon } from "@/components/ui/icons";

/** Saved replies, searched by name or shortcut; choosing one hands its id to the composer. */
export function SavedReplyPicker({
  open,
  setOpen,
  onChoose,
  disabled,
}: {
  open: boolean;
  setOpen: (open: boolean) => void;
  onChoose: (id: string) => void;
  disabled?: boolean;
}) {
  const trpc = useTRPC();
  const mod = useModKey();
  const list = useQuery({ ...trpc.savedReplies.list.queryOptions({}), enabled: open, staleTime: 60_000 });
  const items = (list.data ?? []).map((r) => ({
    id: r.id,
    label: r.name,
    keywords: `${r.shortcut ?? ""} ${r.body.slice(0, 120)}`,
    hint: r.shortcut ? `/${r.shortcut}` : undefined,
  }));
  return (
    <Popover
      open={open}
      onClose={() => setOpen(false)}
      label="Saved replies"
      side="top"
      className="w-80"
      trigger={
        <button
          type="button"
          disabled={disabled}
          aria-haspopup="dialog"
          aria-expanded={open}
          title={`Saved replies (${mod}+Shift+S)`}
          onClick={() => setOpen(!open)}
          className="flex h-7 items-center gap-1.5 rounded-md px-2 text-xs font-medium whitespace-nowrap text-slate-600 hover:bg-slate-100 disabled:opacity-50"
        >
          <NoteIcon className="h-3.5 w-3.5" />
          Saved replies
          <span className="hidden items-center gap-0.5 @xl:flex">
            <Kbd>{mod}</Kbd>
            <Kbd>⇧</Kbd>
            <Kbd>S</Kbd>
          </span>
        </button>
      }
    >
      <Picker
        label="Saved reply"
        placeholder="Search saved replies…"
        className="w-full"
        emptyText={list.isPending ? "Loading…" : "No saved replies match"}
        items={items}
        onSelect={(item) => {
          setOpen(false);
          onChoose(item.id);
        }}
      />
    </Popover>
  );
}
