"use client";

import clsx from "clsx";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ChannelIcon } from "@/components/inbox/channel-icon";
import { Avatar } from "@/components/ui/avatar";
import { HashIcon, NoteIcon, SearchIcon } from "@/components/ui/icons";
import { Kbd } from "@/components/ui/kbd";
import { Modal } from "@/components/ui/modal";
import { RelativeTime } from "@/components/ui/relative-time";
import type { AppRouter } from "@/server/trpc/router";
import { parseSnippet } from "@/server/search/snippet";
import { listboxKeyDown } from "@/components/ui/listbox-keys";

type SearchResult = inferRouterOutputs<AppRouter>["search"]["all"];
type ConversationHit = SearchResult["conversations"][number];
type MessageHit = SearchResult["messages"][number];
type CustomerHit = SearchResult["customers"][number];

type Row =
  | { key: string; kind: "conversation"; hit: ConversationHit }
  | { key: string; kind: "message"; hit: MessageHit }
  | { key: string; kind: "customer"; hit: CustomerHit };

const DEBOUNCE_MS = 150;
const MIN_LENGTH = 2;
const MAX_LENGTH = 200;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

/** Workspace search (messages, notes, customers, order numbers) in a modal; Enter opens the conversation. */
export function SearchDialog({
  open,
  onClose,
  onOpenConversation,
}: {
  open: boolean;
  onClose: () => void;
  onOpenConversation: (id: string) => void;
}) {
  if (!open) return null;
  return <SearchPanel onClose={onClose} onOpenConversation={onOpenConversation} />;
}

function SearchPanel({ onClose, onOpenConversation }: { onClose: () => void; onOpenConversation: (id: string) => void }) {
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const q = useDebounced(query.trim(), DEBOUNCE_MS);
  const searchable = q.length >= MIN_LENGTH && q.length <= MAX_LENGTH;
  const search = useQuery({
    ...trpc.search.all.queryOptions({ q, limit: 5 }),
    enabled: searchable,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  // what is on screen belongs to the typed text (placeholder data is the previous query's, shown while typing on)
  const data = searchable ? search.data : undefined;

  const conversations: Row[] = [
    ...(data?.conversations ?? []).map((hit): Row => ({ key: `c-${hit.id}`, kind: "conversation", hit })),
    ...(data?.messages ?? []).map((hit): Row => ({ key: `m-${hit.id}`, kind: "message", hit })),
  ];
  const customers: Row[] = (data?.customers ?? []).map((hit): Row => ({ key: `u-${hit.id}`, kind: "customer", hit }));
  const rows = [...conversations, ...customers];
  const activeIndex = Math.min(active, rows.length - 1);

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${activeIndex}"]`)?.scrollIntoView({ block: "nearest" });
  }, [activeIndex]);

  function choose(row: Row | undefined) {
    if (!row) return;
    if (row.kind === "conversation") onOpenConversation(row.hit.id);
    else if (row.kind === "message") onOpenConversation(row.hit.conversationId);
    else if (row.hit.latestConversationId) onOpenConversation(row.hit.latestConversationId);
    else onClose();
  }

  const typed = query.trim();
  const waiting = typed !== q || (searchable && search.isFetching && !search.data);

  return (
    <Modal title="Search" hideTitle position="top" onClose={onClose} className="max-w-2xl">
      <div className="flex items-center gap-2.5 border-b border-slate-100 px-4">
        <SearchIcon className="h-4 w-4 text-slate-400" />
        <input
          data-autofocus=""
          role="combobox"
          aria-label="Search messages, notes, customers and orders"
          aria-expanded={rows.length > 0}
          aria-controls={listId}
          aria-activedescendant={rows.length ? `${listId}-${activeIndex}` : undefined}
          aria-autocomplete="list"
          maxLength={MAX_LENGTH}
          value={query}
          placeholder="Search messages, notes, customers, emails, phones, #orders…"
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => listboxKeyDown(e, rows, activeIndex, setActive, choose)}
          className="h-12 min-w-0 flex-1 border-0 bg-transparent text-sm text-slate-900 placeholder:text-slate-400 focus:outline-none"
        />
        {searchable && search.isFetching && (
          <span className="text-xs text-slate-400" aria-hidden="true">
            Searching…
          </span>
        )}
      </div>

      <div ref={listRef} id={listId} role="listbox" aria-label="Search results" className="max-h-[60vh] min-h-24 overflow-y-auto py-1">
        {typed.length < MIN_LENGTH ? (
          <Hint>Type at least 2 characters. Try a phrase in quotes, -word to exclude, an email, a phone number or #1234.</Hint>
        ) : search.isError && !waiting ? (
          <p role="alert" className="px-4 py-6 text-center text-sm text-red-600">
            Search failed: {search.error.message}
          </p>
        ) : !data ? (
          <Hint>Searching…</Hint>
        ) : rows.length === 0 ? (
          <Hint>
            No results for <span className="font-medium text-slate-600">“{q}”</span>
          </Hint>
        ) : (
          <>
            <Group
              label="Conversations"
              rows={conversations}
              offset={0}
              activeIndex={activeIndex}
              listId={listId}
              onHover={setActive}
              onChoose={choose}
            />
            <Group
              label="Customers"
              rows={customers}
              offset={conversations.length}
              activeIndex={activeIndex}
              listId={listId}
              onHover={setActive}
              onChoose={choose}
            />
          </>
        )}
      </div>

      <div className="flex items-center gap-4 border-t border-slate-100 bg-slate-50 px-4 py-2 text-xs text-slate-500">
        <span className="flex items-center gap-1">
          <Kbd>↑</Kbd>
          <Kbd>↓</Kbd> move
        </span>
        <span className="flex items-center gap-1">
          <Kbd>↵</Kbd> open
        </span>
        <span className="flex items-center gap-1">
          <Kbd>esc</Kbd> close
        </span>
      </div>
    </Modal>
  );
}

function Hint({ children }: { children: ReactNode }) {
  return <p className="px-4 py-6 text-center text-sm text-slate-400">{children}</p>;
}

function Group({
  label,
  rows,
  offset,
  activeIndex,
  listId,
  onHover,
  onChoose,
}: {
  label: string;
  rows: Row[];
  offset: number;
  activeIndex: number;
  listId: string;
  onHover: (i: number) => void;
  onChoose: (row: Row) => void;
}) {
  const groupId = useId();
  if (rows.length === 0) return null;
  return (
    <div role="group" aria-labelledby={groupId}>
      <div id={groupId} className="px-4 pt-2 pb-1 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">
        {label}
      </div>
      {rows.map((row, i) => {
        const index = offset + i;
        const isActive = index === activeIndex;
        return (
          <div
            key={row.key}
            id={`${listId}-${index}`}
            data-index={index}
            role="option"
            aria-selected={isActive}
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => !isActive && onHover(index)}
            onClick={() => onChoose(row)}
            className={clsx("mx-1 flex cursor-pointer gap-3 rounded-md px-3 py-2", isActive ? "bg-slate-100" : "hover:bg-slate-50")}
          >
            <RowContent row={row} />
          </div>
        );
      })}
    </div>
  );
}

function RowContent({ row }: { row: Row }) {
  switch (row.kind) {
    case "conversation": {
      const c = row.hit;
      return (
        <>
          <ChannelIcon kind={c.channelKind} className="mt-0.5" />
          <div className="min-w-0 flex-1">
            <div className="flex items-baseline gap-2">
              <span className="truncate text-sm font-medium text-slate-900">{c.customerName ?? "Unknown customer"}</span>
              <span className="shrink-0 text-xs text-slate-400">#{c.number}</span>
              <RelativeTime date={c.lastMessageAt} className="ml-auto shrink-0 text-xs text-slate-400" />
            </div>
            <p className="flex items-center gap-1 truncate text-sm text-slate-500">
              <HashIcon className="h-3.5 w-3.5 text-slate-400" />
              {c.subject ?? "Conversation"} · {c.status.toLowerCase()}
            </p>
          </div>
        </>
      );
    }
    case "message": {
      const m = row.hit;
      return (
        <>
          <ChannelIcon kind={m.channelKind} className="mt-0.5" />
          <div className="min-w-0 flex-1">
            <div className="flex items-baseline gap-2">
              <span className="truncate text-sm font-medium text-slate-900">{m.customerName ?? "Unknown customer"}</span>
              <span className="shrink-0 text-xs text-slate-400">#{m.conversationNumber}</span>
              {m.kind === "NOTE" && (
                <span className="flex shrink-0 items-center gap-0.5 rounded bg-amber-50 px-1 text-[10px] font-semibold text-amber-700">
                  <NoteIcon className="h-3 w-3" /> Note
                </span>
              )}
              <RelativeTime date={m.createdAt} className="ml-auto shrink-0 text-xs text-slate-400" />
            </div>
            <Snippet snippet={m.snippet} />
          </div>
        </>
      );
    }
    case "customer": {
      const c = row.hit;
      const contact = [c.email, c.phone].filter(Boolean).join(" · ");
      return (
        <>
          <Avatar name={c.name ?? c.email} size="sm" className="mt-0.5" />
          <div className="min-w-0 flex-1">
            <div className="flex items-baseline gap-2">
              <span className="truncate text-sm font-medium text-slate-900">{c.name ?? c.email ?? c.phone ?? "Unknown customer"}</span>
              {c.vip && <span className="shrink-0 rounded bg-amber-100 px-1 text-[10px] font-semibold text-amber-800">VIP</span>}
              <span className="ml-auto shrink-0 text-xs text-slate-400">
                {c.latestConversationId ? `matched ${c.matched}` : "no conversation"}
              </span>
            </div>
            {contact && <p className="truncate text-sm text-slate-500">{contact}</p>}
          </div>
        </>
      );
    }
  }
}

/** Server snippet (escaped text + <mark>) rendered as text nodes: never as HTML. */
function Snippet({ snippet }: { snippet: string }) {
  return (
    <p className="line-clamp-2 text-sm text-slate-500">
      {parseSnippet(snippet).map((part, i) =>
        part.mark ? (
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-slate-900">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}
