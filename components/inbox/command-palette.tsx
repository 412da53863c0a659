"use client";

import clsx from "clsx";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { fuzzyFilter } from "@/components/ui/fuzzy";
import { Kbd } from "@/components/ui/kbd";
import { Modal } from "@/components/ui/modal";
import { listboxKeyDown } from "@/components/ui/listbox-keys";

export type PaletteCommand = {
  id: string;
  group: string;
  label: string;
  keywords?: string;
  shortcut?: string;
  icon?: ReactNode;
  run: () => void;
};

/** ⌘K / Ctrl-K: every inbox action and view by name; arrows + Enter run it, Esc closes. */
export function CommandPalette({ commands, onClose }: { commands: PaletteCommand[]; onClose: () => void }) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const results = fuzzyFilter(commands, query, (c) => `${c.label} ${c.group} ${c.keywords ?? ""}`).slice(0, 50);
  const activeIndex = Math.min(active, results.length - 1);

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${activeIndex}"]`)?.scrollIntoView({ block: "nearest" });
  }, [activeIndex]);

  function run(c: PaletteCommand | undefined) {
    if (!c) return;
    onClose();
    // after the modal has returned focus, so pickers opened by the command keep theirs
    setTimeout(c.run, 0);
  }
  return (
    <Modal title="Command palette" hideTitle onClose={onClose} position="top" className="max-w-xl">
      <div data-testid="command-palette">
        <input
          data-autofocus=""
          role="combobox"
          aria-label="Type a command"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={results.length ? `${listId}-${activeIndex}` : undefined}
          value={query}
          placeholder="Type a command or view…"
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => listboxKeyDown(e, results, activeIndex, setActive, run)}
          className="w-full border-b border-slate-100 px-5 py-4 text-base text-slate-900 placeholder:text-slate-400 focus:outline-none"
        />
        <ul id={listId} ref={listRef} role="listbox" aria-label="Commands" className="max-h-[50vh] overflow-y-auto p-2">
          {results.length === 0 && <li className="px-3 py-6 text-center text-sm text-slate-500">No command matches “{query}”</li>}
          {results.map((c, i) => {
            const header = !query && c.group !== results[i - 1]?.group ? c.group : null;
            return (
              <li key={c.id} role="presentation">
                {header && <p className="px-3 pt-2 pb-1 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">{header}</p>}
                <div
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === activeIndex}
                  data-index={i}
                  onMouseMove={() => setActive(i)}
                  onClick={() => run(c)}
                  className={clsx(
                    "flex cursor-pointer items-center gap-3 rounded-md px-3 py-2 text-sm",
                    i === activeIndex ? "bg-brand-50 text-brand-700" : "text-slate-700",
                  )}
                >
                  <span className="flex w-4 justify-center text-slate-400">{c.icon}</span>
                  <span className="flex-1 truncate">{c.label}</span>
                  {query && <span className="text-xs text-slate-400">{c.group}</span>}
                  {c.shortcut && <Kbd>{c.shortcut}</Kbd>}
                </div>
              </li>
            );
          })}
        </ul>
      </div>
    </Modal>
  );
}
