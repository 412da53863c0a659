"use client";

import { useQuery } from "@tanstack/react-query";
import clsx from "clsx";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Avatar } from "@/components/ui/avatar";
import { CloseIcon } from "@/components/ui/icons";
import { CustomerPanel } from "./customer-panel";

// Docked (xl:@min-[44rem]: the thread keeps room beside it) or a drawer; class names are spelled out for Tailwind's scanner.

/**
 * The customer panel as the thread pane's right column: a fixed width (so refreshes never move the thread),
 * scrolling on its own. When the pane is too narrow for three columns it folds into a slim rail whose button
 * opens the same panel as a drawer over the thread (one panel instance either way).
 */
export function ConversationCustomerAside({
  customerId,
  conversationId,
  onInsertReply,
}: {
  customerId: string;
  conversationId: string;
  onInsertReply: (text: string) => void;
}) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const panel = useQuery(trpc.customers.panel.queryOptions({ customerId }));
  const name = panel.data ? (panel.data.customer.name ?? panel.data.customer.email ?? "Customer") : "Customer";
  const late = panel.data?.orders.items.some((o) => o.delayed || o.backordered) ?? false;

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !document.querySelector("[data-overlay]")) setOpen(false);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <div className={"flex w-11 shrink-0 flex-col items-center border-l border-slate-200 bg-white pt-3 xl:@min-[44rem]:hidden"}>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="customer-panel-column"
          onClick={() => setOpen(!open)}
          title={`Customer: ${name}`}
          className="relative rounded-full focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
        >
          <Avatar name={name} />
          <span className="sr-only">{open ? "Hide customer" : `Show customer ${name}`}</span>
          {late && (
            <span aria-hidden="true" className="absolute -top-0.5 -right-0.5 h-2.5 w-2.5 rounded-full bg-red-500 ring-2 ring-white" />
          )}
        </button>
      </div>
      <aside
        id="customer-panel-column"
        aria-label="Customer"
        className={clsx(
          "w-80 shrink-0 overflow-y-auto border-l border-slate-200 bg-white",
          open
            ? "fixed inset-y-0 right-0 z-30 shadow-2xl xl:@min-[44rem]:static xl:@min-[44rem]:shadow-none"
            : "hidden xl:@min-[44rem]:block",
        )}
      >
        <div
          className={
            "sticky top-0 z-10 flex items-center justify-between border-b border-slate-100 bg-white px-4 py-2 xl:@min-[44rem]:hidden"
          }
        >
          <span className="text-[11px] font-semibold tracking-wide text-slate-400 uppercase">Customer</span>
          <button
            type="button"
            aria-label="Close customer panel"
            onClick={() => setOpen(false)}
            className="rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
          >
            <CloseIcon className="h-4 w-4" />
          </button>
        </div>
        <CustomerPanel key={customerId} customerId={customerId} conversationId={conversationId} onInsertReply={onInsertReply} />
      </aside>
    </>
  );
}
