"use client";

import clsx from "clsx";
import { AlertIcon, CheckIcon, ClockIcon, DoubleCheckIcon, LockIcon, RefreshIcon } from "@/components/ui/icons";
import { formatFull } from "@/components/ui/relative-time";
import type { MessageItem } from "@/components/inbox/types";

type Status = NonNullable<MessageItem["deliveryStatus"]>;

const META: Record<Status, { label: string; className: string; Icon: typeof CheckIcon }> = {
  AWAITING_APPROVAL: { label: "Awaiting approval", className: "text-violet-600", Icon: LockIcon },
  QUEUED: { label: "Queued", className: "text-slate-400", Icon: ClockIcon },
  SENT: { label: "Sent", className: "text-slate-400", Icon: CheckIcon },
  DELIVERED: { label: "Delivered", className: "text-slate-500", Icon: DoubleCheckIcon },
  READ: { label: "Read", className: "text-brand-600", Icon: DoubleCheckIcon },
  FAILED: { label: "Not delivered", className: "text-red-600", Icon: AlertIcon },
};

/** An outbound message's delivery: queued → sent → delivered → read, or failed with the reason and Retry. */
export function DeliveryStatus({ message, onRetry, retrying }: { message: MessageItem; onRetry: () => void; retrying: boolean }) {
  const status = message.deliveryStatus;
  if (!status) return null;
  const m = META[status];
  const failed = status === "FAILED";
  return (
    <div
      data-testid="delivery-status"
      data-status={status}
      className={clsx("flex min-w-0 items-center gap-1.5 text-xs", failed && "mt-2 rounded-md bg-red-50 px-2 py-1.5 ring-1 ring-red-100")}
    >
      <m.Icon className={clsx("h-3.5 w-3.5", m.className)} />
      <span className={clsx("font-medium", m.className)} title={message.sentAt ? `Sent ${formatFull(message.sentAt)}` : undefined}>
        {message.id.startsWith("optimistic:") ? "Sending…" : m.label}
      </span>
      {failed && (
        <>
          {message.deliveryError && (
            <span className="min-w-0 flex-1 truncate text-red-700" title={message.deliveryError}>
              · {message.deliveryError}
            </span>
          )}
          <button
            type="button"
            onClick={onRetry}
            disabled={retrying}
            className="ml-auto flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 font-semibold text-red-700 hover:bg-red-100 disabled:opacity-50"
          >
            <RefreshIcon className="h-3.5 w-3.5" /> Retry
          </button>
        </>
      )}
    </div>
  );
}
