"use client";

import { useState, useSyncExternalStore, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { CheckIcon } from "@/components/ui/icons";
import { useToast } from "@/components/ui/toast";

/** Small pieces of Settings → Integrations: copyable values, status pills, the page origin. */

const noop = () => () => {};
/** The page's origin (empty while server rendering): endpoints are shown as full URLs to paste elsewhere. */
export function useOrigin(): string {
  return useSyncExternalStore(
    noop,
    () => window.location.origin,
    () => "",
  );
}

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const toast = useToast();
  return (
    <Button
      type="button"
      variant="secondary"
      className="h-8 shrink-0 px-2.5 py-0 text-xs"
      aria-label={label}
      onClick={() => {
        navigator.clipboard.writeText(text).then(
          () => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          },
          () => toast.show({ tone: "error", message: "Could not copy: select the text and copy it by hand" }),
        );
      }}
    >
      {copied && <CheckIcon className="h-3.5 w-3.5 text-emerald-600" />}
      {copied ? "Copied" : "Copy"}
    </Button>
  );
}

/** A label, a monospace value on one line and its actions; a hint below. */
export function FieldRow({
  label,
  value,
  testId,
  actions,
  hint,
}: {
  label: string;
  value: ReactNode;
  testId?: string;
  actions?: ReactNode;
  hint?: ReactNode;
}) {
  return (
    <div className="grid grid-cols-[8.5rem_1fr] items-start gap-x-4 gap-y-1 py-2.5">
      <dt className="pt-1.5 text-xs font-medium text-slate-500">{label}</dt>
      <dd className="min-w-0">
        <div className="flex items-center gap-2">
          <code data-testid={testId} className="min-w-0 flex-1 truncate rounded bg-slate-100 px-2 py-1.5 font-mono text-xs text-slate-700">
            {value}
          </code>
          {actions}
        </div>
        {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      </dd>
    </div>
  );
}
