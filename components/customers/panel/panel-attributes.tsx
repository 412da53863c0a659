"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { Section, type PanelAttribute } from "./panel-ui";
import type { PanelActions } from "./use-panel-actions";

type Value = PanelAttribute["value"];

function show(a: PanelAttribute): string | null {
  if (a.value === null) return null;
  if (a.type === "BOOLEAN") return a.value === true ? "Yes" : a.value === false ? "No" : String(a.value);
  if (a.type === "DATE" && typeof a.value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(a.value))
    return new Date(`${a.value}T12:00:00Z`).toLocaleDateString(undefined, {
      month: "short",
      day: "numeric",
      year: "numeric",
      timeZone: "UTC",
    });
  if (a.type === "NUMBER" && typeof a.value === "number") return a.value.toLocaleString();
  return String(a.value);
}

const inputClass =
  "h-6 w-full min-w-0 rounded border border-brand-400 bg-white px-1.5 text-xs text-slate-800 focus:ring-2 focus:ring-brand-200 focus:outline-none";

/** Custom attributes (definitions in Settings): click a value to edit it with the control its type needs. */
export function PanelAttributes({
  customerId,
  attributes,
  actions,
  canEdit,
  canManage,
}: {
  customerId: string;
  attributes: PanelAttribute[];
  actions: PanelActions;
  canEdit: boolean;
  canManage: boolean;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const save = (a: PanelAttribute, value: Value) => {
    setEditing(null);
    if (value === a.value) return;
    actions.setAttribute.mutate({ customerId, key: a.key, value });
  };
  if (attributes.length === 0 && !canManage) return null;
  return (
    <Section title="Attributes" testId="panel-attributes">
      {attributes.length === 0 ? (
        <p className="text-xs text-slate-400">
          No customer attributes yet.{" "}
          <Link href="/settings?section=attributes" className="font-medium text-brand-600 hover:underline">
            Define some in Settings
          </Link>
        </p>
      ) : (
        <dl className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] items-center gap-x-3 gap-y-1 text-xs">
          {attributes.map((a) => (
            <div key={a.key} className="contents">
              <dt className="truncate text-slate-500" title={a.label}>
                {a.label}
              </dt>
              <dd className="min-w-0">
                {editing === a.key ? (
                  <Editor attribute={a} onSave={(v) => save(a, v)} onCancel={() => setEditing(null)} />
                ) : (
                  <button
                    type="button"
                    disabled={!canEdit}
                    onClick={() => setEditing(a.key)}
                    aria-label={`${a.label}: ${show(a) ?? "empty"}${canEdit ? " (edit)" : ""}`}
                    className="-mx-1 block w-[calc(100%+0.5rem)] truncate rounded px-1 py-0.5 text-left text-slate-800 enabled:hover:bg-slate-100 disabled:cursor-default"
                  >
                    {show(a) ?? <span className="text-slate-300">{canEdit ? "Add…" : "—"}</span>}
                  </button>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Section>
  );
}

function Editor({
  attribute: a,
  onSave: save,
  onCancel: cancel,
}: {
  attribute: PanelAttribute;
  onSave: (v: Value) => void;
  onCancel: () => void;
}) {
  // Enter saves and unmounts the input, which may still fire blur: act once
  const done = useRef(false);
  const once =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      if (done.current) return;
      done.current = true;
      fn(...args);
    };
  const onSave = once(save);
  const onCancel = once(cancel);
  const keys = (e: React.KeyboardEvent<HTMLInputElement | HTMLSelectElement>) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      onCancel();
    }
  };
  if (a.type === "LIST" || a.type === "BOOLEAN") {
    const options =
      a.type === "LIST"
        ? a.options.map((o) => [o, o] as const)
        : ([
            ["true", "Yes"],
            ["false", "No"],
          ] as const);
    const current = a.value === null ? "" : String(a.value);
    return (
      <select
        autoFocus
        aria-label={a.label}
        defaultValue={current}
        onKeyDown={keys}
        onBlur={onCancel}
        onChange={(e) => {
          const v = e.currentTarget.value;
          onSave(v === "" ? null : a.type === "BOOLEAN" ? v === "true" : v);
        }}
        className={inputClass}
      >
        <option value="">—</option>
        {options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
        {a.type === "LIST" && current && !a.options.includes(current) && <option value={current}>{current} (not in list)</option>}
      </select>
    );
  }
  const commit = (raw: string) => {
    const v = raw.trim();
    onSave(v === "" ? null : a.type === "NUMBER" ? Number(v) : v);
  };
  return (
    <input
      autoFocus
      aria-label={a.label}
      type={a.type === "NUMBER" ? "number" : a.type === "DATE" ? "date" : "text"}
      step={a.type === "NUMBER" ? "any" : undefined}
      defaultValue={a.value === null ? "" : String(a.value)}
      onKeyDown={(e) => {
        keys(e);
        if (e.key === "Enter") commit(e.currentTarget.value);
      }}
      onBlur={(e) => commit(e.currentTarget.value)}
      className={inputClass}
    />
  );
}
