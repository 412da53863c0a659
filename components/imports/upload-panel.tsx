"use client";

import clsx from "clsx";
import { useId, useRef, useState, type DragEvent } from "react";
import { Button } from "@/components/ui/button";
import { AlertIcon, ArrowDownIcon } from "@/components/ui/icons";
import { IMPORT_KINDS, type ImportKindKey } from "@/server/commerce/csv/columns";
import { ColumnHelp } from "./column-help";
import { KIND_HINT, KIND_LABEL, MAX_UPLOAD_MB, formatBytes } from "./labels";
import { useImportUpload, type UploadKind } from "./use-upload";

const KINDS: { value: UploadKind; label: string }[] = [
  { value: "auto", label: "Detect from headers" },
  ...IMPORT_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] })),
];

export function UploadIcon({ className }: { className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
      aria-hidden="true"
    >
      <path d="M12 15V4M7.5 8.5L12 4l4.5 4.5M4 15v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3" />
    </svg>
  );
}

function TemplateLink({ kind }: { kind: ImportKindKey }) {
  return (
    <a
      href={`/api/imports/template/${kind}`}
      download
      className="inline-flex items-center gap-1 rounded text-sm font-medium text-brand-700 hover:text-brand-800 hover:underline focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
    >
      <ArrowDownIcon className="h-3.5 w-3.5" />
      {KIND_LABEL[kind]} template
    </a>
  );
}

/** Choose what the file holds (or let the headers tell), then drop or pick the file. */
export function UploadPanel({ onUploaded }: { onUploaded: (id: string) => void }) {
  const [kind, setKind] = useState<UploadKind>("auto");
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const { state, upload, reset } = useImportUpload(onUploaded);
  const busy = state.phase === "uploading" || state.phase === "checking";

  const take = (files: FileList | null) => {
    const file = files?.[0];
    if (file) upload(file, kind);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!busy) take(e.dataTransfer.files);
  };

  return (
    <div className="flex flex-col gap-4 p-5">
      <fieldset>
        <legend className="mb-2 text-xs font-medium text-slate-700">What does the file hold?</legend>
        <div role="radiogroup" aria-label="Import kind" className="inline-flex flex-wrap rounded-md border border-slate-300 bg-white p-0.5">
          {KINDS.map((k) => (
            <label
              key={k.value}
              className={clsx(
                "cursor-pointer rounded px-3 py-1 text-sm has-focus-visible:ring-2 has-focus-visible:ring-brand-500",
                kind === k.value ? "bg-brand-600 font-medium text-white" : "text-slate-600 hover:bg-slate-100",
              )}
            >
              <input
                type="radio"
                name="import-kind"
                value={k.value}
                checked={kind === k.value}
                onChange={() => setKind(k.value)}
                className="sr-only"
                disabled={busy}
              />
              {k.label}
            </label>
          ))}
        </div>
        <p className="mt-2 text-sm text-slate-500">
          {kind === "auto"
            ? "Customers, orders or fulfilments: the column headers tell which. Exports from Shopify work as they are."
            : KIND_HINT[kind]}
        </p>
        {kind !== "auto" && (
          <div className="mt-2">
            <ColumnHelp kind={kind} />
          </div>
        )}
      </fieldset>

      <div
        onDragOver={(e) => {
          e.preventDefault();
          if (!busy) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="import-dropzone"
        className={clsx(
          "flex flex-col items-center justify-center rounded-lg border-2 border-dashed px-6 py-9 text-center transition-colors",
          dragging ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-slate-50/60",
        )}
      >
        {busy ? (
          <UploadProgress state={state} />
        ) : (
          <>
            <span className="mb-3 flex h-10 w-10 items-center justify-center rounded-full bg-white text-brand-600 shadow-sm ring-1 ring-slate-200">
              <UploadIcon className="h-5 w-5" />
            </span>
            <p className="text-sm font-medium text-slate-800">Drop a CSV file here</p>
            <p className="mt-0.5 text-sm text-slate-500">Up to {MAX_UPLOAD_MB} MB · UTF-8 · comma, semicolon or tab separated</p>
            <input
              ref={input}
              id={inputId}
              type="file"
              accept=".csv,.tsv,.txt,text/csv"
              aria-label="CSV file to import"
              className="sr-only"
              onChange={(e) => {
                take(e.target.files);
                e.target.value = "";
              }}
            />
            <Button type="button" variant="secondary" className="mt-4" onClick={() => input.current?.click()}>
              Choose file…
            </Button>
          </>
        )}
      </div>

      {state.phase === "error" && (
        <div role="alert" className="flex items-start gap-3 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          <AlertIcon className="mt-0.5 h-4 w-4 shrink-0" />
          <div className="min-w-0 flex-1">
            <p className="font-medium">{state.filename} was not imported</p>
            <p className="mt-0.5">{state.message}</p>
          </div>
          <Button type="button" variant="ghost" className="h-7 px-2 py-0 text-red-800 hover:bg-red-100" onClick={reset}>
            Dismiss
          </Button>
        </div>
      )}

      <div className="flex flex-wrap items-center gap-x-5 gap-y-1 border-t border-slate-100 pt-3">
        <span className="text-xs font-medium text-slate-500">Templates with every column:</span>
        {IMPORT_KINDS.map((k) => (
          <TemplateLink key={k} kind={k} />
        ))}
      </div>
    </div>
  );
}

function UploadProgress({ state }: { state: ReturnType<typeof useImportUpload>["state"] }) {
  if (state.phase !== "uploading" && state.phase !== "checking") return null;
  const pct = state.phase === "uploading" && state.total ? Math.round((state.sent / state.total) * 100) : 100;
  return (
    <div className="w-full max-w-md" aria-live="polite">
      <p className="truncate text-sm font-medium text-slate-800">{state.filename}</p>
      <div
        role="progressbar"
        aria-label={state.phase === "uploading" ? "Uploading" : "Checking rows"}
        aria-valuenow={state.phase === "uploading" ? pct : undefined}
        aria-valuemin={0}
        aria-valuemax={100}
        className="mt-3 h-1.5 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={clsx("h-full rounded-full bg-brand-600 transition-all", state.phase === "checking" && "animate-pulse")}
          style={{ width: `${pct}%` }}
        />
      </div>
      <p className="mt-2 text-sm text-slate-500">
        {state.phase === "uploading"
          ? `Uploading… ${formatBytes(state.sent)} of ${formatBytes(state.total)}`
          : `Checking every row of ${formatBytes(state.total)}…`}
      </p>
    </div>
  );
}
