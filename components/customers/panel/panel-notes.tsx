"use client";

import { useQuery } from "@tanstack/react-query";
import clsx from "clsx";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { PlusIcon } from "@/components/ui/icons";
import { Popover } from "@/components/ui/popover";
import { RelativeTime, formatFull } from "@/components/ui/relative-time";
import { HistoryIcon, PencilIcon, PinFilledIcon, PinIcon, TrashIcon } from "./panel-icons";
import { IconButton, LinkButton, Section, type PanelNote } from "./panel-ui";
import type { PanelActions } from "./use-panel-actions";

type Perms = { canEdit: boolean; canManageAll: boolean; myId: string | undefined };

/** Notes that follow the customer: pinned first; add, edit (with history), pin, delete. */
export function PanelNotes({
  customerId,
  notes,
  actions,
  perms,
}: {
  customerId: string;
  notes: PanelNote[];
  actions: PanelActions;
  perms: Perms;
}) {
  const [adding, setAdding] = useState(false);
  return (
    <Section
      title="Notes"
      count={notes.length}
      testId="panel-notes"
      action={
        perms.canEdit && !adding ? (
          <LinkButton onClick={() => setAdding(true)}>
            <PlusIcon className="h-3 w-3" /> Add
          </LinkButton>
        ) : undefined
      }
    >
      {adding && (
        <NoteForm
          submitLabel="Add note"
          withPin
          onCancel={() => setAdding(false)}
          onSubmit={(body, pinned) => {
            setAdding(false);
            actions.createNote.mutate({ customerId, body, pinned });
          }}
        />
      )}
      {notes.length === 0 && !adding ? (
        <p className="text-xs text-slate-400">No notes. Notes stay with the customer, whatever channel they write on.</p>
      ) : (
        <ul className="space-y-2">
          {notes.map((n) => (
            <NoteItem key={n.id} note={n} actions={actions} perms={perms} />
          ))}
        </ul>
      )}
    </Section>
  );
}

function NoteItem({ note, actions, perms }: { note: PanelNote; actions: PanelActions; perms: Perms }) {
  const [mode, setMode] = useState<"view" | "edit" | "confirmDelete">("view");
  const [historyOpen, setHistoryOpen] = useState(false);
  const mayChange = perms.canEdit && (note.author?.id === perms.myId || perms.canManageAll);
  return (
    <li
      data-testid="customer-note"
      data-pinned={note.pinned || undefined}
      className={clsx(
        "group rounded-md border px-2.5 py-2 text-xs",
        note.pinned ? "border-amber-200 bg-amber-50/70" : "border-slate-200 bg-white",
      )}
    >
      {mode === "edit" ? (
        <NoteForm
          initial={note.body}
          submitLabel="Save"
          onCancel={() => setMode("view")}
          onSubmit={(body) => {
            setMode("view");
            if (body !== note.body) actions.editNote.mutate({ noteId: note.id, body });
          }}
        />
      ) : (
        <p className="break-words whitespace-pre-wrap text-slate-800">{note.body}</p>
      )}
      <div className="mt-1.5 flex min-h-6 items-center gap-1 text-[11px] text-slate-400">
        <span className="flex min-w-0 flex-1 items-center gap-1">
          {note.pinned && <PinFilledIcon className="h-3 w-3 text-amber-600" />}
          <span className="truncate">
            {note.author?.name ?? "Someone"} · <RelativeTime date={note.createdAt} />
          </span>
          {note.edited && (
            <button
              type="button"
              onClick={() => setHistoryOpen(true)}
              className="shrink-0 rounded px-0.5 underline decoration-dotted hover:text-slate-700"
            >
              edited
            </button>
          )}
        </span>
        {mode === "confirmDelete" ? (
          <span className="flex items-center gap-1">
            <span className="text-slate-600">Delete?</span>
            <LinkButton
              className="text-red-600 hover:bg-red-50 hover:text-red-700"
              onClick={() => actions.deleteNote.mutate({ noteId: note.id })}
            >
              Delete
            </LinkButton>
            <LinkButton className="text-slate-500 hover:bg-slate-100 hover:text-slate-700" onClick={() => setMode("view")}>
              Cancel
            </LinkButton>
          </span>
        ) : (
          perms.canEdit &&
          mode === "view" && (
            <span className="flex opacity-0 transition-opacity group-focus-within:opacity-100 group-hover:opacity-100">
              <IconButton
                label={note.pinned ? "Unpin note" : "Pin note"}
                onClick={() => actions.pinNote.mutate({ noteId: note.id, pinned: !note.pinned })}
              >
                <PinIcon className="h-3.5 w-3.5" />
              </IconButton>
              {mayChange && (
                <>
                  <IconButton label="Edit note" onClick={() => setMode("edit")}>
                    <PencilIcon className="h-3.5 w-3.5" />
                  </IconButton>
                  <IconButton label="Delete note" onClick={() => setMode("confirmDelete")}>
                    <TrashIcon className="h-3.5 w-3.5" />
                  </IconButton>
                </>
              )}
            </span>
          )
        )}
        {note.edited && <NoteHistory noteId={note.id} open={historyOpen} setOpen={setHistoryOpen} />}
      </div>
    </li>
  );
}

/** Opened from “edited” or the history button; anchored at the row's right end so it opens inside the panel. */
function NoteHistory({ noteId, open, setOpen }: { noteId: string; open: boolean; setOpen: (open: boolean) => void }) {
  const trpc = useTRPC();
  const history = useQuery({ ...trpc.customers.noteHistory.queryOptions({ noteId }), enabled: open });
  return (
    <Popover
      open={open}
      onClose={() => setOpen(false)}
      label="Edit history"
      align="end"
      className="w-68 p-0"
      trigger={
        <IconButton label="Edit history" aria-expanded={open} onClick={() => setOpen(!open)}>
          <HistoryIcon className="h-3.5 w-3.5" />
        </IconButton>
      }
    >
      <div className="max-h-72 overflow-y-auto p-3" data-autofocus="" tabIndex={-1}>
        <p className="mb-2 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">Edit history</p>
        {history.isPending ? (
          <p className="text-xs text-slate-400">Loading…</p>
        ) : history.isError ? (
          <p className="text-xs text-red-600">{history.error.message}</p>
        ) : (
          <ol className="space-y-2.5">
            <li>
              <p className="text-[11px] text-slate-500">Current · {formatFull(history.data.current.at)}</p>
              <p className="mt-0.5 text-xs whitespace-pre-wrap text-slate-800">{history.data.current.body}</p>
            </li>
            {history.data.revisions.map((r) => (
              <li key={r.id} className="border-t border-slate-100 pt-2">
                <p className="text-[11px] text-slate-500">
                  Before {r.replacedBy ? `${r.replacedBy}'s` : "an"} edit · {formatFull(r.replacedAt)}
                </p>
                <p className="mt-0.5 text-xs whitespace-pre-wrap text-slate-500 line-through decoration-slate-300">{r.body}</p>
              </li>
            ))}
          </ol>
        )}
      </div>
    </Popover>
  );
}

function NoteForm({
  initial = "",
  submitLabel,
  withPin = false,
  onSubmit,
  onCancel,
}: {
  initial?: string;
  submitLabel: string;
  withPin?: boolean;
  onSubmit: (body: string, pinned: boolean) => void;
  onCancel: () => void;
}) {
  const [body, setBody] = useState(initial);
  const [pinned, setPinned] = useState(false);
  const ok = body.trim().length > 0;
  return (
    <form
      className="mb-2 space-y-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        if (ok) onSubmit(body.trim(), pinned);
      }}
    >
      <textarea
        autoFocus
        aria-label="Note"
        value={body}
        rows={3}
        maxLength={5000}
        placeholder="What should the next person know about this customer?"
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.stopPropagation();
            onCancel();
          }
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey) && ok) {
            e.preventDefault();
            onSubmit(body.trim(), pinned);
          }
        }}
        className="block w-full resize-y rounded-md border border-slate-300 bg-white px-2 py-1.5 text-xs text-slate-800 placeholder:text-slate-400 focus:border-brand-500 focus:ring-1 focus:ring-brand-500 focus:outline-none"
      />
      <div className="flex items-center gap-2">
        {withPin && (
          <label className="flex items-center gap-1 text-[11px] text-slate-600">
            <input type="checkbox" checked={pinned} onChange={(e) => setPinned(e.target.checked)} className="h-3 w-3 accent-amber-600" />
            Pin
          </label>
        )}
        <button type="button" onClick={onCancel} className="ml-auto rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-100">
          Cancel
        </button>
        <button
          type="submit"
          disabled={!ok}
          className="rounded-md bg-slate-800 px-2.5 py-1 text-xs font-semibold text-white hover:bg-slate-900 disabled:opacity-40"
        >
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
