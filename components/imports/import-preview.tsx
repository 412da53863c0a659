"use client";

import clsx from "clsx";
import type { ImportJobDto } from "@/server/commerce/import.schemas";
import { Button } from "@/components/ui/button";
import { CheckIcon } from "@/components/ui/icons";
import { ImportErrors } from "./import-errors";
import { ImportHeader } from "./import-header";
import { fieldLabel, formatNumber, plural } from "./labels";

const sameName = (a: string, b: string) =>
  a
    .trim()
    .toLowerCase()
    .replace(/[^a-z]/g, "") === b.toLowerCase().replace(/[^a-z]/g, "");

/** What the file will do: how its columns were read, its first rows as they will be stored, and what stops it. */
export function ImportPreview({
  job,
  starting,
  cancelling,
  onStart,
  onDiscard,
}: {
  job: ImportJobDto;
  starting: boolean;
  cancelling: boolean;
  onStart: () => void;
  onDiscard: () => void;
}) {
  const { preview } = job;
  const blocked = job.errorCount > 0;
  return (
    <div className="flex flex-col gap-4 p-5">
      <ImportHeader job={job} />
      <section aria-label="Column mapping">
        <h3 className="mb-2 text-xs font-medium text-slate-700">Columns</h3>
        <ul className="flex flex-wrap gap-1.5">
          {preview.columns.map((c) => (
            <li
              key={c.index}
              title={c.note}
              className={clsx(
                "inline-flex items-center gap-1 rounded-md border px-2 py-0.5 text-xs",
                c.field ? "border-slate-200 bg-white text-slate-700" : "border-dashed border-slate-200 bg-slate-50 text-slate-400",
              )}
            >
              <span className={clsx(c.field && "font-medium text-slate-900")}>{c.header || `Column ${c.index + 1}`}</span>
              {c.field && sameName(c.header, fieldLabel(job.kind, c.field)) ? (
                <CheckIcon className="h-3 w-3 text-emerald-600" />
              ) : (
                <>
                  <span aria-hidden="true">→</span>
                  <span>{c.field ? fieldLabel(job.kind, c.field) : (c.note ?? "not imported")}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>

      {blocked && (
        <ImportErrors importId={job.id} kind={job.kind} errors={job.errors} errorCount={job.errorCount} fileErrors={preview.fileErrors} />
      )}

      {preview.sample.rows.length > 0 && (
        <section aria-label="First rows">
          <h3 className="mb-2 text-xs font-medium text-slate-700">
            {preview.sample.rows.length < job.totalRows
              ? `First ${preview.sample.rows.length} of ${formatNumber(job.totalRows)} rows`
              : "The rows"}
            , as they will be stored
          </h3>
          <div className="max-h-96 overflow-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-sm whitespace-nowrap" data-testid="import-preview-table">
              <thead className="sticky top-0 z-10 bg-slate-50 text-left text-xs text-slate-500">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Line
                  </th>
                  {preview.sample.fields.map((f) => (
                    <th key={f} scope="col" className="px-3 py-2 font-medium">
                      {fieldLabel(job.kind, f)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {preview.sample.rows.map((r) => (
                  <tr key={r.line} className={clsx(r.invalid && "bg-red-50/70")}>
                    <td className={clsx("px-3 py-1.5 font-mono text-xs tabular-nums", r.invalid ? "text-red-700" : "text-slate-500")}>
                      {r.line}
                    </td>
                    {preview.sample.fields.map((f) => (
                      <td key={f} className="max-w-56 truncate px-3 py-1.5 text-slate-800" title={r.values[f] ?? undefined}>
                        {r.values[f] ?? <span className="text-slate-300">—</span>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <footer className="flex flex-wrap items-center justify-end gap-3 border-t border-slate-100 pt-4">
        <p className="mr-auto text-sm text-slate-500">
          {blocked
            ? "Fix the file and upload it again. Nothing has been written."
            : "One transaction: every row is written, or none. Importing the same file again changes nothing."}
        </p>
        <Button type="button" variant="ghost" onClick={onDiscard} disabled={cancelling || starting}>
          {blocked ? "Upload another file" : "Discard"}
        </Button>
        <Button type="button" onClick={onStart} disabled={blocked || starting} aria-describedby={blocked ? `errors-${job.id}` : undefined}>
          {starting ? "Starting…" : `Import ${plural(job.totalRows, "row")}`}
        </Button>
      </footer>
    </div>
  );
}
