"use client";

import clsx from "clsx";
import { useId, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { focusableIn, useFocusReturn } from "./use-focus-return";

/** A modal dialog: focus is trapped inside and restored on close; Escape and the backdrop close it. */
export function Modal({
  onClose,
  title,
  hideTitle = false,
  children,
  className,
  position = "center",
}: {
  onClose: () => void;
  title: string;
  hideTitle?: boolean;
  children: ReactNode;
  className?: string;
  position?: "center" | "top";
}) {
  return createPortal(
    <div
      className={clsx(
        "fixed inset-0 z-50 flex justify-center bg-slate-900/30 px-4 backdrop-blur-[1px]",
        position === "top" ? "items-start pt-[12vh]" : "items-center",
      )}
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <ModalPanel title={title} hideTitle={hideTitle} onClose={onClose} className={className}>
        {children}
      </ModalPanel>
    </div>,
    document.body,
  );
}

function ModalPanel({
  title,
  hideTitle,
  onClose,
  className,
  children,
}: {
  title: string;
  hideTitle: boolean;
  onClose: () => void;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useFocusReturn(ref);
  return (
    <div
      ref={ref}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      data-overlay=""
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        } else if (e.key === "Tab") {
          const items = focusableIn(e.currentTarget);
          const first = items[0];
          const last = items[items.length - 1];
          if (!first || !last) return e.preventDefault();
          if (e.shiftKey && document.activeElement === first) {
            e.preventDefault();
            last.focus();
          } else if (!e.shiftKey && document.activeElement === last) {
            e.preventDefault();
            first.focus();
          }
        }
      }}
      className={clsx(
        "w-full max-w-lg overflow-hidden rounded-xl border border-slate-200 bg-white shadow-2xl shadow-slate-900/20 outline-none",
        className,
      )}
    >
      <h2 id={titleId} className={hideTitle ? "sr-only" : "border-b border-slate-100 px-5 py-3.5 text-sm font-semibold text-slate-900"}>
        {title}
      </h2>
      {children}
    </div>
  );
}
