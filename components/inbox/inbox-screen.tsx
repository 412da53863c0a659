"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import clsx from "clsx";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ConversationPane } from "@/components/thread/conversation-pane";
import { SearchDialog } from "@/components/search/search-dialog";
import { CheckIcon, FilterIcon, KeyboardIcon, MailIcon, SearchIcon, SortIcon } from "@/components/ui/icons";
import { useToast } from "@/components/ui/toast";
import { FilterChips, FilterForm, type FilterOptions } from "./filter-popover";
import { Kbd, useModKey } from "@/components/ui/kbd";
import { Menu } from "@/components/ui/menu";
import { Popover } from "@/components/ui/popover";
import { BulkBar } from "./bulk-bar";
import { CommandPalette } from "./command-palette";
import { dispatchInboxCommand, isTypingTarget, type InboxCommand } from "./commands";
import { buildPaletteCommands } from "./palette-commands";
import { NewEmailDialog } from "./new-email-dialog";
import { channelLabel } from "./channel-icon";
import { ConversationList } from "./conversation-list";
import {
  activeFilterCount,
  listInput,
  SORTS,
  SORT_LABEL,
  STATUSES,
  STATUS_LABEL,
  useInboxUrl,
  viewKey,
  type InboxViewState,
} from "./inbox-state";
import { useInboxEvents } from "./realtime/use-inbox-events";
import { ShortcutSheet } from "./shortcut-sheet";
import type { ListPage } from "./types";
import { ViewsSidebar } from "./views-sidebar";

type Overlay = null | "palette" | "shortcuts" | "search" | "newEmail";

const KEY_COMMANDS: Record<string, InboxCommand> = {
  r: "reply",
  n: "note",
  a: "assign",
  c: "claim",
  e: "resolve",
  s: "snooze",
  t: "tag",
  p: "priority",
};

export function InboxScreen() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const mod = useModKey();
  const { state, openId, setState, openConversation } = useInboxUrl();
  const me = useQuery(trpc.workspace.me.queryOptions());
  const permissions = new Set<string>(me.data?.permissions ?? []);
  const can = (p: string) => permissions.has(p);
  const counts = useQuery(trpc.inbox.counts.queryOptions());
  const tags = useQuery({ ...trpc.conversation.tags.queryOptions(), enabled: can("conversations.tag") });
  const live = useInboxEvents(openId);
  const toast = useToast();
  const members = useQuery(trpc.workspace.members.queryOptions());
  const savedViews = useQuery(trpc.views.list.queryOptions());
  const savedCounts = useQuery(trpc.views.counts.queryOptions());
  const deleteView = useMutation(
    trpc.views.delete.mutationOptions({
      onSuccess: () => void qc.invalidateQueries({ queryKey: trpc.views.pathKey() }),
      onError: (err) => toast.show({ tone: "error", message: `Couldn't delete the view: ${err.message}` }),
    }),
  );
  const [filterOpen, setFilterOpen] = useState(false);
  const savedView = state.savedId ? savedViews.data?.find((v) => v.id === state.savedId) : undefined;
  function openSaved(id: string) {
    const v = savedViews.data?.find((x) => x.id === id);
    if (v) setState({ ...v.filters, sort: v.sort, savedId: v.id });
  }
  const filterOptions: FilterOptions = {
    teams: me.data?.teams ?? [],
    members: members.data ?? [],
    tags: tags.data ?? [],
    channelKinds: me.data?.channelKinds ?? [],
  };
  const nFilters = activeFilterCount(state);

  const list = useInfiniteQuery(
    trpc.inbox.list.infiniteQueryOptions(listInput(state), { getNextPageParam: (last) => last.nextCursor ?? undefined }),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  // focus (keyboard cursor) and selection belong to the list being looked at; both reset when the view changes
  const key = viewKey(state);
  const [focus, setFocus] = useState({ key, index: -1 });
  const [selection, setSelection] = useState({ key, ids: new Set<string>(), anchor: -1 });
  const focusIndex = focus.key === key ? Math.min(focus.index, items.length - 1) : -1;
  const selected = selection.key === key ? selection.ids : new Set<string>();
  const openIndex = openId ? items.findIndex((i) => i.id === openId) : -1;
  const cursor = focusIndex >= 0 ? focusIndex : openIndex;
  const lastOpenIndex = useRef(-1);
  useEffect(() => {
    if (openIndex >= 0) lastOpenIndex.current = openIndex;
  });
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [sortOpen, setSortOpen] = useState(false);

  const markRead = useMutation(trpc.conversation.markRead.mutationOptions());
  const markReadMutate = markRead.mutate;
  useEffect(() => {
    if (!openId) return;
    markReadMutate({ conversationId: openId });
    qc.setQueriesData<InfiniteData<ListPage>>(trpc.inbox.list.infiniteQueryFilter(), (old) =>
      old
        ? { ...old, pages: old.pages.map((p) => ({ ...p, items: p.items.map((i) => (i.id === openId ? { ...i, unread: false } : i)) })) }
        : old,
    );
  }, [openId, markReadMutate, qc, trpc]);

  function open(index: number) {
    const item = items[index];
    if (!item) return;
    setFocus({ key, index });
    openConversation(item.id);
  }
  function move(delta: number) {
    if (items.length === 0) return;
    const next = Math.max(0, Math.min(items.length - 1, (cursor < 0 ? (delta > 0 ? -1 : items.length) : cursor) + delta));
    if (openId) open(next);
    else setFocus({ key, index: next });
  }
  function toggle(index: number, range: boolean) {
    const item = items[index];
    if (!item) return;
    const ids = new Set(selected);
    const anchor = selection.key === key ? selection.anchor : -1;
    if (range && anchor >= 0) {
      const [from, to] = anchor < index ? [anchor, index] : [index, anchor];
      for (const i of items.slice(from, to + 1)) ids.add(i.id);
    } else if (ids.has(item.id)) ids.delete(item.id);
    else ids.add(item.id);
    setSelection({ key, ids, anchor: index });
    setFocus({ key, index });
  }
  /** the open conversation leaves this list (resolved, snoozed): open its neighbour, or close the pane */
  function advanceFrom(id: string) {
    const i = items.findIndex((x) => x.id === id);
    // already gone from this list (e.g. assigned away from Unassigned): its neighbour slid into its place
    const at = lastOpenIndex.current;
    const next = i >= 0 ? (items[i + 1] ?? items[i - 1]) : (items[at] ?? items[at - 1]);
    setFocus({ key, index: -1 }); // the cursor follows the open conversation by id
    openConversation(next?.id ?? null);
  }
  const clearSelection = () => setSelection({ key, ids: new Set(), anchor: -1 });
  function command(c: InboxCommand) {
    if (openId) return dispatchInboxCommand(c);
    const item = items[cursor];
    if (!item) return;
    open(cursor);
    // the pane mounts and subscribes first
    setTimeout(() => dispatchInboxCommand(c), 150);
  }
  const go = (next: Partial<InboxViewState>) => setState({ view: "all", status: state.status, sort: state.sort, ...next });

  // the latest handlers for the one window listener below
  const handlers = useRef({
    move,
    open: () => open(cursor),
    toggle: (range: boolean) => toggle(cursor, range),
    command,
    clearSelection,
    go,
    selectedCount: selected.size,
  });
  useEffect(() => {
    handlers.current = {
      move,
      open: () => open(cursor),
      toggle: (range: boolean) => toggle(cursor, range),
      command,
      clearSelection,
      go,
      selectedCount: selected.size,
    };
  });
  useEffect(() => {
    let pendingG = 0;
    const onKey = (e: KeyboardEvent) => {
      const h = handlers.current;
      if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOverlay((o) => (o === "palette" ? null : "palette"));
        return;
      }
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target)) return;
      if (document.querySelector("[data-overlay]")) return; // a dialog or popover owns the keyboard
      const k = e.key;
      if (Date.now() - pendingG < 1000) {
        pendingG = 0;
        const to = { i: { view: "all" as const }, m: { view: "mine" as const }, u: { view: "unassigned" as const } }[k];
        if (to) {
          e.preventDefault();
          h.go(to);
          return;
        }
      }
      switch (k) {
        case "j":
        case "ArrowDown":
          e.preventDefault();
          return h.move(1);
        case "k":
        case "ArrowUp":
          e.preventDefault();
          return h.move(-1);
        case "Enter":
          if (e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement) return;
          e.preventDefault();
          return h.open();
        case "x":
        case "X":
          e.preventDefault();
          return h.toggle(e.shiftKey);
        case "Escape":
          if (h.selectedCount) h.clearSelection();
          return;
        case "/":
          e.preventDefault();
          return setOverlay("search");
        case "?":
          e.preventDefault();
          return setOverlay("shortcuts");
        case "f":
          e.preventDefault();
          return setFilterOpen(true);
        case "g":
          pendingG = Date.now();
          return;
      }
      const c = KEY_COMMANDS[k];
      if (c) {
        e.preventDefault();
        h.command(c);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const paletteCommands = buildPaletteCommands({
    me: me.data,
    tags: tags.data ?? [],
    hasOpen: openId !== null || cursor >= 0,
    can,
    state,
    go,
    setState,
    command,
    openSearch: () => setOverlay("search"),
    newEmail: () => setOverlay("newEmail"),
    openShortcuts: () => setOverlay("shortcuts"),
    navigate: (href) => router.push(href),
    savedViews: savedViews.data ?? [],
    openSaved,
    openFilters: () => setFilterOpen(true),
  });

  const filterLabel = state.channelKind
    ? channelLabel(state.channelKind)
    : state.priority
      ? `${state.priority[0]}${state.priority.slice(1).toLowerCase()} priority`
      : state.tagId
        ? `#${tags.data?.find((t) => t.id === state.tagId)?.name ?? "tag"}`
        : null;
  const emptyText = `No ${STATUS_LABEL[state.status].toLowerCase()} conversations${filterLabel ? ` in ${filterLabel}` : " in this view"}.${state.status === "OPEN" ? " Nice work." : ""}`;

  return (
    <div className="flex h-screen min-h-0">
      <ViewsSidebar
        state={state}
        teams={me.data?.teams ?? []}
        channelKinds={me.data?.channelKinds ?? []}
        tags={tags.data ?? []}
        counts={counts.data}
        workspaceName={me.data?.workspace.name}
        onSelect={setState}
        savedViews={savedViews.data ?? []}
        savedCounts={savedCounts.data}
        onSelectSaved={openSaved}
        onDeleteSaved={(v) => {
          deleteView.mutate({ id: v.id });
          toast.show({ message: `Deleted view “${v.name}”` });
          if (state.savedId === v.id) setState({ ...state, savedId: undefined });
        }}
      />
      <section aria-label="Conversations" className="flex w-[26rem] shrink-0 flex-col border-r border-slate-200 bg-white">
        <div className="flex items-center gap-2 border-b border-slate-100 px-4 pt-3 pb-2">
          <h1 className="min-w-0 flex-1 truncate text-sm font-semibold text-slate-900">
            {savedView?.name ?? (nFilters > 1 ? "Filtered conversations" : (filterLabel ?? viewTitle(state, me.data?.teams ?? [])))}
          </h1>
          <span
            title={live.status === "pending" ? "Live updates on" : "Reconnecting…"}
            className={clsx("h-2 w-2 rounded-full", live.status === "pending" ? "bg-emerald-500" : "bg-amber-400")}
            data-testid="live-indicator"
            data-status={live.status}
          />
          <button
            type="button"
            onClick={() => setOverlay("search")}
            aria-label="Search (/)"
            title="Search (/)"
            className="rounded p-1 text-slate-500 hover:bg-slate-100"
          >
            <SearchIcon className="h-4 w-4" />
          </button>
          {can("conversations.reply") && (
            <button
              type="button"
              onClick={() => setOverlay("newEmail")}
              aria-label="New email"
              title="New email"
              className="rounded p-1 text-slate-500 hover:bg-slate-100"
            >
              <MailIcon className="h-4 w-4" />
            </button>
          )}
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
                title="Filters"
                onClick={() => setFilterOpen((o) => !o)}
                className={clsx(
                  "flex items-center gap-1 rounded px-1.5 py-1 text-xs hover:bg-slate-100",
                  nFilters ? "font-medium text-brand-700" : "text-slate-500",
                )}
              >
                <FilterIcon className="h-3.5 w-3.5" />
                {nFilters > 0 && <span className="tabular-nums">{nFilters}</span>}
              </button>
            }
          >
            <FilterForm
              state={state}
              options={filterOptions}
              onChange={setState}
              canShare={can("views.manageShared")}
              onSaved={(id) => {
                setFilterOpen(false);
                setState({ ...state, savedId: id });
              }}
            />
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
                onClick={() => setSortOpen((o) => !o)}
                className="flex items-center gap-1 rounded px-1.5 py-1 text-xs text-slate-500 hover:bg-slate-100"
              >
                <SortIcon className="h-3.5 w-3.5" />
                {SORT_LABEL[state.sort]}
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
                  setState({ ...state, sort: s });
                },
              }))}
            />
          </Popover>
        </div>
        {selected.size > 0 ? (
          <BulkBar ids={[...selected]} onClear={clearSelection} can={can} />
        ) : (
          <div role="tablist" aria-label="Status" className="flex gap-1 border-b border-slate-200 px-3">
            {STATUSES.map((s) => (
              <button
                key={s}
                role="tab"
                type="button"
                aria-selected={s === state.status}
                onClick={() => setState({ ...state, status: s })}
                className={clsx(
                  "-mb-px flex items-center gap-1.5 border-b-2 px-2 pt-1 pb-2 text-sm font-medium transition-colors",
                  s === state.status ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800",
                )}
              >
                {STATUS_LABEL[s]}
                {counts.data && s !== "RESOLVED" && counts.data.status[s] > 0 && (
                  <span className="rounded-full bg-slate-100 px-1.5 text-[11px] text-slate-500 tabular-nums">
                    {counts.data.status[s].toLocaleString()}
                  </span>
                )}
              </button>
            ))}
          </div>
        )}
        <FilterChips state={state} options={filterOptions} onChange={setState} />
        <ConversationList
          query={list}
          items={items}
          emptyText={emptyText}
          focusIndex={cursor}
          openId={openId}
          selected={selected}
          onOpen={open}
          onToggle={toggle}
        />
        <footer className="flex items-center gap-3 border-t border-slate-100 px-4 py-1.5 text-[11px] text-slate-400">
          <span className="flex items-center gap-1">
            <Kbd>j</Kbd>
            <Kbd>k</Kbd> move
          </span>
          <span className="flex items-center gap-1">
            <Kbd>x</Kbd> select
          </span>
          <span className="flex items-center gap-1">
            <Kbd>{mod}</Kbd>
            <Kbd>K</Kbd> commands
          </span>
          <button type="button" onClick={() => setOverlay("shortcuts")} className="ml-auto flex items-center gap-1 hover:text-slate-600">
            <KeyboardIcon className="h-3.5 w-3.5" /> <Kbd>?</Kbd>
          </button>
        </footer>
      </section>
      <section aria-label="Conversation" className="flex min-w-0 flex-1 bg-slate-50">
        {openId ? (
          <ConversationPane key={openId} conversationId={openId} onLeaveList={() => advanceFrom(openId)} />
        ) : (
          <div className="m-auto max-w-xs text-center">
            <p className="text-sm font-medium text-slate-600">No conversation selected</p>
            <p className="mt-1 text-sm text-slate-400">
              Pick a conversation from the list, or press <Kbd>j</Kbd> and <Kbd>Enter</Kbd>.
            </p>
            <p className="mt-3 flex items-center justify-center gap-1 text-xs text-slate-400">
              <CheckIcon className="h-3.5 w-3.5" /> <Kbd>?</Kbd> shows every shortcut
            </p>
          </div>
        )}
      </section>
      {overlay === "palette" && <CommandPalette commands={paletteCommands} onClose={() => setOverlay(null)} />}
      {overlay === "shortcuts" && <ShortcutSheet onClose={() => setOverlay(null)} />}
      {overlay === "newEmail" && (
        <NewEmailDialog
          onClose={() => setOverlay(null)}
          onCreated={(id) => {
            setOverlay(null);
            openConversation(id);
          }}
        />
      )}
      <SearchDialog
        open={overlay === "search"}
        onClose={() => setOverlay(null)}
        onOpenConversation={(id) => {
          setOverlay(null);
          openConversation(id);
        }}
      />
    </div>
  );
}

function viewTitle(state: InboxViewState, teams: { id: string; name: string }[]): string {
  switch (state.view) {
    case "mine":
      return "Assigned to me";
    case "unassigned":
      return "Unassigned";
    case "team":
      return teams.find((t) => t.id === state.teamId)?.name ?? "Team";
    case "all":
      return "All conversations";
  }
}
