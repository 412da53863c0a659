"use client";

import clsx from "clsx";
import type { ReactNode } from "react";
import { Avatar } from "@/components/ui/avatar";
import { RelativeTime } from "@/components/ui/relative-time";
import type { NotificationItem } from "@/server/notifications/notifications.schemas";

/** "Ana Agent mentioned you in #758 Damaged item" — the conversation part only when the caller may still open it. */
function headline(n: NotificationItem): ReactNode {
  const who = <span className="font-semibold text-slate-900">{n.by ?? "Someone"}</span>;
  const c = n.conversation;
  const where = c ? (
    <>
      <span className="font-medium text-slate-900">#{c.number}</span>
      {c.subject ? ` ${c.subject}` : ""}
    </>
  ) : (
    "a conversation you can no longer open"
  );
  switch (n.kind) {
    case "MENTION":
      return (
        <>
          {who} mentioned you in {where}
        </>
      );
    case "ASSIGNED":
      return (
        <>
          {who} assigned you {where}
        </>
      );
    case "APPROVAL_REQUESTED":
      return (
        <>
          {who} asked for your approval in {where}
        </>
      );
    case "SLA_WARNING":
      return <>The reply deadline is close in {where}</>;
  }
}

/** One notification; unread ones are tinted and dotted. Clicking (or Enter) marks it read and opens the conversation. */
export function NotificationRow({ item, onOpen }: { item: NotificationItem; onOpen: () => void }) {
  const unread = item.readAt === null;
  return (
    <button
      type="button"
      data-testid="notification-item"
      data-unread={unread ? "" : undefined}
      onClick={onOpen}
      className={clsx(
        "flex w-full gap-3 rounded-md px-2.5 py-2.5 text-left transition-colors",
        unread ? "bg-brand-50/70 hover:bg-brand-50" : "hover:bg-slate-50",
        !item.conversation && "cursor-default",
      )}
    >
      <Avatar name={item.by ?? "?"} size="sm" className="mt-0.5 !h-7 !w-7" />
      <span className="min-w-0 flex-1">
        <span className={clsx("line-clamp-2 text-[13px] leading-snug", unread ? "text-slate-700" : "text-slate-600")}>
          {headline(item)}
        </span>
        {item.excerpt && (
          <span className="mt-1 line-clamp-2 border-l-2 border-amber-300 pl-2 text-xs leading-snug text-slate-500">{item.excerpt}</span>
        )}
        <RelativeTime date={item.createdAt} className="mt-1 block text-[11px] text-slate-400" />
      </span>
      <span className="flex w-2 shrink-0 justify-center pt-2">
        {unread && <span className="h-2 w-2 rounded-full bg-brand-600" aria-label="Unread" role="img" />}
      </span>
    </button>
  );
}
