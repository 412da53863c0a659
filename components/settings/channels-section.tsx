"use client";

import clsx from "clsx";
import { Pill } from "@/components/ui/status-pill";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ChannelIcon } from "@/components/inbox/channel-icon";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { AlertIcon, MailIcon, PlusIcon } from "@/components/ui/icons";
import { RelativeTime } from "@/components/ui/relative-time";
import { useToast } from "@/components/ui/toast";
import type { ChannelSummary } from "@/server/channels/channel-dto";
import { EmailChannelDialog } from "./email-channel-form";

type Editing = { id: string | null } | null;

/** Settings → Channels: every channel with its status; email channels are added and edited here. */
export function ChannelsSection() {
  const trpc = useTRPC();
  const list = useQuery(trpc.channels.list.queryOptions(undefined, { refetchInterval: 60_000 }));
  const me = useQuery(trpc.workspace.me.queryOptions());
  const [editing, setEditing] = useState<Editing>(null);
  const teams = me.data?.teams ?? [];

  return (
    <section aria-labelledby="channels-heading" className="mx-auto w-full max-w-5xl px-8 py-6">
      <div className="mb-4 flex items-end justify-between gap-4">
        <div>
          <h2 id="channels-heading" className="text-base font-semibold text-slate-900">
            Channels
          </h2>
          <p className="text-sm text-slate-500">Where customers reach you. Each email address is its own channel.</p>
        </div>
        <Button type="button" onClick={() => setEditing({ id: null })}>
          <PlusIcon className="h-4 w-4" /> Add email channel
        </Button>
      </div>

      {list.isPending ? (
        <ul
          aria-busy="true"
          aria-label="Loading channels"
          className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
        >
          {[0, 1, 2].map((i) => (
            <li key={i} className="flex items-center gap-3 px-4 py-3.5">
              <div className="h-6 w-6 animate-pulse rounded-md bg-slate-100" />
              <div className="h-4 w-48 animate-pulse rounded bg-slate-100" />
              <div className="ml-auto h-5 w-16 animate-pulse rounded-full bg-slate-100" />
            </li>
          ))}
        </ul>
      ) : list.isError ? (
        <div role="alert" className="flex items-center gap-3 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          <AlertIcon className="h-4 w-4 shrink-0" />
          <span className="flex-1">Could not load channels: {list.error.message}</span>
          <Button type="button" variant="secondary" onClick={() => void list.refetch()}>
            Retry
          </Button>
        </div>
      ) : list.data.items.length === 0 ? (
        <div className="flex flex-col items-center rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <span className="mb-3 flex h-10 w-10 items-center justify-center rounded-full bg-brand-50 text-brand-600">
            <MailIcon className="h-5 w-5" />
          </span>
          <p className="text-sm font-medium text-slate-800">No channels yet</p>
          <p className="mt-1 max-w-sm text-sm text-slate-500">Add your support address to start receiving email in the shared inbox.</p>
          <Button type="button" className="mt-4" onClick={() => setEditing({ id: null })}>
            <PlusIcon className="h-4 w-4" /> Add email channel
          </Button>
        </div>
      ) : (
        <ul aria-label="Channels" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {list.data.items.map((c) => (
            <ChannelRow key={c.id} channel={c} onEdit={() => setEditing({ id: c.id })} />
          ))}
        </ul>
      )}

      {editing && (
        <EmailChannelDialog
          channelId={editing.id}
          teams={teams}
          smtpListenPort={list.data?.smtpListenPort ?? null}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}

function ChannelRow({ channel: c, onEdit }: { channel: ChannelSummary; onEdit: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const toast = useToast();
  const setActive = useMutation(
    trpc.channels.setActive.mutationOptions({
      onSuccess: (row) => {
        void qc.invalidateQueries({ queryKey: trpc.channels.pathKey() });
        toast.show({ tone: "success", message: `${row.name} ${row.active ? "is active again" : "is now inactive"}` });
      },
      onError: (err) => toast.show({ tone: "error", message: err.message }),
    }),
  );
  return (
    <li data-testid="channel-row" className={clsx("flex items-center gap-4 px-4 py-3", !c.active && "bg-slate-50/70")}>
      <ChannelIcon kind={c.kind} />
      <div className="min-w-0 flex-1">
        <p className={clsx("truncate text-sm font-medium", c.active ? "text-slate-900" : "text-slate-500")}>{c.name}</p>
        <p className="truncate text-xs text-slate-500">{c.address ?? "—"}</p>
      </div>
      <p className="hidden w-32 truncate text-sm text-slate-600 md:block" title="Owner team">
        {c.ownerTeam?.name ?? <span className="text-slate-400">No team</span>}
      </p>
      <div className="w-48">
        <StatusPill channel={c} />
      </div>
      <div className="flex w-44 justify-end gap-1.5">
        {c.kind === "EMAIL" && (
          <Button type="button" variant="secondary" className="h-8 px-3 py-0" onClick={onEdit} aria-label={`Edit ${c.name}`}>
            Edit
          </Button>
        )}
        <Button
          type="button"
          variant="ghost"
          className="h-8 px-2.5 py-0"
          disabled={setActive.isPending}
          onClick={() => setActive.mutate({ id: c.id, active: !c.active })}
          aria-label={`${c.active ? "Deactivate" : "Activate"} ${c.name}`}
        >
          {c.active ? "Deactivate" : "Activate"}
        </Button>
      </div>
    </li>
  );
}

function StatusPill({ channel: c }: { channel: ChannelSummary }) {
  if (!c.active) return <Pill tone="slate">Inactive</Pill>;
  const e = c.email;
  if (e?.imapError) {
    return (
      <div className="min-w-0">
        <Pill tone="red">IMAP error</Pill>
        <p className="mt-0.5 truncate text-xs text-red-700" title={e.imapError}>
          {e.imapError}
        </p>
      </div>
    );
  }
  if (e && !e.inbound.smtpListener && !e.inbound.imap && !e.inbound.webhook) return <Pill tone="amber">No inbound set up</Pill>;
  return (
    <div className="min-w-0">
      <Pill tone="green">Active</Pill>
      {e?.inbound.imap && (
        <p className="mt-0.5 truncate text-xs text-slate-500">
          {e.lastPolledAt ? (
            <>
              Last IMAP poll · <RelativeTime date={e.lastPolledAt} />
            </>
          ) : (
            "IMAP not polled yet"
          )}
        </p>
      )}
    </div>
  );
}
