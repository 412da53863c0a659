"use client";

import clsx from "clsx";
import { createContext, use, useEffect, useState, type ReactNode } from "react";
import { AlertIcon, CheckCircleIcon, CloseIcon } from "./icons";

export type ToastInput = {
  message: string;
  tone?: "default" | "success" | "error";
  action?: { label: string; onClick: () => void };
  /** ms; default 6 s */
  duration?: number;
};
type Toast = ToastInput & { id: number };
type ToastApi = { show: (t: ToastInput) => number; dismiss: (id: number) => void };

const ToastContext = createContext<ToastApi | null>(null);

export function useToast(): ToastApi {
  const api = use(ToastContext);
  if (!api) throw new Error("useToast needs a <ToastProvider>");
  return api;
}

let nextId = 1;

/** Toasts, bottom-left, announced politely; each one auto-dismisses and may carry one action (Undo). */
export function ToastProvider({ children, className }: { children: ReactNode; className?: string }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [api] = useState<ToastApi>(() => ({
    show: (t) => {
      const id = nextId++;
      setToasts((list) => [...list.slice(-3), { ...t, id }]);
      return id;
    },
    dismiss: (id) => setToasts((list) => list.filter((t) => t.id !== id)),
  }));
  return (
    <ToastContext value={api}>
      {children}
      <div
        role="status"
        aria-live="polite"
        className={clsx("pointer-events-none fixed bottom-4 left-20 z-[60] flex w-96 max-w-[calc(100vw-6rem)] flex-col gap-2", className)}
      >
        {toasts.map((t) => (
          <ToastItem key={t.id} toast={t} dismiss={api.dismiss} />
        ))}
      </div>
    </ToastContext>
  );
}

function ToastItem({ toast, dismiss }: { toast: Toast; dismiss: (id: number) => void }) {
  const [paused, setPaused] = useState(false);
  const { id, duration = 6000 } = toast;
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(() => dismiss(id), duration);
    return () => clearTimeout(timer);
  }, [paused, id, duration, dismiss]);
  const onDismiss = () => dismiss(id);
  return (
    <div
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
      className="pointer-events-auto flex items-center gap-3 rounded-lg bg-slate-900 py-2.5 pr-2 pl-3.5 text-sm text-white shadow-lg shadow-slate-900/20"
    >
      {toast.tone === "error" ? (
        <AlertIcon className="h-4 w-4 text-red-400" />
      ) : toast.tone === "success" ? (
        <CheckCircleIcon className="h-4 w-4 text-emerald-400" />
      ) : null}
      <p className="min-w-0 flex-1">{toast.message}</p>
      {toast.action && (
        <button
          type="button"
          onClick={() => {
            toast.action?.onClick();
            onDismiss();
          }}
          className="shrink-0 rounded px-2 py-1 text-sm font-semibold text-brand-100 hover:bg-white/10"
        >
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        aria-label="Dismiss"
        onClick={onDismiss}
        className="shrink-0 rounded p-1 text-slate-400 hover:bg-white/10 hover:text-white"
      >
        <CloseIcon className="h-3.5 w-3.5" />
      </button>
    </div>
  );
}
