"use client";

import { ArrowDownIcon } from "@/components/ui/icons";
import type { ImportKindKey } from "@/server/commerce/csv/columns";
import type { ImportRowError } from "@/server/commerce/import.schemas";
import { fieldLabel, formatNumber } from "./labels";

/** The rows that stop an import: line number, column, reason; the full list as a CSV download. */
export function ImportErrors({
  importId,
  kind,
  errors,
  errorCount,
  fileErrors = [],
}: {
  importId: string;
  kind: ImportKindKey;
  errors: ImportRowError[];
  errorCount: number;
  fileErrors?: string[];
}) {
  const rowErrors = errorCount - fileErrors.length;
  return (
    <section aria-labelledby={`errors-${importId}`} className="overflow-hidden rounded-lg border border-red-200 bg-white">
      <header className="flex flex-wrap items-center gap-3 border-b border-red-100 bg-red-50 px-4 py-2.5">
        <h3 id={`errors-${importId}`} className="text-sm font-semibold text-red-800">
          {fileErrors.length && rowErrors <= 0
            ? "The file cannot be imported"
            : `${formatNumber(errorCount)} ${errorCount === 1 ? "problem" : "problems"} to fix — nothing is imported until the file is clean`}
        </h3>
        {rowErrors > 0 && (
          <a
            href={`/api/imports/${importId}/errors`}
            download
            className="ml-auto inline-flex items-center gap-1 text-sm font-medium text-red-800 hover:underline"
          >
            <ArrowDownIcon className="h-3.5 w-3.5" /> Download all as CSV
          </a>
        )}
      </header>
      {fileErrors.length > 0 && (
        <ul className="divide-y divide-red-50 px-4">
          {fileErrors.map((e) => (
            <li key={e} className="py-2 text-sm text-red-800">
              {e}
            </li>
          ))}
        </ul>
      )}
      {errors.length > 0 && (
        <div className="max-h-72 overflow-y-auto">
          <table className="w-full text-sm" aria-label="Row errors">
            <thead className="sticky top-0 bg-white text-left text-xs text-slate-500 shadow-[0_1px_0_0_theme(colors.slate.100)]">
              <tr>
                <th scope="col" className="w-20 px-4 py-2 font-medium">
                  Line
                </th>
                <th scope="col" className="w-40 px-2 py-2 font-medium">
                  Column
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Problem
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {errors.map((e, i) => (
                <tr key={`${e.line}-${i}`} data-testid="import-error">
                  <td className="px-4 py-1.5 font-mono text-xs text-slate-600 tabular-nums">{e.line ?? "—"}</td>
                  <td className="px-2 py-1.5 text-slate-600">{fieldLabel(kind, e.field)}</td>
                  <td className="px-2 py-1.5 text-slate-900">{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rowErrors > errors.length && (
            <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-500">
              Showing the first {formatNumber(errors.length)} of {formatNumber(rowErrors)}. Download the CSV for all of them.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
