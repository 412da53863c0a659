"use client";

import clsx from "clsx";
import { useEffect, useRef, type ReactNode } from "react";
import { useFocusReturn } from "./use-focus-return";

type Side = "bottom" | "top" | "right";
type Align = "start" | "end";

/**
 * A floating panel anchored under (or above) its trigger. Controlled: the caller owns `open`.
 * Closes on Escape and outside clicks; focus moves into the panel and comes back when it closes.
 */
export function Popover({
  open,
  onClose,
  trigger,
  children,
  side = "bottom",
  align = "start",
  label,
  className,
}: {
  open: boolean;
  onClose: () => void;
  trigger: ReactNode;
  children: ReactNode;
  side?: Side;
  align?: Align;
  label: string;
  className?: string;
}) {
  const wrapRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [open, onClose]);
  return (
    <div ref={wrapRef} className="relative inline-flex">
      {trigger}
      {open && (
        <PopoverPanel label={label} side={side} align={align} onClose={onClose} className={className}>
          {children}
        </PopoverPanel>
      )}
    </div>
  );
}

function PopoverPanel({
  label,
  side,
  align,
  onClose,
  className,
  children,
}: {
  label: string;
  side: Side;
  align: Align;
  onClose: () => void;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusReturn(ref);
  return (
    <div
      ref={ref}
      data-overlay=""
      role="dialog"
      aria-label={label}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
      className={clsx(
        "absolute z-40 min-w-48 rounded-lg border border-slate-200 bg-white p-1 text-sm text-slate-700 shadow-lg shadow-slate-900/10",
        // "right": beside the trigger (e.g. from the left rail), its top (start) or bottom (end) edge aligned
        side === "right" ? "left-full ml-2" : side === "bottom" ? "top-full mt-1" : "bottom-full mb-1",
        side === "right" ? (align === "start" ? "top-0" : "bottom-0") : align === "start" ? "left-0" : "right-0",
        className,
      )}
    >
      {children}
    </div>
  );
}
