"use client";

import { AlertIcon, CloseIcon } from "@/components/ui/icons";
import type { MessageItem } from "@/components/inbox/types";
import type { Conflict } from "./use-send";
import type { Viewer } from "./use-thread-realtime";

/** {{variables}} still in the text: the customer must never receive them (the server refuses too). */
export function unfilledVariables(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([a-z_.]+)\s*\}\}/gi)].map((m) => `{{${(m[1] ?? "").toLowerCase()}}}`))];
}

export function VariablesWarning({ variables }: { variables: string[] }) {
  return (
    <div
      role="alert"
      data-testid="unfilled-variables"
      className="flex items-start gap-2 border-b border-amber-200 bg-amber-50 px-4 py-2 text-xs text-amber-900"
    >
      <AlertIcon className="mt-0.5 h-3.5 w-3.5 text-amber-600" />
      <p className="min-w-0 flex-1">
        Fill in {variables.length === 1 ? "this placeholder" : "these placeholders"} before sending:{" "}
        {variables.map((v) => (
          <code key={v} className="mr-1 rounded bg-amber-200/70 px-1 py-px font-mono text-[11px] font-semibold text-amber-900">
            {v}
          </code>
        ))}
      </p>
    </div>
  );
}

/** Someone else replied (or the customer wrote again) while this agent was typing: show it, let them choose. */
export function ConflictBanner({
  conflict,
  unseen,
  onSendAnyway,
  onDismiss,
  customerName,
}: {
  conflict: Conflict;
  unseen: MessageItem[];
  onSendAnyway: () => void;
  onDismiss: () => void;
  customerName: string;
}) {
  const latest = unseen[unseen.length - 1];
  const title = conflict.message.replace(/\s*Read it before sending\.?$/, "");
  return (
    <div role="alert" data-testid="reply-conflict" className="border-b border-orange-200 bg-orange-50 px-4 py-2.5 text-sm">
      <div className="flex items-start gap-2">
        <AlertIcon className="mt-0.5 h-4 w-4 text-orange-600" />
        <div className="min-w-0 flex-1">
          <p className="font-semibold text-orange-900">{title}</p>
          {latest ? (
            <blockquote className="mt-1 line-clamp-3 border-l-2 border-orange-300 pl-2 text-xs whitespace-pre-line text-slate-700">
              <span className="font-semibold">{latest.direction === "IN" ? customerName : (latest.author?.name ?? "Agent")}: </span>
              {latest.text}
            </blockquote>
          ) : (
            <p className="mt-0.5 text-xs text-orange-800">Their message is now in the thread above. Your draft is kept.</p>
          )}
          <div className="mt-2 flex items-center gap-2">
            <button
              type="button"
              onClick={onSendAnyway}
              className="rounded-md bg-orange-600 px-2.5 py-1 text-xs font-semibold text-white hover:bg-orange-700"
            >
              Send anyway
            </button>
            <span className="text-xs text-orange-800">or edit your draft and send again.</span>
          </div>
        </div>
        <button type="button" aria-label="Dismiss warning" onClick={onDismiss} className="rounded p-1 text-orange-700 hover:bg-orange-100">
          <CloseIcon className="h-3.5 w-3.5" />
        </button>
      </div>
    </div>
  );
}

export function TypingIndicator({ typing }: { typing: Viewer[] }) {
  if (typing.length === 0) return null;
  const names = typing.map((v) => v.name.split(" ")[0]).join(", ");
  return (
    <p data-testid="typing" aria-live="polite" className="flex items-center gap-1.5 px-4 pt-1.5 text-xs text-slate-500">
      <span className="flex gap-0.5" aria-hidden="true">
        <span className="h-1 w-1 animate-bounce rounded-full bg-slate-400" />
        <span className="h-1 w-1 animate-bounce rounded-full bg-slate-400 [animation-delay:120ms]" />
        <span className="h-1 w-1 animate-bounce rounded-full bg-slate-400 [animation-delay:240ms]" />
      </span>
      {names} {typing.length === 1 ? "is" : "are"} typing…
    </p>
  );
}
