"use client";

import clsx from "clsx";
import type { inferRouterOutputs } from "@trpc/server";
import type { ReactNode } from "react";
import type { AppRouter } from "@/server/trpc/router";

type Out = inferRouterOutputs<AppRouter>;
export type PanelData = Out["customers"]["panel"];
export type PanelOrder = PanelData["orders"]["items"][number];
export type PanelConversation = PanelData["conversations"]["items"][number];
export type PanelNote = PanelData["notes"][number];
export type PanelAttribute = PanelData["attributes"][number];
export type PanelTag = PanelData["tags"][number];

export const humanize = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, " ");

export function money(cents: number, currency: string) {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

export const shortDate = (d: Date) => d.toLocaleDateString(undefined, { month: "short", day: "numeric", year: "numeric" });
export const dayDate = (d: Date) => d.toLocaleDateString(undefined, { weekday: "short", month: "short", day: "numeric" });

/** A titled block of the panel; `action` sits at the right of the title (e.g. “+ Add”). */
export function Section({
  title,
  count,
  action,
  children,
  testId,
}: {
  title: string;
  count?: number;
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section data-testid={testId} aria-label={title} className="border-b border-slate-100 px-4 py-3">
      <div className="mb-2 flex min-h-5 items-center gap-1.5">
        <h3 className="text-[11px] font-semibold tracking-wide text-slate-400 uppercase">{title}</h3>
        {count !== undefined && count > 0 && <span className="text-[11px] font-medium text-slate-400 tabular-nums">{count}</span>}
        {action && <div className="ml-auto flex items-center">{action}</div>}
      </div>
      {children}
    </section>
  );
}

export function Badge({ tone = "slate", children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span
      title={title}
      className={clsx("inline-flex items-center gap-1 rounded px-1.5 py-px text-[11px] font-medium whitespace-nowrap", TONES[tone])}
    >
      {children}
    </span>
  );
}

type Tone = "slate" | "green" | "sky" | "amber" | "red" | "violet";
const TONES: Record<Tone, string> = {
  slate: "bg-slate-100 text-slate-600",
  green: "bg-emerald-50 text-emerald-700",
  sky: "bg-sky-50 text-sky-700",
  amber: "bg-amber-100 text-amber-800",
  red: "bg-red-50 text-red-700",
  violet: "bg-violet-50 text-violet-700",
};

export const FULFILLMENT_TONE: Record<string, Tone> = {
  DELIVERED: "green",
  IN_TRANSIT: "sky",
  OUT_FOR_DELIVERY: "sky",
  LABEL_CREATED: "slate",
  UNFULFILLED: "slate",
  BACKORDERED: "amber",
  EXCEPTION: "red",
  RETURNED: "violet",
  CANCELLED: "slate",
};
export const PAYMENT_TONE: Record<string, Tone> = {
  PAID: "green",
  AUTHORIZED: "sky",
  PENDING: "amber",
  PARTIALLY_REFUNDED: "violet",
  REFUNDED: "violet",
  VOIDED: "slate",
};

/** A small text button used for section actions and inline links. */
export function LinkButton({ className, ...props }: React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type="button"
      {...props}
      className={clsx(
        "inline-flex items-center gap-1 rounded px-1 text-xs font-medium text-brand-600 hover:bg-brand-50 hover:text-brand-700 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none disabled:opacity-40",
        className,
      )}
    />
  );
}

/** An icon-only button with a visible focus ring and an accessible name. */
export function IconButton({ label, className, ...props }: React.ButtonHTMLAttributes<HTMLButtonElement> & { label: string }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      {...props}
      className={clsx(
        "inline-flex h-6 w-6 shrink-0 items-center justify-center rounded text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none disabled:opacity-40",
        className,
      )}
    />
  );
}

/** The panel's loading state: the same sections at the same heights, so nothing jumps when data arrives. */
export function PanelSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading customer" className="animate-pulse">
      <div className="flex items-center gap-3 border-b border-slate-100 px-4 py-4">
        <span className="h-10 w-10 rounded-full bg-slate-200" />
        <div className="flex-1 space-y-1.5">
          <div className="h-4 w-2/3 rounded bg-slate-200" />
          <div className="h-3 w-1/2 rounded bg-slate-100" />
        </div>
      </div>
      {[3, 2, 4, 3].map((rows, i) => (
        <div key={i} className="space-y-2 border-b border-slate-100 px-4 py-3">
          <div className="h-3 w-20 rounded bg-slate-100" />
          {Array.from({ length: rows }, (_, r) => (
            <div key={r} className="h-3.5 rounded bg-slate-100" style={{ width: `${85 - r * 12}%` }} />
          ))}
        </div>
      ))}
    </div>
  );
}
