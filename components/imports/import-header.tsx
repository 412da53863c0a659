"use client";

import { RelativeTime } from "@/components/ui/relative-time";
import type { ImportJobDto, ImportJobSummary, ImportStatusKey } from "@/server/commerce/import.schemas";
import { Pill } from "@/components/ui/status-pill";
import { KIND_LABEL, STATUS_LABEL, STATUS_TONE, formatBytes, plural } from "./labels";

export function StatusPill({ status, errorCount = 0 }: { status: ImportStatusKey; errorCount?: number }) {
  // a preview is either ready to import or waiting for a fixed file
  const problems = status === "PREVIEWED" && errorCount > 0;
  return (
    <Pill tone={problems ? "amber" : STATUS_TONE[status]} pulse={!problems && STATUS_TONE[status] === "blue"}>
      {problems ? "Needs fixes" : STATUS_LABEL[status]}
    </Pill>
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
