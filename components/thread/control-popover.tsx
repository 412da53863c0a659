"use client";

import clsx from "clsx";
import type { ReactNode } from "react";
import { Popover } from "@/components/ui/popover";

export type PickerKind = "assign" | "team" | "status" | "snooze" | "priority" | "tag";
export type PickerState = { open: PickerKind | null; setOpen: (kind: PickerKind | null) => void };

export const chipClass =
  "inline-flex h-7 max-w-56 items-center gap-1.5 rounded-md border border-slate-200 bg-white px-2 text-xs font-medium text-slate-700 hover:border-slate-300 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60";

/** A header control: a chip that opens a keyboard-navigable panel (also opened by its inbox command). */
export function ControlPopover({
  kind,
  pickers,
  label,
  trigger,
  title,
  disabled,
  align = "start",
  className,
  triggerClassName,
  children,
}: {
  kind: PickerKind;
  pickers: PickerState;
  label: string;
  trigger: ReactNode;
  title?: string;
  disabled?: boolean;
  align?: "start" | "end";
  className?: string;
  triggerClassName?: string;
  children: (close: () => void) => ReactNode;
}) {
  const open = pickers.open === kind;
  const close = () => pickers.setOpen(null);
  return (
    <Popover
      open={open}
      onClose={close}
      label={label}
      align={align}
      className={className}
      trigger={
        <button
          type="button"
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-label={title ?? label}
          title={title ?? label}
          disabled={disabled}
          onClick={() => pickers.setOpen(open ? null : kind)}
          className={clsx(chipClass, triggerClassName)}
        >
          {trigger}
        </button>
      }
    >
      {children(close)}
    </Popover>
  );
}
