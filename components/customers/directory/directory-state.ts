"use client";

import { useSearchParams } from "next/navigation";
import type { CustomerFilters, CustomerSort } from "@/server/customers/directory.schemas";

/** Last-contact presets: whole days, so the query (and its cache key) stays the same all day. */
export const LAST_CONTACT = ["today", "7d", "30d", "90d", "older90"] as const;
export type LastContactPreset = (typeof LAST_CONTACT)[number];
export const LAST_CONTACT_LABEL: Record<LastContactPreset, string> = {
  today: "Today",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  older90: "More than 90 days ago",
};

export const SORTS: CustomerSort[] = ["recent", "name", "created"];
export const SORT_LABEL: Record<CustomerSort, string> = { recent: "Last contact", name: "Name", created: "Newest customers" };

/** What the directory's URL holds: ?q=&tag=&tag=&vip=1&delayed=1&last=7d&sort=name */
export type DirectoryState = {
  q: string;
  tagIds: string[];
  vip?: boolean;
  delayed?: boolean;
  last?: LastContactPreset;
  sort: CustomerSort;
};

const flag = (v: string | null) => (v === "1" ? true : v === "0" ? false : undefined);

export function readDirectoryState(p: URLSearchParams): DirectoryState {
  const last = p.get("last");
  const sort = p.get("sort");
  return {
    q: p.get("q") ?? "",
    tagIds: p.getAll("tag").filter((t) => /^[0-9a-f-]{36}$/i.test(t)),
    vip: flag(p.get("vip")),
    delayed: flag(p.get("delayed")),
    last: LAST_CONTACT.includes(last as LastContactPreset) ? (last as LastContactPreset) : undefined,
    sort: SORTS.includes(sort as CustomerSort) ? (sort as CustomerSort) : "recent",
  };
}

export function directoryQuery(s: DirectoryState): string {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set("q", s.q.trim());
  for (const t of s.tagIds) p.append("tag", t);
  if (s.vip !== undefined) p.set("vip", s.vip ? "1" : "0");
  if (s.delayed !== undefined) p.set("delayed", s.delayed ? "1" : "0");
  if (s.last) p.set("last", s.last);
  if (s.sort !== "recent") p.set("sort", s.sort);
  return p.toString();
}

const DAY_MS = 86_400_000;
function startOfToday(now: Date): Date {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d;
}

function lastContactRange(preset: LastContactPreset | undefined, now: Date): CustomerFilters["lastContact"] {
  if (!preset) return undefined;
  const today = startOfToday(now).getTime();
  switch (preset) {
    case "today":
      return { from: new Date(today) };
    case "7d":
      return { from: new Date(today - 6 * DAY_MS) };
    case "30d":
      return { from: new Date(today - 29 * DAY_MS) };
    case "90d":
      return { from: new Date(today - 89 * DAY_MS) };
    case "older90":
      return { to: new Date(today - 90 * DAY_MS) };
  }
}

/** The filters customers.list and the export take (q only from 2 characters: one matches too much). */
export function filtersOf(s: DirectoryState, now: Date): Omit<CustomerFilters, "sort"> & { sort: CustomerSort } {
  const q = s.q.trim();
  return {
    q: q.length >= 2 ? q : undefined,
    tagIds: s.tagIds.length ? s.tagIds : undefined,
    vip: s.vip,
    hasDelayedOrder: s.delayed,
    lastContact: lastContactRange(s.last, now),
    sort: s.sort,
  };
}

export function activeFilterCount(s: DirectoryState): number {
  return s.tagIds.length + (s.vip !== undefined ? 1 : 0) + (s.delayed !== undefined ? 1 : 0) + (s.last ? 1 : 0);
}

/** The directory's URL state; changes replace the history entry (typing a search is not navigation). */
export function useDirectoryUrl(): { state: DirectoryState; setState: (s: DirectoryState) => void } {
  const params = useSearchParams();
  const state = readDirectoryState(new URLSearchParams(params.toString()));
  return {
    state,
    setState: (next) => {
      const qs = directoryQuery(next);
      window.history.replaceState(null, "", qs ? `${window.location.pathname}?${qs}` : window.location.pathname);
    },
  };
}
