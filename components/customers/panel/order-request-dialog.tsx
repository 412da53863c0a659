"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { useToast } from "@/components/ui/toast";
import { money, type PanelOrder } from "./panel-ui";

export type RequestKind = "REFUND" | "CANCEL" | "ADDRESS_CHANGE";

const TITLES: Record<RequestKind, string> = {
  REFUND: "Request a refund",
  CANCEL: "Request a cancellation",
  ADDRESS_CHANGE: "Request an address change",
};
const DONE: Record<RequestKind, string> = { REFUND: "Refund", CANCEL: "Cancellation", ADDRESS_CHANGE: "Address change" };

type Address = { name?: string; address1: string; address2?: string; city: string; province?: string; zip: string; country: string };
const ADDRESS_FIELDS: { key: keyof Address; label: string; wide?: boolean; required?: boolean }[] = [
  { key: "name", label: "Name", wide: true },
  { key: "address1", label: "Street", wide: true, required: true },
  { key: "address2", label: "Apartment, suite", wide: true },
  { key: "city", label: "City", required: true },
  { key: "province", label: "State / province" },
  { key: "zip", label: "Postal code", required: true },
  { key: "country", label: "Country", required: true },
];

function addressOf(order: PanelOrder): Partial<Address> {
  const a = order.shippingAddress;
  return a && typeof a === "object" && !Array.isArray(a) ? a : {};
}

const field =
  "mt-1 block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm text-slate-800 focus:border-brand-500 focus:ring-1 focus:ring-brand-500 focus:outline-none";

/**
 * Refund / cancellation / address-change REQUEST for one order: recorded on the order's timeline and in the
 * audit log and, from a conversation, as an internal note there. Nothing is sent to the commerce platform.
 */
export function OrderRequestDialog({
  kind,
  order,
  conversationId,
  onClose,
}: {
  kind: RequestKind;
  order: PanelOrder;
  conversationId?: string;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const request = useMutation(
    trpc.commerce.requestOrderAction.mutationOptions({
      onSuccess: () => {
        toast.show({ tone: "success", message: `${DONE[kind]} request recorded on ${order.number}` });
        void qc.invalidateQueries({ queryKey: trpc.customers.panel.pathKey() });
        if (conversationId) void qc.invalidateQueries({ queryKey: trpc.conversation.messages.infiniteQueryKey({ conversationId }) });
        onClose();
      },
      onError: (err) => setError(err.message),
    }),
  );

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    const f = new FormData(e.currentTarget);
    const text = (k: string) => {
      const v = f.get(k);
      return typeof v === "string" ? v.trim() : "";
    };
    const base = { orderId: order.id, reason: text("reason"), conversationId };
    if (kind === "REFUND") {
      const raw = text("amount");
      const amount = raw ? Math.round(Number(raw.replace(",", ".")) * 100) : undefined;
      if (amount !== undefined && (!Number.isFinite(amount) || amount <= 0))
        return setError("Enter an amount above zero, or leave it empty for the full total");
      request.mutate({ ...base, kind, details: { amountCents: amount } });
    } else if (kind === "CANCEL") {
      request.mutate({ ...base, kind, details: {} });
    } else {
      const address = Object.fromEntries(ADDRESS_FIELDS.map((a) => [a.key, text(a.key) || undefined])) as unknown as Address;
      request.mutate({ ...base, kind, details: { address } });
    }
  }

  const current = addressOf(order);
  return (
    <Modal title={`${TITLES[kind]} · ${order.number}`} onClose={onClose}>
      <form onSubmit={submit} className="space-y-3 px-5 py-4" data-testid="order-request-dialog">
        <p className="text-xs text-slate-500">
          Placed {order.placedAt.toLocaleDateString()} · {money(order.totalCents, order.currency)}. This records the request on the
          order&apos;s timeline
          {conversationId ? " and as an internal note in this conversation" : ""}; the store processes it.
        </p>
        {kind === "REFUND" && (
          <label className="block text-xs font-medium text-slate-700">
            Amount ({order.currency})
            <input
              name="amount"
              inputMode="decimal"
              placeholder={`${(order.totalCents / 100).toFixed(2)} (full total)`}
              className={field}
            />
          </label>
        )}
        {kind === "ADDRESS_CHANGE" && (
          <fieldset className="grid grid-cols-2 gap-x-3 gap-y-2">
            <legend className="mb-1 text-xs font-medium text-slate-700">New shipping address</legend>
            {ADDRESS_FIELDS.map((a) => (
              <label key={a.key} className={`block text-[11px] font-medium text-slate-500 ${a.wide ? "col-span-2" : ""}`}>
                {a.label}
                <input name={a.key} required={a.required} defaultValue={current[a.key] ?? ""} className={field} />
              </label>
            ))}
          </fieldset>
        )}
        <label className="block text-xs font-medium text-slate-700">
          Reason
          <textarea
            name="reason"
            required
            minLength={3}
            maxLength={1000}
            rows={3}
            data-autofocus=""
            placeholder={
              kind === "REFUND"
                ? "e.g. Arrived damaged — photo in the thread"
                : kind === "CANCEL"
                  ? "e.g. Ordered twice by mistake"
                  : "e.g. Moved house last week"
            }
            className={field}
          />
        </label>
        {error && (
          <p role="alert" className="rounded-md bg-red-50 px-2.5 py-1.5 text-xs text-red-700">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2 pt-1">
          <Button type="button" variant="secondary" onClick={onClose} className="py-1.5">
            Cancel
          </Button>
          <Button type="submit" disabled={request.isPending} className="py-1.5">
            {request.isPending ? "Recording…" : `Request ${DONE[kind].toLowerCase()}`}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
