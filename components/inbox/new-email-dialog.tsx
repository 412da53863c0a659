"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { AlertIcon } from "@/components/ui/icons";
import { Modal } from "@/components/ui/modal";
import { useToast } from "@/components/ui/toast";
import { ZStartEmailInput } from "@/server/inbox/conversation.schemas";
import { AttachButton, AttachmentTray, DropOverlay } from "@/components/thread/attachment-tray";
import { useFileDrop, useUploads } from "@/components/thread/use-uploads";

type Field = "channelId" | "to" | "subject" | "text";
const FIELD_CLASS =
  "w-full rounded-md border border-slate-300 px-3 py-2 text-sm text-slate-900 placeholder:text-slate-400 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none aria-[invalid=true]:border-red-400";

/** "New email": an agent writes to a customer first. On success the new conversation opens. */
export function NewEmailDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (conversationId: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const channels = useQuery(trpc.conversation.emailChannels.queryOptions());
  const [values, setValues] = useState({ channelId: "", to: "", subject: "", text: "" });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const uploads = useUploads(null);
  const drop = useFileDrop(uploads.add);
  const start = useMutation(
    trpc.conversation.startEmail.mutationOptions({
      onSuccess: (out) => {
        void queryClient.invalidateQueries({ queryKey: trpc.inbox.pathKey() });
        toast.show({ message: `Email queued: conversation #${out.number}` });
        onCreated(out.conversationId);
      },
    }),
  );
  const channelId = values.channelId || channels.data?.[0]?.id || "";
  const set = (field: Field) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    setErrors((errs) => (errs[field] ? { ...errs, [field]: undefined } : errs));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (uploads.busy || uploads.failed) return;
    const parsed = ZStartEmailInput.safeParse({ ...values, channelId, attachmentIds: uploads.ready.map((u) => u.id) });
    if (!parsed.success) {
      const next: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as Field;
        next[key] ??= key === "channelId" ? "Pick the address to send from" : issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    start.mutate(parsed.data);
  };

  const noChannels = channels.isSuccess && channels.data.length === 0;
  return (
    <Modal title="New email" onClose={onClose} className="max-w-xl">
      <form onSubmit={submit} noValidate className="flex flex-col gap-3 p-5">
        {noChannels ? (
          <p className="text-sm text-slate-600">
            There is no email channel you can send from. An admin can add one in Settings → Channels.
          </p>
        ) : (
          <>
            <Row label="From" error={errors.channelId}>
              <select
                aria-label="From"
                className={FIELD_CLASS}
                value={channelId}
                onChange={set("channelId")}
                disabled={!channels.isSuccess}
                aria-invalid={Boolean(errors.channelId)}
              >
                {!channels.isSuccess && <option value="">Loading…</option>}
                {channels.data?.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                    {c.address ? ` <${c.address}>` : ""}
                  </option>
                ))}
              </select>
            </Row>
            <Row label="To" error={errors.to}>
              <input
                aria-label="To"
                type="email"
                autoComplete="off"
                placeholder="customer@example.com"
                data-autofocus
                className={FIELD_CLASS}
                value={values.to}
                onChange={set("to")}
                aria-invalid={Boolean(errors.to)}
              />
            </Row>
            <Row label="Subject" error={errors.subject}>
              <input
                aria-label="Subject"
                className={FIELD_CLASS}
                value={values.subject}
                onChange={set("subject")}
                aria-invalid={Boolean(errors.subject)}
              />
            </Row>
            <Row label="Message" error={errors.text}>
              <div {...drop.handlers} className="relative flex flex-col gap-2">
                {drop.dragging && <DropOverlay />}
                <textarea
                  aria-label="Message"
                  rows={8}
                  className={`${FIELD_CLASS} resize-y`}
                  value={values.text}
                  onChange={set("text")}
                  aria-invalid={Boolean(errors.text)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) submit(e);
                  }}
                  onPaste={(e) => {
                    if (!e.clipboardData.files.length) return;
                    e.preventDefault();
                    uploads.add(e.clipboardData.files);
                  }}
                />
                <AttachmentTray chips={uploads.chips} onRemove={uploads.remove} />
              </div>
            </Row>
            <p className="text-xs text-slate-400">Your signature for this address is added when the email is sent.</p>
          </>
        )}
        {(start.isError || channels.isError) && (
          <p role="alert" className="flex items-center gap-2 text-sm text-red-700">
            <AlertIcon className="h-4 w-4 shrink-0" /> {start.error?.message ?? channels.error?.message}
          </p>
        )}
        <div className="flex items-center justify-end gap-2 pt-1">
          {!noChannels && (
            <div className="mr-auto">
              <AttachButton onFiles={uploads.add} labelClassName="inline" />
            </div>
          )}
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button
            type="submit"
            disabled={start.isPending || noChannels || !channels.isSuccess || uploads.busy || uploads.failed}
            title={
              uploads.busy
                ? "Wait for the files to finish uploading"
                : uploads.failed
                  ? "Remove the files that could not be attached"
                  : undefined
            }
          >
            {start.isPending ? "Sending…" : "Send email"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

function Row({ label, error, children }: { label: string; error?: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[4.5rem_1fr] items-start gap-x-3">
      <span className="pt-2 text-sm text-slate-500" aria-hidden>
        {label}
      </span>
      <div className="flex flex-col gap-1">
        {children}
        {error && <p className="text-xs text-red-600">{error}</p>}
      </div>
    </div>
  );
}
