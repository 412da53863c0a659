"use client";

import { useId, useState } from "react";
import { CloseIcon, SearchIcon } from "@/components/ui/icons";
import { activeFilterCount, LAST_CONTACT, LAST_CONTACT_LABEL, type DirectoryState, type LastContactPreset } from "./directory-state";

type Tag = { id: string; name: string; color: string };

const SELECT =
  "h-8 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-800 focus:border-brand-500 focus:ring-1 focus:ring-brand-500 focus:outline-none";

const yesNo = (v: boolean | undefined) => (v === undefined ? "" : v ? "1" : "0");
const fromYesNo = (v: string) => (v === "" ? undefined : v === "1");

/** Every change applies at once; tags narrow (a customer must carry all the ticked ones). */
export function DirectoryFilterForm({
  state,
  tags,
  onChange,
}: {
  state: DirectoryState;
  tags: Tag[];
  onChange: (s: DirectoryState) => void;
}) {
  const id = useId();
  const [tagQuery, setTagQuery] = useState("");
  const shownTags = tags.filter((t) => t.name.toLowerCase().includes(tagQuery.trim().toLowerCase())).slice(0, 50);
  const toggleTag = (tagId: string) =>
    onChange({ ...state, tagIds: state.tagIds.includes(tagId) ? state.tagIds.filter((t) => t !== tagId) : [...state.tagIds, tagId] });
  const row = (name: string, label: string, control: React.ReactNode) => (
    <label htmlFor={`${id}-${name}`} className="grid grid-cols-[7.5rem_1fr] items-center gap-2 text-sm text-slate-600">
      {label}
      {control}
    </label>
  );
  return (
    <div className="flex w-96 flex-col gap-2.5 p-3" data-testid="customer-filters">
      {row(
        "vip",
        "VIP",
        <select
          id={`${id}-vip`}
          data-autofocus=""
          value={yesNo(state.vip)}
          onChange={(e) => onChange({ ...state, vip: fromYesNo(e.target.value) })}
          className={SELECT}
        >
          <option value="">Anyone</option>
          <option value="1">VIP only</option>
          <option value="0">Not VIP</option>
        </select>,
      )}
      {row(
        "delayed",
        "Orders",
        <select
          id={`${id}-delayed`}
          value={yesNo(state.delayed)}
          onChange={(e) => onChange({ ...state, delayed: fromYesNo(e.target.value) })}
          className={SELECT}
        >
          <option value="">Any</option>
          <option value="1">Has a delayed order</option>
          <option value="0">No delayed order</option>
        </select>,
      )}
      {row(
        "last",
        "Last contact",
        <select
          id={`${id}-last`}
          value={state.last ?? ""}
          onChange={(e) => onChange({ ...state, last: (e.target.value || undefined) as LastContactPreset | undefined })}
          className={SELECT}
        >
          <option value="">Any time</option>
          {LAST_CONTACT.map((p) => (
            <option key={p} value={p}>
              {LAST_CONTACT_LABEL[p]}
            </option>
          ))}
        </select>,
      )}
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1.5 text-sm text-slate-600">Tags</legend>
        {tags.length > 8 && (
          <div className="relative">
            <SearchIcon className="pointer-events-none absolute top-2 left-2 h-4 w-4 text-slate-400" />
            <input
              aria-label="Find a tag"
              value={tagQuery}
              onChange={(e) => setTagQuery(e.target.value)}
              placeholder="Find a tag"
              className="h-8 w-full rounded-md border border-slate-300 pr-2 pl-8 text-sm focus:border-brand-500 focus:ring-1 focus:ring-brand-500 focus:outline-none"
            />
          </div>
        )}
        <ul className="flex max-h-44 flex-wrap gap-1.5 overflow-y-auto">
          {shownTags.length === 0 && <li className="text-sm text-slate-400">No tags</li>}
          {shownTags.map((t) => {
            const on = state.tagIds.includes(t.id);
            return (
              <li key={t.id}>
                <label
                  className={
                    "has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 " +
                    (on
                      ? "flex cursor-pointer items-center gap-1.5 rounded-full border border-brand-500/40 bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700"
                      : "flex cursor-pointer items-center gap-1.5 rounded-full border border-slate-200 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-50")
                  }
                >
                  <input type="checkbox" checked={on} onChange={() => toggleTag(t.id)} className="sr-only" />
                  <span className="h-2 w-2 rounded-full" style={{ backgroundColor: t.color }} aria-hidden="true" />
                  {t.name}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div className="flex justify-end border-t border-slate-100 pt-2.5">
        <button
          type="button"
          disabled={activeFilterCount(state) === 0}
          onClick={() => onChange({ ...state, tagIds: [], vip: undefined, delayed: undefined, last: undefined })}
          className="text-sm text-slate-500 hover:text-slate-800 disabled:opacity-40"
        >
          Clear filters
        </button>
      </div>
    </div>
  );
}

/** The active filters as removable chips under the toolbar. */
export function DirectoryFilterChips({
  state,
  tags,
  onChange,
}: {
  state: DirectoryState;
  tags: Tag[];
  onChange: (s: DirectoryState) => void;
}) {
  const chips: { key: string; label: string; clear: () => DirectoryState }[] = [];
  for (const tagId of state.tagIds) {
    chips.push({
      key: `tag-${tagId}`,
      label: `#${tags.find((t) => t.id === tagId)?.name ?? "tag"}`,
      clear: () => ({ ...state, tagIds: state.tagIds.filter((t) => t !== tagId) }),
    });
  }
  if (state.vip !== undefined)
    chips.push({ key: "vip", label: state.vip ? "VIP" : "Not VIP", clear: () => ({ ...state, vip: undefined }) });
  if (state.delayed !== undefined)
    chips.push({
      key: "delayed",
      label: state.delayed ? "Delayed order" : "No delayed order",
      clear: () => ({ ...state, delayed: undefined }),
    });
  if (state.last)
    chips.push({
      key: "last",
      label: `Contacted: ${LAST_CONTACT_LABEL[state.last].toLowerCase()}`,
      clear: () => ({ ...state, last: undefined }),
    });
  if (chips.length === 0) return null;
  return (
    <ul aria-label="Active filters" className="flex flex-wrap gap-1 border-b border-slate-100 px-5 py-1.5">
      {chips.map((c) => (
        <li key={c.key}>
          <span className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pr-1 pl-2 text-xs text-brand-700">
            {c.label}
            <button
              type="button"
              aria-label={`Remove filter ${c.label}`}
              onClick={() => onChange(c.clear())}
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
