"use client";

import clsx from "clsx";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ImportJobDto, ImportJobSummary, ImportStatusKey } from "@/server/commerce/import.schemas";
import { KIND_LABEL, STATUS_LABEL, STATUS_TONE, formatBytes, plural } from "./labels";

export function StatusPill({ status, errorCount = 0 }: { status: ImportStatusKey; errorCount?: number }) {
  // a preview is either ready to import or waiting for a fixed file
  const problems = status === "PREVIEWED" && errorCount > 0;
  const tone = problems ? "amber" : STATUS_TONE[status];
  return (
    <span
      className={clsx(
        "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        tone === "green" && "bg-emerald-50 text-emerald-700",
        tone === "red" && "bg-red-50 text-red-700",
        tone === "amber" && "bg-amber-50 text-amber-800",
        tone === "blue" && "bg-sky-50 text-sky-700",
        tone === "slate" && "bg-slate-100 text-slate-600",
      )}
    >
      <span
        aria-hidden="true"
        className={clsx(
          "h-1.5 w-1.5 rounded-full",
          tone === "green" && "bg-emerald-500",
          tone === "red" && "bg-red-500",
          tone === "amber" && "bg-amber-500",
          tone === "blue" && "animate-pulse bg-sky-500",
          tone === "slate" && "bg-slate-400",
        )}
      />
      {problems ? "Needs fixes" : STATUS_LABEL[status]}
    </span>
  );
}

/** "12,400 rows · 4,950 orders · 12,400 line items" */
export function rowsSummary(job: Pick<ImportJobSummary, "totalRows" | "kind"> & { preview?: ImportJobDto["preview"] }): string {
  const parts = [plural(job.totalRows, "row")];
  const s = job.preview?.summary;
  if (job.kind === "orders" && s?.orders !== undefined) parts.push(plural(s.orders, "order"));
  if (job.kind === "fulfillments" && s?.orders !== undefined) parts.push(`for ${plural(s.orders, "order")}`);
  return parts.join(" · ");
}

export function ImportHeader({ job }: { job: ImportJobDto }) {
  return (
    <div className="flex flex-wrap items-start gap-x-4 gap-y-1">
      <div className="min-w-0 flex-1">
        <p className="flex items-center gap-2">
          <span className="truncate text-sm font-semibold text-slate-900" data-testid="import-filename">
            {job.filename}
          </span>
          <StatusPill status={job.status} errorCount={job.errorCount} />
        </p>
        <p className="mt-0.5 text-sm text-slate-500">
          {KIND_LABEL[job.kind]}
          {job.preview.detected && <span className="text-slate-400"> (detected from the headers)</span>} · {rowsSummary(job)} ·{" "}
          {formatBytes(job.sizeBytes)}
        </p>
      </div>
      <p className="text-xs text-slate-400">
        {job.createdBy ? `${job.createdBy.name} · ` : ""}
        <RelativeTime date={job.createdAt} />
      </p>
    </div>
  );
}
