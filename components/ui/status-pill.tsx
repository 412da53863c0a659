import clsx from "clsx";
import type { ReactNode } from "react";

export type PillTone = "green" | "red" | "amber" | "slate" | "blue";

const BODY: Record<PillTone, string> = {
  green: "bg-emerald-50 text-emerald-700",
  red: "bg-red-50 text-red-700",
  amber: "bg-amber-50 text-amber-800",
  slate: "bg-slate-100 text-slate-600",
  blue: "bg-sky-50 text-sky-700",
};
const DOT: Record<PillTone, string> = {
  green: "bg-emerald-500",
  red: "bg-red-500",
  amber: "bg-amber-500",
  slate: "bg-slate-400",
  blue: "bg-sky-500",
};

/** A rounded status label with a coloured dot (channels, integrations, imports); `pulse` for work in progress. */
export function Pill({ tone, pulse = false, children }: { tone: PillTone; pulse?: boolean; children: ReactNode }) {
  return (
    <span className={clsx("inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap", BODY[tone])}>
      <span aria-hidden="true" className={clsx("h-1.5 w-1.5 rounded-full", DOT[tone], pulse && "animate-pulse")} />
      {children}
    </span>
  );
}
