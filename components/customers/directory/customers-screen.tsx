"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import clsx from "clsx";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { isTypingTarget } from "@/components/inbox/commands";
import { ArrowDownIcon, CloseIcon, FilterIcon, SearchIcon, SortIcon } from "@/components/ui/icons";
import { Kbd } from "@/components/ui/kbd";
import { Menu } from "@/components/ui/menu";
import { Popover } from "@/components/ui/popover";
import { exportQueryString } from "@/server/customers/directory.schemas";
import { CustomerList } from "./customer-list";
import { DirectoryFilterChips, DirectoryFilterForm } from "./directory-filters";
import { activeFilterCount, filtersOf, SORT_LABEL, SORTS, useDirectoryUrl, type DirectoryState } from "./directory-state";

const SEARCH_DEBOUNCE_MS = 250;

/** /customers: search, filter, sort the directory; j/k move, Enter opens, / searches; leads export the filter as CSV. */
export function CustomersScreen() {
  const trpc = useTRPC();
  const router = useRouter();
  const { state, setState } = useDirectoryUrl();
  const me = useQuery(trpc.workspace.me.queryOptions());
  const permissions = new Set<string>(me.data?.permissions ?? []);
  const can = (p: string) => permissions.has(p);
  const tags = useQuery({ ...trpc.conversation.tags.queryOptions(), enabled: can("conversations.tag") });
  const [now] = useState(() => new Date());

  // the box updates at once; the URL (and the query) after a pause in typing
  const [text, setText] = useState(state.q);
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  });
  useEffect(() => {
    if (text === latest.current.q) return;
    const t = setTimeout(() => setState({ ...latest.current, q: text }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text, setState]);

  const filters = filtersOf(state, now);
  const list = useInfiniteQuery(
    trpc.customers.list.infiniteQueryOptions({ ...filters, limit: 50 }, { getNextPageParam: (last) => last.nextCursor ?? undefined }),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const key = JSON.stringify(filters);
  const [focus, setFocus] = useState({ key, index: -1 });
  const focusIndex = focus.key === key ? Math.min(focus.index, items.length - 1) : -1;
  const [filterOpen, setFilterOpen] = useState(false);
  const [sortOpen, setSortOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const nFilters = activeFilterCount(state);
  const update = (next: DirectoryState) => setState(next);
  const clearAll = () => {
    setText("");
    setState({ q: "", tagIds: [], sort: state.sort });
  };

  const handlers = useRef({ move: (_d: number) => {}, open: () => {} });
  useEffect(() => {
    handlers.current = {
      move: (d) => {
        if (items.length === 0) return;
        const from = focusIndex < 0 ? (d > 0 ? -1 : items.length) : focusIndex;
        setFocus({ key, index: Math.max(0, Math.min(items.length - 1, from + d)) });
      },
      open: () => {
        const item = items[focusIndex];
        if (item) router.push(`/customers/${item.id}`);
      },
    };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target)) return;
      if (document.querySelector("[data-overlay]")) return;
      if (e.key === "j" || e.key === "ArrowDown") {
        e.preventDefault();
        handlers.current.move(1);
      } else if (e.key === "k" || e.key === "ArrowUp") {
        e.preventDefault();
        handlers.current.move(-1);
      } else if (e.key === "Enter" && (e.target === document.body || e.target === null)) {
        e.preventDefault();
        handlers.current.open();
      } else if (e.key === "/") {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (e.key === "f") {
        e.preventDefault();
        setFilterOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <div className="flex h-screen min-h-0 flex-col bg-white">
      <header className="flex items-center gap-3 border-b border-slate-200 px-5 py-3">
        <h1 className="text-base font-semibold text-slate-900">Customers</h1>
        <div className="relative ml-4 max-w-xl flex-1">
          <SearchIcon className="pointer-events-none absolute top-2 left-2.5 h-4 w-4 text-slate-400" />
          <input
            ref={searchRef}
            type="search"
            aria-label="Search customers"
            placeholder="Search name, e-mail, phone or order number"
            value={text}
            maxLength={200}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape") {
                e.preventDefault();
                if (text) setText("");
                else e.currentTarget.blur();
              } else if (e.key === "ArrowDown" || e.key === "Enter") {
                e.preventDefault();
                e.currentTarget.blur();
                setFocus({ key, index: 0 });
              }
            }}
            className="h-9 w-full rounded-md border border-slate-300 bg-white pr-16 pl-8 text-sm text-slate-800 placeholder:text-slate-400 focus:border-brand-500 focus:ring-1 focus:ring-brand-500 focus:outline-none [&::-webkit-search-cancel-button]:hidden"
          />
          <span className="absolute top-1.5 right-2 flex items-center gap-1">
            {text ? (
              <button
                type="button"
                aria-label="Clear search"
                onClick={() => setText("")}
                className="rounded p-1 text-slate-400 hover:bg-slate-100"
              >
                <CloseIcon className="h-3.5 w-3.5" />
              </button>
            ) : (
              <Kbd>/</Kbd>
            )}
          </span>
        </div>
        {text.trim().length === 1 && <span className="text-xs text-slate-400">Type at least 2 characters</span>}
        <div className="ml-auto flex items-center gap-1">
          <Popover
            open={filterOpen}
            onClose={() => setFilterOpen(false)}
            label="Filters"
            align="end"
            trigger={
              <button
                type="button"
                aria-haspopup="dialog"
                aria-expanded={filterOpen}
                aria-label={nFilters ? `Filters (${nFilters} active)` : "Filters"}
                onClick={() => setFilterOpen((o) => !o)}
                className={clsx(
                  "flex h-8 items-center gap-1.5 rounded-md px-2.5 text-sm hover:bg-slate-100",
                  nFilters ? "font-medium text-brand-700" : "text-slate-600",
                )}
              >
                <FilterIcon className="h-4 w-4" /> Filters
                {nFilters > 0 && <span className="rounded-full bg-brand-100 px-1.5 text-xs tabular-nums">{nFilters}</span>}
              </button>
            }
          >
            <DirectoryFilterForm state={state} tags={tags.data ?? []} onChange={update} />
          </Popover>
          <Popover
            open={sortOpen}
            onClose={() => setSortOpen(false)}
            label="Sort"
            align="end"
            trigger={
              <button
                type="button"
                aria-haspopup="dialog"
                aria-expanded={sortOpen}
                aria-label={`Sort: ${SORT_LABEL[state.sort]}`}
                onClick={() => setSortOpen((o) => !o)}
                className="flex h-8 items-center gap-1.5 rounded-md px-2.5 text-sm text-slate-600 hover:bg-slate-100"
              >
                <SortIcon className="h-4 w-4" /> {SORT_LABEL[state.sort]}
              </button>
            }
          >
            <Menu
              label="Sort by"
              items={SORTS.map((s) => ({
                id: s,
                label: SORT_LABEL[s],
                checked: s === state.sort,
                onSelect: () => {
                  setSortOpen(false);
                  update({ ...state, sort: s });
                },
              }))}
            />
          </Popover>
          {can("customers.export") && (
            <a
              href={`/api/customers/export?${exportQueryString(filters)}`}
              download
              className="ml-1 flex h-8 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-700 hover:bg-slate-50"
            >
              <ArrowDownIcon className="h-4 w-4" /> Export CSV
            </a>
          )}
        </div>
      </header>
      <DirectoryFilterChips state={state} tags={tags.data ?? []} onChange={update} />
      <CustomerList
        query={list}
        items={items}
        focusIndex={focusIndex}
        filtered={Boolean(filters.q) || nFilters > 0}
        onClearFilters={clearAll}
      />
      <footer className="flex items-center gap-3 border-t border-slate-100 px-5 py-1.5 text-[11px] text-slate-400">
        <span className="flex items-center gap-1">
          <Kbd>j</Kbd>
          <Kbd>k</Kbd> move
        </span>
        <span className="flex items-center gap-1">
          <Kbd>Enter</Kbd> open
        </span>
        <span className="flex items-center gap-1">
          <Kbd>/</Kbd> search
        </span>
        <span className="flex items-center gap-1">
          <Kbd>f</Kbd> filters
        </span>
      </footer>
    </div>
  );
}
