"use client";

import clsx from "clsx";
import { useState, type ReactNode } from "react";
import { Avatar } from "@/components/ui/avatar";
import { NoteIcon } from "@/components/ui/icons";
import { RelativeTime, formatFull } from "@/components/ui/relative-time";
import type { MessageItem } from "@/components/inbox/types";
import { AttachmentList } from "./attachment-list";
import { DeliveryStatus } from "./delivery-status";
import { EmailFrame } from "./email-frame";
import { splitQuoted } from "./quoted-text";

export type TimelineKind = "inbound" | "outbound" | "note" | "event";

export function timelineKind(m: MessageItem): TimelineKind {
  if (m.kind === "EVENT") return "event";
  if (m.kind === "NOTE") return "note";
  return m.direction === "IN" ? "inbound" : "outbound";
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Names @mentioned in a note: stored as [{ id, name }] (or bare ids by older writers). */
function mentionNames(meta: unknown, memberName: (id: string) => string | undefined): string[] {
  const list = meta && typeof meta === "object" && "mentions" in meta ? (meta as { mentions?: unknown }).mentions : undefined;
  if (!Array.isArray(list)) return [];
  return list
    .map((m: unknown) => (typeof m === "string" ? memberName(m) : m && typeof m === "object" && "name" in m ? String(m.name) : undefined))
    .filter((n): n is string => Boolean(n));
}

function withMentions(text: string, names: string[]): ReactNode {
  if (names.length === 0) return text;
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).sort((a, b) => b.length - a.length);
  const parts = text.split(new RegExp(`(@(?:${escaped.join("|")}))`, "g"));
  return parts.map((p, i) =>
    i % 2 === 1 ? (
      <span key={i} className="rounded bg-amber-200/60 px-0.5 font-medium text-amber-900">
        {p}
      </span>
    ) : (
      p
    ),
  );
}

function Body({ message, mentions }: { message: MessageItem; mentions: string[] }) {
  const [showQuoted, setShowQuoted] = useState(false);
  // email ingest folds quoted history out of the text/HTML and keeps it in meta.quoted / meta.quotedHtml
  const meta = message.meta as { quoted?: unknown; quotedHtml?: unknown } | null;
  if (message.html) {
    const title = `Email from ${message.author?.name ?? "customer"}`;
    const quotedHtml = typeof meta?.quotedHtml === "string" && meta.quotedHtml.trim() ? meta.quotedHtml : null;
    return (
      <div>
        <EmailFrame html={message.html} title={title} />
        {quotedHtml && (
          <QuotedToggle open={showQuoted} onToggle={() => setShowQuoted((s) => !s)}>
            <EmailFrame html={quotedHtml} title={`${title} (quoted history)`} />
          </QuotedToggle>
        )}
      </div>
    );
  }
  const split = splitQuoted(message.text);
  const { body } = split;
  const quoted = split.quoted ?? (typeof meta?.quoted === "string" && meta.quoted.trim() ? meta.quoted : null);
  return (
    <div className="text-sm leading-relaxed whitespace-pre-wrap text-slate-800 [overflow-wrap:anywhere]">
      {withMentions(body, mentions)}
      {quoted && (
        <QuotedToggle open={showQuoted} onToggle={() => setShowQuoted((s) => !s)}>
          <div className="mt-1 border-l-2 border-slate-200 pl-3 text-slate-500">{quoted}</div>
        </QuotedToggle>
      )}
    </div>
  );
}

export function TimelineItem({
  message,
  customerName,
  memberName,
  onRetry,
  retrying,
}: {
  message: MessageItem;
  customerName: string;
  memberName: (id: string) => string | undefined;
  onRetry: (id: string) => void;
  retrying: boolean;
}) {
  const kind = timelineKind(message);
  const pending = message.id.startsWith("optimistic:");
  if (kind === "event") {
    return (
      <li data-testid="timeline-item" data-kind="event" className="flex items-center gap-3 px-2 py-1 text-xs text-slate-400">
        <span className="h-px flex-1 bg-slate-200" />
        <span className="text-slate-500">{message.text}</span>
        <span aria-hidden="true">·</span>
        <RelativeTime date={message.createdAt} />
        <span className="h-px flex-1 bg-slate-200" />
      </li>
    );
  }
  const author = kind === "inbound" ? customerName : (message.author?.name ?? (message.authorType === "BOT" ? "Bot" : "Agent"));
  const mentions = kind === "note" ? mentionNames(message.meta, memberName) : [];
  return (
    <li
      data-testid="timeline-item"
      data-kind={kind}
      data-id={message.id}
      aria-label={`${kind === "note" ? "Internal note" : kind === "inbound" ? "Message" : "Reply"} from ${author}`}
      className={clsx(
        "rounded-lg border px-4 py-3 transition-opacity",
        kind === "note"
          ? "border-amber-200 bg-amber-50"
          : kind === "outbound"
            ? "border-brand-100 bg-brand-50/40"
            : "border-slate-200 bg-white",
        pending && "opacity-70",
      )}
    >
      <header className="mb-1.5 flex items-center gap-2">
        <Avatar name={author} size="sm" />
        <span className="truncate text-sm font-semibold text-slate-900">{author}</span>
        {kind === "note" && (
          <span className="flex items-center gap-1 rounded bg-amber-200/70 px-1.5 text-[11px] font-semibold text-amber-900">
            <NoteIcon className="h-3 w-3" /> Internal note
          </span>
        )}
        {kind === "outbound" && <span className="text-xs text-slate-400">replied</span>}
        <span className="ml-auto shrink-0 text-xs text-slate-400" title={formatFull(message.createdAt)}>
          <RelativeTime date={message.createdAt} />
        </span>
      </header>
      <div className="pl-8">
        <Body message={message} mentions={mentions} />
        <AttachmentList attachments={message.attachments} pending={pending} />
        {kind === "outbound" && (
          <div className="mt-1.5">
            <DeliveryStatus message={message} onRetry={() => onRetry(message.id)} retrying={retrying} />
          </div>
        )}
      </div>
    </li>
  );
}

/** The "…" that folds quoted history away (Gmail-style); the history shows under it when open. */
function QuotedToggle({ open, onToggle, children }: { open: boolean; onToggle: () => void; children: ReactNode }) {
  const label = open ? "Hide quoted text" : "Show quoted text";
  return (
    <div className="mt-1">
      <button
        type="button"
        aria-expanded={open}
        aria-label={label}
        title={label}
        onClick={onToggle}
        className="rounded bg-slate-100 px-1.5 text-xs leading-4 font-bold tracking-widest text-slate-500 hover:bg-slate-200"
      >
        …
      </button>
      {open && children}
    </div>
  );
}
