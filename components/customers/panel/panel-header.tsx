"use client";

import clsx from "clsx";
import { useState, type FormEvent } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Popover } from "@/components/ui/popover";
import { useNow } from "@/components/ui/relative-time";
import { ClockSmallIcon, PencilIcon, StarFilledIcon, StarIcon } from "./panel-icons";
import type { PanelData } from "./panel-ui";
import type { PanelActions } from "./use-panel-actions";

function localTime(now: Date, timeZone: string): string | null {
  try {
    return now.toLocaleTimeString(undefined, { timeZone, hour: "numeric", minute: "2-digit" });
  } catch {
    return null;
  }
}
const place = (tz: string) => tz.split("/").pop()?.replace(/_/g, " ") ?? tz;

/** Avatar, name (click to edit), VIP star, and the customer's local time and language. */
export function PanelHeader({ data, actions, canEdit }: { data: PanelData; actions: PanelActions; canEdit: boolean }) {
  const c = data.customer;
  const display = c.name ?? c.email ?? c.phone ?? "Unknown customer";
  const now = useNow();
  const time = now && c.timezone ? localTime(now, c.timezone) : null;
  const [editing, setEditing] = useState(false);
  const [regionOpen, setRegionOpen] = useState(false);

  function saveName(value: string) {
    setEditing(false);
    const name = value.trim();
    if (name && name !== c.name) actions.updateProfile.mutate({ customerId: c.id, name });
  }

  return (
    <div className="flex items-start gap-3 border-b border-slate-100 px-4 pt-4 pb-3">
      {c.avatarUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- avatars come from channel providers' CDNs
        <img src={c.avatarUrl} alt="" className="h-10 w-10 shrink-0 rounded-full object-cover" />
      ) : (
        <Avatar name={display} className="h-10 w-10 text-sm" />
      )}
      <div className="min-w-0 flex-1">
        <div className="flex items-center gap-1">
          {editing ? (
            <input
              autoFocus
              aria-label="Customer name"
              defaultValue={c.name ?? ""}
              maxLength={200}
              onBlur={(e) => saveName(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") saveName(e.currentTarget.value);
                if (e.key === "Escape") {
                  e.stopPropagation();
                  setEditing(false);
                }
              }}
              className="h-6 min-w-0 flex-1 rounded border border-brand-400 px-1.5 text-sm font-semibold text-slate-900 focus:ring-2 focus:ring-brand-200 focus:outline-none"
            />
          ) : (
            <button
              type="button"
              data-testid="customer-name"
              disabled={!canEdit}
              onClick={() => setEditing(true)}
              title={canEdit ? "Edit name" : undefined}
              className="group flex min-w-0 items-center gap-1 rounded text-left text-sm font-semibold text-slate-900 enabled:hover:text-brand-700 disabled:cursor-default"
            >
              <span className="truncate">{display}</span>
              {canEdit && (
                <PencilIcon className="h-3 w-3 text-slate-300 opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100" />
              )}
            </button>
          )}
          {(c.vip || canEdit) && (
            <button
              type="button"
              aria-pressed={c.vip}
              aria-label={c.vip ? "VIP (click to remove)" : "Mark as VIP"}
              title={c.vip ? "VIP" : canEdit ? "Mark as VIP" : "Not a VIP"}
              disabled={!canEdit}
              onClick={() => actions.updateProfile.mutate({ customerId: c.id, vip: !c.vip })}
              className={clsx(
                "ml-auto inline-flex h-6 shrink-0 items-center gap-1 rounded px-1.5 text-[11px] font-semibold disabled:cursor-default",
                c.vip ? "bg-amber-100 text-amber-800" : "text-slate-300 enabled:hover:bg-slate-100 enabled:hover:text-slate-500",
              )}
            >
              {c.vip ? <StarFilledIcon className="h-3 w-3" /> : <StarIcon className="h-3.5 w-3.5" />}
              {c.vip && "VIP"}
            </button>
          )}
        </div>
        <Popover
          open={regionOpen}
          onClose={() => setRegionOpen(false)}
          label="Time zone and language"
          className="w-64 p-3"
          trigger={
            <button
              type="button"
              disabled={!canEdit}
              onClick={() => setRegionOpen(true)}
              className="mt-0.5 flex min-w-0 items-center gap-1 rounded text-xs text-slate-500 enabled:hover:text-slate-800 disabled:cursor-default"
              title={c.timezone ?? undefined}
            >
              <ClockSmallIcon className="h-3 w-3 text-slate-400" />
              <span className="truncate" data-testid="customer-local-time">
                {c.timezone ? `${time ?? "…"} in ${place(c.timezone)}` : canEdit ? "Set time zone" : "Time zone unknown"}
                {c.locale ? ` · ${c.locale}` : ""}
              </span>
            </button>
          }
        >
          <RegionForm
            timezone={c.timezone}
            locale={c.locale}
            onSave={(v) => {
              setRegionOpen(false);
              actions.updateProfile.mutate({ customerId: c.id, ...v });
            }}
          />
        </Popover>
      </div>
    </div>
  );
}

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return [];
  }
}

function RegionForm({
  timezone,
  locale,
  onSave,
}: {
  timezone: string | null;
  locale: string | null;
  onSave: (v: { timezone: string | null; locale: string | null }) => void;
}) {
  const [zones] = useState(timeZones);
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const read = (k: string) => {
      const v = f.get(k);
      return typeof v === "string" ? v.trim() : "";
    };
    const tz = read("timezone");
    const loc = read("locale");
    onSave({ timezone: tz || null, locale: loc || null });
  }
  return (
    <form onSubmit={submit} className="space-y-2.5">
      <label className="block text-xs font-medium text-slate-600">
        Time zone
        <input
          data-autofocus=""
          name="timezone"
          list="customer-panel-zones"
          defaultValue={timezone ?? ""}
          placeholder="America/New_York"
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-brand-500 focus:ring-1 focus:ring-brand-500 focus:outline-none"
        />
        <datalist id="customer-panel-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </label>
      <label className="block text-xs font-medium text-slate-600">
        Language
        <input
          name="locale"
          defaultValue={locale ?? ""}
          placeholder="en-US"
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-brand-500 focus:ring-1 focus:ring-brand-500 focus:outline-none"
        />
      </label>
      <div className="flex justify-end">
        <button type="submit" className="rounded-md bg-brand-600 px-2.5 py-1 text-xs font-semibold text-white hover:bg-brand-700">
          Save
        </button>
      </div>
    </form>
  );
}
