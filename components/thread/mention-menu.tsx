"use client";

import clsx from "clsx";
import { Avatar } from "@/components/ui/avatar";
import { fuzzyFilter } from "@/components/ui/fuzzy";
import type { Member } from "@/components/inbox/types";

export type MentionQuery = { start: number; query: string };

/** "@ana" right before the caret (at the start or after whitespace) → where it starts and what was typed. */
export function mentionAt(text: string, caret: number): MentionQuery | null {
  const m = /(^|\s)@([^\s@]{0,30})$/.exec(text.slice(0, caret));
  if (!m) return null;
  return { start: caret - (m[2]?.length ?? 0) - 1, query: m[2] ?? "" };
}

export function mentionMatches(members: Member[], query: string): Member[] {
  return fuzzyFilter(members, query, (m) => m.name).slice(0, 6);
}

/** The member list under an "@" in the note composer; the textarea keeps focus and drives it with the arrows. */
export function MentionMenu({
  id,
  matches,
  active,
  onPick,
}: {
  id: string;
  matches: Member[];
  active: number;
  onPick: (m: Member) => void;
}) {
  return (
    <ul
      id={id}
      role="listbox"
      aria-label="Mention a teammate"
      className="absolute bottom-full left-3 z-30 mb-1 w-64 rounded-lg border border-slate-200 bg-white p-1 shadow-lg shadow-slate-900/10"
    >
      {matches.length === 0 && <li className="px-2.5 py-1.5 text-sm text-slate-400">No teammate matches</li>}
      {matches.map((m, i) => (
        <li
          key={m.id}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(m);
          }}
          className={clsx(
            "flex cursor-pointer items-center gap-2 rounded-md px-2.5 py-1.5 text-sm",
            i === active ? "bg-slate-100 text-slate-900" : "text-slate-700",
          )}
        >
          <Avatar name={m.name} size="sm" className="!h-5 !w-5 !text-[9px]" />
          <span className="min-w-0 flex-1 truncate">{m.name}</span>
          <span className="text-xs text-slate-400 lowercase">{m.role}</span>
        </li>
      ))}
    </ul>
  );
}
