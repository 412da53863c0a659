"use client";

import clsx from "clsx";
import { useRef } from "react";
import { AlertIcon, CloseIcon, PaperclipIcon } from "@/components/ui/icons";
import { formatBytes, type UploadChip } from "./use-uploads";

/** The paperclip: opens the file chooser (several files at once). A plain button, so Tab and Enter reach it. */
export function AttachButton({
  onFiles,
  disabled,
  labelClassName = "hidden @lg:inline",
}: {
  onFiles: (files: FileList) => void;
  disabled?: boolean;
  /** the word "Attach" next to the paperclip: by default only when the composer is wide */
  labelClassName?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        disabled={disabled}
        onClick={() => input.current?.click()}
        aria-label="Attach files"
        title="Attach files (or drop / paste them here)"
        data-testid="attach-files"
        className="flex h-7 items-center gap-1.5 rounded-md px-2 text-xs font-medium whitespace-nowrap text-slate-600 hover:bg-slate-100 disabled:opacity-50"
      >
        <PaperclipIcon className="h-3.5 w-3.5" />
        <span className={labelClassName}>Attach</span>
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-hidden
        data-testid="attach-input"
        onChange={(e) => {
          if (e.target.files?.length) onFiles(e.target.files);
          e.target.value = ""; // choosing the same file again still fires change
        }}
      />
    </>
  );
}

/** Files attached to the message being written: name, size or progress, the error if any, and × to remove. */
export function AttachmentTray({
  chips,
  onRemove,
  className,
}: {
  chips: UploadChip[];
  onRemove: (key: string) => void;
  className?: string;
}) {
  if (chips.length === 0) return null;
  return (
    <ul aria-label="Attached files" data-testid="attachment-tray" className={clsx("flex flex-wrap gap-1.5", className)}>
      {chips.map((c) => (
        <li
          key={c.key}
          data-testid="attachment-chip"
          data-status={c.status}
          className={clsx(
            "relative flex max-w-72 min-w-0 items-center gap-1.5 overflow-hidden rounded-md border py-1 pr-1 pl-2 text-xs",
            c.status === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-slate-200 bg-white text-slate-700",
          )}
          title={c.error ? `${c.filename}: ${c.error}` : c.filename}
        >
          {c.status === "error" ? (
            <AlertIcon className="h-3.5 w-3.5 shrink-0 text-red-500" />
          ) : (
            <PaperclipIcon className="h-3.5 w-3.5 shrink-0 text-slate-400" />
          )}
          <span className="min-w-0 truncate font-medium">{c.filename}</span>
          <span aria-live="polite" className={clsx("shrink-0 tabular-nums", c.status === "error" ? "text-red-700" : "text-slate-400")}>
            {c.status === "error" ? c.error : c.status === "uploading" ? `${Math.round(c.progress * 100)}%` : formatBytes(c.size)}
          </span>
          <button
            type="button"
            onClick={() => onRemove(c.key)}
            aria-label={`Remove ${c.filename}`}
            className="flex h-5 w-5 shrink-0 items-center justify-center rounded text-slate-400 hover:bg-slate-100 hover:text-slate-700"
          >
            <CloseIcon className="h-3 w-3" />
          </button>
          {c.status === "uploading" && (
            <span
              role="progressbar"
              aria-label={`Uploading ${c.filename}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(c.progress * 100)}
              className="bg-brand-500 absolute bottom-0 left-0 h-0.5 transition-[width]"
              style={{ width: `${Math.max(4, c.progress * 100)}%` }}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

/** Shown over the composer while files are dragged onto it. */
export function DropOverlay() {
  return (
    <div
      aria-hidden
      className="border-brand-400 bg-brand-50/90 text-brand-700 pointer-events-none absolute inset-0 z-10 flex items-center justify-center gap-2 rounded-lg border-2 border-dashed text-sm font-semibold"
    >
      <PaperclipIcon className="h-4 w-4" /> Drop files to attach
    </div>
  );
}
