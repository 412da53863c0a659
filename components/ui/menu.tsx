"use client";

import clsx from "clsx";
import type { KeyboardEvent, ReactNode } from "react";
import { CheckIcon } from "./icons";
import { Kbd } from "./kbd";

export type MenuItem = {
  id: string;
  label: string;
  onSelect: () => void;
  icon?: ReactNode;
  hint?: string;
  shortcut?: string;
  checked?: boolean;
  danger?: boolean;
  disabled?: boolean;
};

/** Arrow keys / Home / End move between items; Enter and Space activate (they are buttons). */
export function handleMenuKeys(e: KeyboardEvent<HTMLElement>) {
  const keys = ["ArrowDown", "ArrowUp", "Home", "End"];
  if (!keys.includes(e.key)) return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([disabled])')];
  if (items.length === 0) return;
  e.preventDefault();
  const i = items.indexOf(document.activeElement as HTMLElement);
  const next =
    e.key === "Home"
      ? 0
      : e.key === "End"
        ? items.length - 1
        : e.key === "ArrowDown"
          ? (i + 1) % items.length
          : (i - 1 + items.length) % items.length;
  items[next]?.focus();
}

export function Menu({ items, label, className }: { items: MenuItem[]; label: string; className?: string }) {
  const radio = items.some((i) => i.checked !== undefined);
  const firstEnabled = items.findIndex((i) => !i.disabled);
  const checkedIndex = items.findIndex((i) => i.checked);
  const focusIndex = checkedIndex >= 0 ? checkedIndex : firstEnabled;
  return (
    <div role="menu" aria-label={label} onKeyDown={handleMenuKeys} className={clsx("flex flex-col", className)}>
      {items.map((item, i) => (
        <button
          key={item.id}
          type="button"
          role={radio ? "menuitemradio" : "menuitem"}
          aria-checked={radio ? Boolean(item.checked) : undefined}
          data-autofocus={i === focusIndex ? "" : undefined}
          disabled={item.disabled}
          onClick={item.onSelect}
          className={clsx(
            "flex w-full items-center gap-2 rounded-md px-2.5 py-1.5 text-left text-sm outline-none focus-visible:outline-none disabled:opacity-40",
            item.danger ? "text-red-700 hover:bg-red-50 focus:bg-red-50" : "text-slate-700 hover:bg-slate-100 focus:bg-slate-100",
          )}
        >
          {radio && <span className="flex w-4 justify-center text-brand-600">{item.checked && <CheckIcon className="h-3.5 w-3.5" />}</span>}
          {item.icon && <span className="flex w-4 justify-center text-slate-400">{item.icon}</span>}
          <span className="min-w-0 flex-1 truncate">{item.label}</span>
          {item.hint && <span className="shrink-0 text-xs text-slate-400">{item.hint}</span>}
          {item.shortcut && <Kbd>{item.shortcut}</Kbd>}
        </button>
      ))}
    </div>
  );
}
