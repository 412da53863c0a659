"use client";

import { ArrowDownIcon, PaperclipIcon } from "@/components/ui/icons";
import { formatBytes } from "./use-uploads";

type Attachment = { id: string; filename: string; contentType: string; size: number };

const CHIP = "flex max-w-64 min-w-0 items-center gap-1.5 rounded-md border border-slate-200 bg-white px-2 py-1 text-xs text-slate-600";

/**
 * A message's files under its text: each a download link (served by /api/attachments/[id] with the reader's scope
 * checked). A message still being sent (optimistic) lists them without links: they are not attachments yet.
 */
export function AttachmentList({ attachments, pending }: { attachments: Attachment[]; pending?: boolean }) {
  if (attachments.length === 0) return null;
  return (
    <ul aria-label="Attachments" className="mt-2 flex flex-wrap gap-1.5">
      {attachments.map((a) => (
        <li key={a.id} data-testid="message-attachment" className="min-w-0">
          {pending ? (
            <span className={CHIP}>
              <PaperclipIcon className="h-3.5 w-3.5 shrink-0 text-slate-400" />
              <span className="truncate font-medium">{a.filename}</span>
              <span className="shrink-0 text-slate-400">{formatBytes(a.size)}</span>
            </span>
          ) : (
            <a
              href={`/api/attachments/${a.id}`}
              download={a.filename}
              title={`Download ${a.filename}`}
              className={`${CHIP} group hover:border-slate-300 hover:bg-slate-50 focus-visible:ring-brand-500/40 focus-visible:ring-2 focus-visible:outline-none`}
            >
              <PaperclipIcon className="h-3.5 w-3.5 shrink-0 text-slate-400" />
              <span className="truncate font-medium text-slate-700 group-hover:underline">{a.filename}</span>
              <span className="shrink-0 text-slate-400">{formatBytes(a.size)}</span>
              <ArrowDownIcon className="h-3 w-3 shrink-0 text-slate-400 opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100" />
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
