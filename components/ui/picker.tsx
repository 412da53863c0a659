"use client";

import clsx from "clsx";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { fuzzyFilter } from "./fuzzy";
import { CheckIcon, PlusIcon } from "./icons";
import { listboxKeyDown } from "@/components/ui/listbox-keys";

export type PickerItem = { id: string; label: string; keywords?: string; icon?: ReactNode; hint?: string; checked?: boolean };

type Option = { kind: "item"; item: PickerItem } | { kind: "create"; name: string };

/**
 * Type-to-filter list (combobox + listbox): arrows move, Enter picks, Escape is left to the surrounding popover.
 * With onCreate, a query that matches nothing exactly offers “Create …”.
 */
export function Picker({
  items,
  onSelect,
  label,
  placeholder,
  emptyText = "No matches",
  onCreate,
  createLabel = (q) => `Create “${q}”`,
  className,
}: {
  items: PickerItem[];
  onSelect: (item: PickerItem) => void;
  label: string;
  placeholder: string;
  emptyText?: string;
  onCreate?: (name: string) => void;
  createLabel?: (query: string) => string;
  className?: string;
}) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const q = query.trim();
  const options: Option[] = fuzzyFilter(items, q, (i) => `${i.label} ${i.keywords ?? ""}`).map((item) => ({ kind: "item", item }));
  if (onCreate && q && !items.some((i) => i.label.toLowerCase() === q.toLowerCase())) options.push({ kind: "create", name: q });
  const activeIndex = Math.min(active, options.length - 1);

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${activeIndex}"]`)?.scrollIntoView({ block: "nearest" });
  }, [activeIndex]);

  function choose(option: Option | undefined) {
    if (!option) return;
    if (option.kind === "create") onCreate?.(option.name);
    else onSelect(option.item);
  }

  return (
    <div className={clsx("flex w-64 flex-col", className)}>
      <input
        data-autofocus=""
        role="combobox"
        aria-label={label}
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={options.length ? `${listId}-${activeIndex}` : undefined}
        aria-autocomplete="list"
        value={query}
        placeholder={placeholder}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => listboxKeyDown(e, options, activeIndex, setActive, choose)}
        className="mb-1 w-full rounded-md border-0 bg-slate-50 px-2.5 py-1.5 text-sm text-slate-800 placeholder:text-slate-400 focus:bg-white focus:ring-1 focus:ring-brand-500 focus:outline-none"
      />
      <ul ref={listRef} id={listId} role="listbox" aria-label={label} className="max-h-64 overflow-y-auto">
        {options.length === 0 && <li className="px-2.5 py-2 text-sm text-slate-400">{emptyText}</li>}
        {options.map((option, i) => (
          <li
            key={option.kind === "create" ? "__create" : option.item.id}
            id={`${listId}-${i}`}
            data-index={i}
            role="option"
            aria-selected={i === activeIndex}
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => i !== activeIndex && setActive(i)}
            onClick={() => choose(option)}
            className={clsx(
              "flex cursor-pointer items-center gap-2 rounded-md px-2.5 py-1.5 text-sm",
              i === activeIndex ? "bg-slate-100 text-slate-900" : "text-slate-700",
            )}
          >
            {option.kind === "create" ? (
              <>
                <PlusIcon className="h-3.5 w-3.5 text-slate-400" />
                <span className="truncate">{createLabel(option.name)}</span>
              </>
            ) : (
              <>
                {option.item.icon}
                <span className="min-w-0 flex-1 truncate">{option.item.label}</span>
                {option.item.hint && <span className="shrink-0 text-xs text-slate-400">{option.item.hint}</span>}
                {option.item.checked && <CheckIcon className="h-3.5 w-3.5 text-brand-600" />}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
