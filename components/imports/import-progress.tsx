"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { AlertIcon, CheckCircleIcon } from "@/components/ui/icons";
import type { ImportJobDto } from "@/server/commerce/import.schemas";
import { ImportErrors } from "./import-errors";
import { ImportHeader } from "./import-header";
import { COUNT_LABELS, formatNumber } from "./labels";

/** A queued or running import: two passes (check + stage, then write), one bar. */
function Progress({ job }: { job: ImportJobDto }) {
  const total = Math.max(1, job.totalRows);
  const writing = job.processedRows > 0 || job.checkedRows >= total;
  const pct = job.status === "QUEUED" ? 0 : Math.min(100, Math.round(((job.checkedRows + job.processedRows) / (2 * total)) * 100));
  const label =
    job.status === "QUEUED"
      ? "Waiting for a worker to pick the import up…"
      : writing
        ? `Writing ${formatNumber(job.processedRows)} of ${formatNumber(job.totalRows)} rows`
        : `Checking ${formatNumber(job.checkedRows)} of ${formatNumber(job.totalRows)} rows`;
  return (
    <div className="rounded-lg border border-slate-200 bg-slate-50/60 px-4 py-4" aria-live="polite">
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span className="font-medium text-slate-800" data-testid="import-progress-label">
          {label}
        </span>
        <span className="text-slate-500 tabular-nums">{pct}%</span>
      </div>
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuenow={pct}
        aria-valuemin={0}
        aria-valuemax={100}
        className="mt-2 h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-600 transition-[width] duration-500" style={{ width: `${Math.max(pct, 2)}%` }} />
      </div>
      <p className="mt-2 text-xs text-slate-500">
        Nothing is visible to your team until the last row is written; you can leave this page, the import keeps going.
      </p>
    </div>
  );
}

function Counts({ counts }: { counts: Record<string, number> }) {
  const shown = COUNT_LABELS.filter(([k]) => counts[k] !== undefined && (counts[k] !== 0 || k.endsWith("Created")));
  return (
    <dl
      className="grid grid-cols-2 gap-px overflow-hidden rounded-lg border border-slate-200 bg-slate-200 sm:grid-cols-4"
      data-testid="import-counts"
    >
      {shown.map(([k, label]) => (
        <div key={k} className="bg-white px-4 py-3">
          <dt className="text-xs text-slate-500">{label}</dt>
          <dd className="mt-0.5 text-lg font-semibold text-slate-900 tabular-nums">{formatNumber(counts[k] ?? 0)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ImportProgress({
  job,
  onDone,
  onCancel,
  cancelling,
}: {
  job: ImportJobDto;
  onDone: () => void;
  onCancel: () => void;
  cancelling: boolean;
}) {
  return (
    <div className="flex flex-col gap-4 p-5">
      <ImportHeader job={job} />
      {(job.status === "QUEUED" || job.status === "RUNNING") && <Progress job={job} />}
      {job.status === "SUCCEEDED" && (
        <>
          <div
            role="status"
            className="flex items-start gap-3 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
          >
            <CheckCircleIcon className="mt-0.5 h-4 w-4 shrink-0 text-emerald-600" />
            <p>
              <span className="font-medium">Imported {formatNumber(job.counts.rows ?? job.totalRows)} rows.</span>{" "}
              {job.kind === "customers"
                ? "The customers are in the directory and beside their conversations."
                : "Agents see these orders beside the customer's conversations."}
            </p>
          </div>
          <Counts counts={job.counts} />
        </>
      )}
      {job.status === "FAILED" && (
        <>
          <div role="alert" className="flex items-start gap-3 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
            <AlertIcon className="mt-0.5 h-4 w-4 shrink-0" />
            <p>
              <span className="font-medium">Nothing was imported.</span> {job.failureReason}
            </p>
          </div>
          {job.errors.length > 0 && <ImportErrors importId={job.id} kind={job.kind} errors={job.errors} errorCount={job.errorCount} />}
        </>
      )}
      {job.status === "CANCELLED" && <p className="text-sm text-slate-500">This import was cancelled before anything was written.</p>}
      {job.status !== "RUNNING" && (
        <footer className="flex items-center justify-end gap-3 border-t border-slate-100 pt-4">
          {job.status === "SUCCEEDED" && job.kind === "customers" && (
            <Link href="/customers" className="mr-auto text-sm font-medium text-brand-700 hover:underline">
              Open customers
            </Link>
          )}
          {job.status === "QUEUED" && (
            <Button type="button" variant="ghost" onClick={onCancel} disabled={cancelling}>
              Cancel import
            </Button>
          )}
          {job.status !== "QUEUED" && (
            <Button type="button" variant={job.status === "SUCCEEDED" ? "secondary" : "primary"} onClick={onDone}>
              {job.status === "FAILED" ? "Upload a fixed file" : "Import another file"}
            </Button>
          )}
        </footer>
      )}
    </div>
  );
}
