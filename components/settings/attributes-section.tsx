"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { AlertIcon, ArrowDownIcon, PlusIcon, TagIcon } from "@/components/ui/icons";
import { useToast } from "@/components/ui/toast";
import { SelectField, TextAreaField, TextField } from "./form-controls";

type Definition = {
  id: string;
  key: string;
  label: string;
  type: "TEXT" | "NUMBER" | "DATE" | "BOOLEAN" | "LIST";
  options: string[];
  position: number;
};
type Editing = { def: Definition | null } | null;

const TYPES: { value: Definition["type"]; label: string; hint: string }[] = [
  { value: "TEXT", label: "Text", hint: "Any short text" },
  { value: "NUMBER", label: "Number", hint: "e.g. store credit, lifetime points" },
  { value: "DATE", label: "Date", hint: "e.g. birthday, contract renewal" },
  { value: "BOOLEAN", label: "Yes / no", hint: "e.g. newsletter opt-in" },
  { value: "LIST", label: "List", hint: "One of a fixed set of options" },
];
const typeLabel = (t: Definition["type"]) => TYPES.find((x) => x.value === t)?.label ?? t;
const keyFrom = (label: string) =>
  label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+|_+$/g, "")
    .slice(0, 64);
const parseOptions = (raw: string) => [
  ...new Set(
    raw
      .split(/[\n,]/)
      .map((o) => o.trim())
      .filter(Boolean),
  ),
];

/** Settings → Customer attributes: typed fields every customer panel shows (and agents fill in). */
export function AttributesSection() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const toast = useToast();
  const list = useQuery(trpc.customers.attributeDefinitions.queryOptions());
  const [editing, setEditing] = useState<Editing>(null);
  const [confirm, setConfirm] = useState<string | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: trpc.customers.pathKey() });
  const onError = (err: { message: string }) => toast.show({ tone: "error", message: err.message });
  const move = useMutation(trpc.customers.updateAttributeDefinition.mutationOptions({ onSuccess: refresh, onError }));
  const remove = useMutation(
    trpc.customers.deleteAttributeDefinition.mutationOptions({
      onSuccess: () => {
        setConfirm(null);
        refresh();
        toast.show({ message: "Attribute removed. Values already saved stay on the customers and come back if you re-create it." });
      },
      onError,
    }),
  );

  function swap(items: Definition[], i: number, j: number) {
    const a = items[i];
    const b = items[j];
    if (!a || !b) return;
    move.mutate({ id: a.id, position: j });
    move.mutate({ id: b.id, position: i });
  }

  return (
    <section aria-labelledby="attributes-heading" className="mx-auto w-full max-w-5xl px-8 py-6">
      <div className="mb-4 flex items-end justify-between gap-4">
        <div>
          <h2 id="attributes-heading" className="text-base font-semibold text-slate-900">
            Customer attributes
          </h2>
          <p className="text-sm text-slate-500">
            Fields shown in every customer panel, in this order. Agents fill them in beside the conversation.
          </p>
        </div>
        <Button type="button" onClick={() => setEditing({ def: null })}>
          <PlusIcon className="h-4 w-4" /> Add attribute
        </Button>
      </div>
      {list.isPending ? (
        <ul
          aria-busy="true"
          aria-label="Loading attributes"
          className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
        >
          {[0, 1, 2].map((i) => (
            <li key={i} className="flex items-center gap-3 px-4 py-3.5">
              <div className="h-4 w-40 animate-pulse rounded bg-slate-100" />
              <div className="ml-auto h-5 w-16 animate-pulse rounded-full bg-slate-100" />
            </li>
          ))}
        </ul>
      ) : list.isError ? (
        <div role="alert" className="flex items-center gap-3 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          <AlertIcon className="h-4 w-4 shrink-0" />
          <span className="flex-1">Could not load attributes: {list.error.message}</span>
          <Button type="button" variant="secondary" onClick={() => void list.refetch()}>
            Retry
          </Button>
        </div>
      ) : list.data.length === 0 ? (
        <div className="flex flex-col items-center rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <span className="mb-3 flex h-10 w-10 items-center justify-center rounded-full bg-brand-50 text-brand-600">
            <TagIcon className="h-5 w-5" />
          </span>
          <p className="text-sm font-medium text-slate-800">No customer attributes yet</p>
          <p className="mt-1 max-w-sm text-sm text-slate-500">
            Add fields like loyalty tier, birthday or company, and every panel shows them.
          </p>
        </div>
      ) : (
        <ul aria-label="Customer attributes" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {list.data.map((d, i, all) => (
            <li key={d.id} data-testid="attribute-row" className="flex items-center gap-4 px-4 py-3">
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium text-slate-900">{d.label}</p>
                <p className="truncate font-mono text-xs text-slate-500">{d.key}</p>
              </div>
              <p className="w-64 truncate text-sm text-slate-600" title={d.options.join(", ")}>
                <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600">{typeLabel(d.type)}</span>
                {d.type === "LIST" && d.options.join(", ")}
              </p>
              <div className="flex w-64 items-center justify-end gap-1">
                {confirm === d.id ? (
                  <>
                    <span className="text-sm text-slate-600">Remove “{d.label}”?</span>
                    <Button
                      type="button"
                      variant="ghost"
                      className="h-8 px-2.5 py-0 text-red-700"
                      onClick={() => remove.mutate({ id: d.id })}
                    >
                      Remove
                    </Button>
                    <Button type="button" variant="ghost" className="h-8 px-2.5 py-0" onClick={() => setConfirm(null)}>
                      Cancel
                    </Button>
                  </>
                ) : (
                  <>
                    <Button
                      type="button"
                      variant="ghost"
                      className="h-8 w-8 p-0 disabled:opacity-30"
                      disabled={i === 0}
                      aria-label={`Move ${d.label} up`}
                      onClick={() => swap(all, i, i - 1)}
                    >
                      <ArrowDownIcon className="h-4 w-4 rotate-180" />
                    </Button>
                    <Button
                      type="button"
                      variant="ghost"
                      className="h-8 w-8 p-0 disabled:opacity-30"
                      disabled={i === all.length - 1}
                      aria-label={`Move ${d.label} down`}
                      onClick={() => swap(all, i, i + 1)}
                    >
                      <ArrowDownIcon className="h-4 w-4" />
                    </Button>
                    <Button
                      type="button"
                      variant="secondary"
                      className="h-8 px-3 py-0"
                      onClick={() => setEditing({ def: d })}
                      aria-label={`Edit ${d.label}`}
                    >
                      Edit
                    </Button>
                    <Button
                      type="button"
                      variant="ghost"
                      className="h-8 px-2.5 py-0"
                      onClick={() => setConfirm(d.id)}
                      aria-label={`Remove ${d.label}`}
                    >
                      Remove
                    </Button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing && <AttributeDialog def={editing.def} onClose={() => setEditing(null)} onSaved={refresh} />}
    </section>
  );
}

function AttributeDialog({ def, onClose, onSaved }: { def: Definition | null; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const [label, setLabel] = useState(def?.label ?? "");
  const [key, setKey] = useState(def?.key ?? "");
  const [keyTouched, setKeyTouched] = useState(Boolean(def));
  const [type, setType] = useState<Definition["type"]>(def?.type ?? "TEXT");
  const [options, setOptions] = useState(def?.options.join("\n") ?? "");
  const [error, setError] = useState<string | null>(null);
  const done = (name: string) => {
    onSaved();
    toast.show({ tone: "success", message: `Saved “${name}”` });
    onClose();
  };
  const create = useMutation(
    trpc.customers.createAttributeDefinition.mutationOptions({ onSuccess: (d) => done(d.label), onError: (e) => setError(e.message) }),
  );
  const update = useMutation(
    trpc.customers.updateAttributeDefinition.mutationOptions({ onSuccess: (d) => done(d.label), onError: (e) => setError(e.message) }),
  );

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    const opts = parseOptions(options);
    if (def) update.mutate({ id: def.id, label, ...(def.type === "LIST" ? { options: opts } : {}) });
    else create.mutate({ key: keyTouched ? key : keyFrom(label), label, type, options: type === "LIST" ? opts : [] });
  }
  return (
    <Modal title={def ? `Edit “${def.label}”` : "Add a customer attribute"} onClose={onClose}>
      <form onSubmit={submit} className="space-y-3 px-5 py-4">
        <TextField
          label="Label"
          required
          maxLength={80}
          value={label}
          data-autofocus=""
          onChange={(e) => setLabel(e.target.value)}
          placeholder="Loyalty tier"
        />
        <TextField
          label="Key"
          hint={
            def
              ? "Keys cannot change (saved values are stored under it)."
              : "Lower-case letters, digits and _; used in exports and the API."
          }
          disabled={Boolean(def)}
          value={keyTouched ? key : keyFrom(label)}
          onChange={(e) => {
            setKeyTouched(true);
            setKey(e.target.value);
          }}
        />
        <SelectField
          label="Type"
          hint={def ? "The type cannot change." : TYPES.find((t) => t.value === type)?.hint}
          value={type}
          onChange={(v) => !def && setType(v as Definition["type"])}
          options={TYPES.map((t) => ({ value: t.value, label: t.label }))}
        />
        {type === "LIST" && (
          <TextAreaField
            label="Options"
            hint="One per line (or comma-separated)."
            rows={4}
            value={options}
            onChange={(e) => setOptions(e.target.value)}
            placeholder={"Bronze\nSilver\nGold"}
          />
        )}
        {error && (
          <p role="alert" className="rounded-md bg-red-50 px-2.5 py-1.5 text-sm text-red-700">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2 pt-1">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={create.isPending || update.isPending}>
            {def ? "Save" : "Add attribute"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
