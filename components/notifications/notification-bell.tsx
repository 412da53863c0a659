"use client";

import clsx from "clsx";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { BellIcon } from "@/components/shell/nav-icons";
import { Popover } from "@/components/ui/popover";
import { NotificationPanel } from "./notification-panel";

/** Polled so the badge stays current on pages without the inbox's live events (those invalidate it sooner). */
const POLL_MS = 30_000;

/** The left rail's bell: unread badge, and a popover with the caller's notifications. */
export function NotificationBell() {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const unread = useQuery(trpc.notifications.unreadCount.queryOptions(undefined, { refetchInterval: POLL_MS }));
  const count = unread.data?.count ?? 0;
  const badge = unread.data?.capped ? "99+" : String(count);
  return (
    <Popover
      open={open}
      onClose={close}
      side="right"
      align="end"
      label="Notifications"
      className="w-96 !p-0"
      trigger={
        <button
          type="button"
          data-testid="notifications-bell"
          aria-label={`Notifications (${unread.data?.capped ? "99+" : count} unread)`}
          aria-haspopup="dialog"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
          className={clsx(
            "relative flex h-10 w-12 items-center justify-center rounded-lg transition-colors",
            open ? "bg-slate-800 text-white" : "hover:bg-slate-800/60 hover:text-slate-200",
          )}
        >
          <BellIcon className="h-5 w-5" />
          {count > 0 && (
            <span
              data-testid="notifications-badge"
              aria-hidden="true"
              className="absolute top-1 right-1.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-rose-500 px-1 text-[10px] leading-none font-semibold text-white ring-2 ring-slate-900"
            >
              {badge}
            </span>
          )}
        </button>
      }
    >
      <NotificationPanel unread={count} onNavigate={close} />
    </Popover>
  );
}
