"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Menu, type MenuItem } from "@/components/ui/menu";
import { Popover } from "@/components/ui/popover";
import { useToast } from "@/components/ui/toast";
import { OrderRequestDialog, type RequestKind } from "./order-request-dialog";
import { BanIcon, CopyIcon, InsertIcon, MapPinIcon, MoreIcon, RefundIcon, SendIcon } from "./panel-icons";
import type { PanelOrder } from "./panel-ui";
import { trackedFulfillment, trackingText, type OrderTracking } from "./use-order-tracking";

const small =
  "inline-flex h-6 items-center gap-1 rounded-md border border-slate-200 bg-white px-1.5 text-[11px] font-medium text-slate-700 hover:border-slate-300 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none disabled:opacity-40";

/** One-click tracking actions and the order's requests (refund, cancellation, address change). */
export function OrderActionsBar({
  order,
  conversationId,
  tracking,
  canRequest,
  canUseReplies,
}: {
  order: PanelOrder;
  conversationId?: string;
  tracking: OrderTracking;
  canRequest: boolean;
  canUseReplies: boolean;
}) {
  const trpc = useTRPC();
  const toast = useToast();
  const [menu, setMenu] = useState<"closed" | "main" | "replies">("closed");
  const [dialog, setDialog] = useState<RequestKind | null>(null);
  const f = trackedFulfillment(order);
  const repliesRef = useRef<HTMLDivElement>(null);
  const replies = useQuery({ ...trpc.commerce.trackingReplies.queryOptions(), enabled: menu === "replies", staleTime: 60_000 });
  const render = useMutation(
    trpc.commerce.renderOrderReply.mutationOptions({
      onSuccess: (res) => {
        tracking.insert(res.text, order);
        if (res.missing.length)
          toast.show({ tone: "error", message: `Fill in ${res.missing.map((m) => `{{${m}}}`).join(", ")} before sending` });
      },
      onError: (err) => toast.show({ tone: "error", message: err.message }),
    }),
  );

  // the menu's content changed under the keyboard: move focus to the first saved reply (or the list's message)
  useEffect(() => {
    if (menu !== "replies" || replies.isPending) return;
    const box = repliesRef.current;
    (box?.querySelector<HTMLElement>('[role="menuitem"]') ?? box)?.focus();
  }, [menu, replies.isPending]);

  async function copy() {
    if (!f) return;
    try {
      await navigator.clipboard.writeText(f.trackingUrl ?? f.trackingNumber ?? "");
      toast.show({ message: "Tracking link copied" });
    } catch {
      toast.show({ tone: "error", message: "Couldn't copy: your browser blocked the clipboard" });
    }
  }

  const open = order.status !== "CANCELLED";
  const mainItems: MenuItem[] = [
    ...(f && tracking.canInsert && canUseReplies
      ? [{ id: "resend", label: "Resend tracking…", icon: <SendIcon className="h-3.5 w-3.5" />, onSelect: () => setMenu("replies") }]
      : []),
    ...(canRequest
      ? [
          { id: "refund", label: "Request refund", icon: <RefundIcon className="h-3.5 w-3.5" />, onSelect: () => pick("REFUND") },
          {
            id: "cancel",
            label: "Request cancellation",
            icon: <BanIcon className="h-3.5 w-3.5" />,
            disabled: !open,
            onSelect: () => pick("CANCEL"),
          },
          {
            id: "address",
            label: "Request address change",
            icon: <MapPinIcon className="h-3.5 w-3.5" />,
            disabled: !open || order.fulfillmentStatus === "DELIVERED",
            onSelect: () => pick("ADDRESS_CHANGE"),
          },
        ]
      : []),
  ];
  function pick(kind: RequestKind) {
    setMenu("closed");
    setDialog(kind);
  }
  const replyItems: MenuItem[] = (replies.data ?? []).map((r) => ({
    id: r.id,
    label: r.name,
    hint: r.shortcut ? `/${r.shortcut}` : undefined,
    onSelect: () => {
      setMenu("closed");
      if (conversationId) render.mutate({ orderId: order.id, conversationId, savedReplyId: r.id });
    },
  }));

  if (!f && mainItems.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-1">
      {f && tracking.canInsert && (
        <button
          type="button"
          className={small}
          onClick={() => tracking.insert(trackingText(order, f), order)}
          data-testid="insert-tracking"
        >
          <InsertIcon className="h-3 w-3 text-slate-400" /> Insert tracking
        </button>
      )}
      {f && (
        <button type="button" className={small} onClick={() => void copy()} aria-label={`Copy tracking link for ${order.number}`}>
          <CopyIcon className="h-3 w-3 text-slate-400" /> Copy
        </button>
      )}
      {mainItems.length > 0 && (
        <Popover
          open={menu !== "closed"}
          onClose={() => setMenu("closed")}
          label={menu === "replies" ? "Resend tracking with a saved reply" : `Actions for ${order.number}`}
          align="end"
          className="w-60"
          trigger={
            <button
              type="button"
              className={`${small} ml-auto`}
              aria-haspopup="dialog"
              aria-expanded={menu !== "closed"}
              aria-label={`More actions for ${order.number}`}
              onClick={() => setMenu(menu === "closed" ? "main" : "closed")}
            >
              <MoreIcon className="h-3.5 w-3.5" /> Actions
            </button>
          }
        >
          {menu === "replies" ? (
            <div ref={repliesRef} tabIndex={-1} className="outline-none">
              <p className="px-2.5 pt-1.5 pb-1 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">
                Saved reply for {order.number}
              </p>
              {replies.isPending ? (
                <p className="px-2.5 py-1.5 text-sm text-slate-400">Loading…</p>
              ) : replyItems.length === 0 ? (
                <p className="px-2.5 py-1.5 text-sm text-slate-500">No saved reply uses {"{{order.tracking_url}}"} yet.</p>
              ) : (
                <Menu label="Saved replies with tracking" items={replyItems} />
              )}
            </div>
          ) : (
            <Menu label={`Actions for ${order.number}`} items={mainItems} />
          )}
        </Popover>
      )}
      {dialog && <OrderRequestDialog kind={dialog} order={order} conversationId={conversationId} onClose={() => setDialog(null)} />}
    </div>
  );
}
