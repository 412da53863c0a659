"use client";

import clsx from "clsx";
import Link from "next/link";
import { useId, useState } from "react";
import { ChannelIcon } from "@/components/inbox/channel-icon";
import { TimelineItem } from "@/components/thread/timeline-item";
import { TimelineSkeleton } from "@/components/thread/timeline";
import { useThreadMessages } from "@/components/thread/use-thread-messages";
import { Avatar } from "@/components/ui/avatar";
import { ChevronDownIcon, ExternalIcon } from "@/components/ui/icons";
import { RelativeTime, formatFull } from "@/components/ui/relative-time";
import type { TimelineConversation } from "./timeline-types";

const STATUS: Record<string, { label: string; className: string }> = {
  OPEN: { label: "Open", className: "bg-brand-50 text-brand-700" },
  PENDING: { label: "Pending", className: "bg-amber-50 text-amber-700" },
  SNOOZED: { label: "Snoozed", className: "bg-violet-50 text-violet-700" },
  RESOLVED: { label: "Resolved", className: "bg-slate-100 text-slate-600" },
};

/** The conversation's messages, loaded when the card opens (newest page first, shown oldest first), rendered as in the thread. */
function ConversationMessages({
  conversationId,
  customerName,
  memberName,
}: {
  conversationId: string;
  customerName: string;
  memberName: (id: string) => string | undefined;
}) {
  const thread = useThreadMessages(conversationId);
  const { query, items, retry } = thread;
  if (query.isPending) return <TimelineSkeleton />;
  if (query.isError) {
    return (
      <p role="alert" className="text-sm text-red-600">
        Couldn&apos;t load the messages: {query.error.message}{" "}
        <button type="button" onClick={() => void query.refetch()} className="font-medium underline">
          Try again
        </button>
      </p>
    );
  }
  if (items.length === 0) return <p className="text-sm text-slate-500">No messages in this conversation.</p>;
  return (
    <div>
      {query.hasNextPage && (
        <div className="mb-2 flex justify-center">
          <button
            type="button"
            onClick={() => void query.fetchNextPage()}
            disabled={query.isFetchingNextPage}
            className="rounded-full border border-slate-200 bg-white px-3 py-1 text-xs font-medium text-slate-600 shadow-sm hover:bg-slate-50 disabled:opacity-60"
          >
            {query.isFetchingNextPage ? "Loading…" : "Load earlier messages"}
          </button>
        </div>
      )}
      <ol aria-label="Messages" className="flex flex-col gap-2.5">
        {items.map((m) => (
          <TimelineItem
            key={m.id}
            message={m}
            customerName={customerName}
            memberName={memberName}
            onRetry={(messageId) => retry.mutate({ messageId })}
            retrying={retry.isPending && retry.variables.messageId === m.id}
          />
        ))}
      </ol>
    </div>
  );
}

/** A conversation on the customer's timeline: channel, subject, status, assignee and times; expands inline to its messages. */
export function TimelineConversationCard({
  conversation: c,
  customerName,
  memberName,
}: {
  conversation: TimelineConversation;
  customerName: string;
  memberName: (id: string) => string | undefined;
}) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const status = STATUS[c.status] ?? { label: c.status, className: "bg-slate-100 text-slate-600" };
  const title = c.subject ?? c.preview ?? "(no messages)";
  return (
    <li data-testid="timeline-conversation" data-id={c.id} className="rounded-lg border border-slate-200 bg-white shadow-xs">
      <div className="flex items-start gap-3 px-4 py-3">
        <ChannelIcon kind={c.channel.kind} className="mt-0.5" />
        <button
          type="button"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((o) => !o)}
          className="min-w-0 flex-1 rounded text-left focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
        >
          <span className="flex items-center gap-2 text-xs text-slate-500">
            <span className="font-medium text-slate-600">{c.channel.name}</span>
            <span>#{c.number}</span>
            <span className={clsx("rounded px-1.5 text-[11px] font-semibold", status.className)}>{status.label}</span>
          </span>
          <span className={clsx("mt-0.5 block truncate text-sm font-medium", c.subject ? "text-slate-900" : "text-slate-700")}>
            {title}
          </span>
          {c.subject && c.preview && <span className="block truncate text-xs text-slate-500">{c.preview}</span>}
          <span className="mt-1 flex items-center gap-2 text-xs text-slate-400">
            <span title={formatFull(c.createdAt)}>
              Started {c.createdAt.toLocaleDateString(undefined, { month: "short", day: "numeric" })}
            </span>
            <span aria-hidden="true">·</span>
            <span>
              last activity <RelativeTime date={c.lastMessageAt} />
            </span>
            <span aria-hidden="true">·</span>
            <span>
              {c.messageCount} message{c.messageCount === 1 ? "" : "s"}
            </span>
          </span>
        </button>
        <div className="flex shrink-0 flex-col items-end gap-1.5">
          <span className="flex items-center gap-1.5 text-xs text-slate-500">
            {c.assignee ? (
              <>
                <Avatar name={c.assignee.name} size="sm" /> {c.assignee.name}
              </>
            ) : (
              <span className="italic">Unassigned</span>
            )}
          </span>
          <span className="flex items-center gap-1">
            <Link
              href={`/inbox?c=${c.id}`}
              className="flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium text-brand-700 hover:bg-brand-50"
            >
              Open in inbox <ExternalIcon className="h-3 w-3" />
            </Link>
            <button
              type="button"
              aria-label={open ? `Collapse conversation #${c.number}` : `Expand conversation #${c.number}`}
              aria-expanded={open}
              aria-controls={bodyId}
              onClick={() => setOpen((o) => !o)}
              className="rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-600"
            >
              <ChevronDownIcon className={clsx("h-4 w-4 transition-transform", open && "rotate-180")} />
            </button>
          </span>
        </div>
      </div>
      {open && (
        <div id={bodyId} className="border-t border-slate-100 bg-slate-50/60 px-4 py-3" data-testid="timeline-conversation-messages">
          <ConversationMessages conversationId={c.id} customerName={customerName} memberName={memberName} />
        </div>
      )}
    </li>
  );
}
