"use client";

import { FIELDS, type ImportKindKey } from "@/server/commerce/csv/columns";
import { KIND_LABEL } from "./labels";

/** The documented columns of one kind: header spellings accepted (case and punctuation ignored) and what each means. */
export function ColumnHelp({ kind }: { kind: ImportKindKey }) {
  return (
    <details className="group rounded-md border border-slate-200 bg-white text-sm open:shadow-xs">
      <summary className="cursor-pointer list-none px-3 py-2 text-slate-700 select-none hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none">
        <span className="mr-1 inline-block text-slate-400 transition-transform group-open:rotate-90" aria-hidden="true">
          ›
        </span>
        Columns for {KIND_LABEL[kind].toLowerCase()}
      </summary>
      <table className="w-full border-t border-slate-100 text-left text-xs">
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Column
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Also accepted
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Notes
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {FIELDS[kind].map((f) => (
            <tr key={f.key}>
              <td className="px-3 py-1.5 font-medium whitespace-nowrap text-slate-800">
                {f.label}
                {f.required && <span className="ml-1 text-red-600">required</span>}
              </td>
              <td className="px-3 py-1.5 text-slate-500">{f.aliases.filter((a) => a !== f.label.toLowerCase()).join(", ") || "—"}</td>
              <td className="px-3 py-1.5 text-slate-600">{f.hint || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
