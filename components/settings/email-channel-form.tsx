"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { AlertIcon } from "@/components/ui/icons";
import { Modal } from "@/components/ui/modal";
import { useToast } from "@/components/ui/toast";
import { MAX_SIGNATURE_LENGTH } from "@/server/channels/channels.schemas";
import type { EmailChannelDetail } from "@/server/channels/channel-dto";
import { serverErrors, validate, valuesFrom, type EmailChannelValues, type FieldErrors } from "./email-channel-values";
import { ImapFields, SmtpFields } from "./connection-fields";
import { FormSection, SelectField, TextAreaField, TextField, Toggle } from "./form-controls";
import { OneTimeSecret, WebhookBox } from "./webhook-box";

type Team = { id: string; name: string };

/** Add (channelId null) or edit an email channel, in a modal. */
export function EmailChannelDialog({
  channelId,
  teams,
  smtpListenPort,
  onClose,
}: {
  channelId: string | null;
  teams: Team[];
  smtpListenPort: number | null;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const detail = useQuery({ ...trpc.channels.get.queryOptions({ id: channelId ?? "" }), enabled: channelId !== null, staleTime: 0 });
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const title = secret ? `“${secret.name}” is ready` : channelId ? "Edit email channel" : "Add email channel";
  return (
    <Modal title={title} onClose={onClose} className="flex max-h-[92vh] max-w-3xl! flex-col">
      {secret ? (
        <div className="flex flex-col gap-4 p-5">
          <p className="text-sm text-slate-600">
            Configure your email provider to POST inbound mail to the webhook URL, authenticated with this secret.
          </p>
          <OneTimeSecret secret={secret.secret} />
          <div className="flex justify-end">
            <Button type="button" onClick={onClose} data-autofocus>
              Done
            </Button>
          </div>
        </div>
      ) : channelId && detail.isPending ? (
        <div className="flex flex-col gap-3 p-5" aria-busy="true" aria-label="Loading the channel">
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="h-9 animate-pulse rounded-md bg-slate-100" />
          ))}
        </div>
      ) : channelId && detail.isError ? (
        <div role="alert" className="flex items-center gap-2 p-5 text-sm text-red-700">
          <AlertIcon className="h-4 w-4" /> {detail.error.message}
          <Button type="button" variant="secondary" className="ml-auto" onClick={() => void detail.refetch()}>
            Retry
          </Button>
        </div>
      ) : (
        <EmailChannelForm
          existing={detail.data ?? null}
          teams={teams}
          smtpListenPort={smtpListenPort}
          onCancel={onClose}
          onSaved={(name, webhookSecret) => (webhookSecret ? setSecret({ name, secret: webhookSecret }) : onClose())}
        />
      )}
    </Modal>
  );
}

function EmailChannelForm({
  existing,
  teams,
  smtpListenPort,
  onCancel,
  onSaved,
}: {
  existing: EmailChannelDetail | null;
  teams: Team[];
  smtpListenPort: number | null;
  onCancel: () => void;
  onSaved: (name: string, webhookSecret: string | null) => void;
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const toast = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  // the form may mount after the dialog (edit: once the channel has loaded): start on its first field
  useEffect(() => formRef.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus(), []);
  const [v, setV] = useState<EmailChannelValues>(() => valuesFrom(existing));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const set = (patch: Partial<EmailChannelValues>) => setV((old) => ({ ...old, ...patch }));
  const setImap = (patch: Partial<EmailChannelValues["imap"]>) => setV((old) => ({ ...old, imap: { ...old.imap, ...patch } }));
  const setSmtp = (patch: Partial<EmailChannelValues["smtp"]>) => setV((old) => ({ ...old, smtp: { ...old.smtp, ...patch } }));

  const onSuccess = (r: { channel: EmailChannelDetail; webhookSecret: string | null }) => {
    void qc.invalidateQueries({ queryKey: trpc.channels.pathKey() });
    toast.show({ tone: "success", message: existing ? `Saved “${r.channel.name}”` : `Added “${r.channel.name}”` });
    onSaved(r.channel.name, r.webhookSecret);
  };
  const onError = (err: unknown) => {
    const e = serverErrors(err);
    setErrors(e.fields);
    setFormError(e.form);
    if (e.form && Object.keys(e.fields).length === 0) toast.show({ tone: "error", message: e.form });
  };
  const create = useMutation(trpc.channels.createEmail.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.channels.updateEmail.mutationOptions({ onSuccess, onError }));
  const pending = create.isPending || update.isPending;

  const submit = (form: HTMLFormElement) => {
    const result = validate(v, existing);
    if (!result.ok) {
      setErrors(result.errors);
      setFormError("Some fields need attention.");
      // focus the first field in error, in the form's order
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    setFormError(null);
    if (existing) update.mutate({ ...result.input, id: existing.id });
    else create.mutate(result.input);
  };

  const stored = existing?.emailSettings;
  const err = (k: string) => errors[k];

  return (
    <form
      ref={formRef}
      noValidate
      className="flex min-h-0 flex-1 flex-col"
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
    >
      <div className="min-h-0 flex-1 overflow-y-auto">
        <FormSection title="Basics" description="Who customers write to, and who answers.">
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              label="Name"
              data-autofocus
              value={v.name}
              onChange={(e) => set({ name: e.target.value })}
              error={err("name")}
              placeholder="Support email"
              maxLength={80}
            />
            <TextField
              label="Address"
              type="email"
              value={v.address}
              onChange={(e) => set({ address: e.target.value })}
              error={err("address")}
              placeholder="support@yourshop.com"
              autoComplete="off"
            />
            <TextField
              label="Display name"
              value={v.displayName}
              onChange={(e) => set({ displayName: e.target.value })}
              error={err("displayName")}
              hint="The From name customers see"
              placeholder="Your Shop Support"
              maxLength={120}
            />
            <SelectField
              label="Owner team"
              value={v.ownerTeamId}
              onChange={(ownerTeamId) => set({ ownerTeamId })}
              error={err("ownerTeamId")}
              hint="New conversations land in this team's queue"
              options={[{ value: "", label: "No team" }, ...teams.map((t) => ({ value: t.id, label: t.name }))]}
            />
          </div>
          <TextAreaField
            label="Signature"
            rows={3}
            value={v.signature}
            onChange={(e) => set({ signature: e.target.value })}
            error={err("signature")}
            hint={`Added below every reply · ${v.signature.length.toLocaleString()} / ${MAX_SIGNATURE_LENGTH.toLocaleString()}`}
          />
        </FormSection>

        <FormSection title="Receiving" description="One or more ways for mail to arrive.">
          <Toggle
            label="Built-in SMTP listener"
            checked={v.smtpListener}
            onChange={(smtpListener) => set({ smtpListener })}
            description={
              smtpListenPort
                ? `Point your MX record, or forward mail, to this server on port ${smtpListenPort}.`
                : "Point your MX record, or forward mail, to this server on port $SMTP_LISTEN_PORT (the listener is off until that is set)."
            }
          />
          <Toggle
            label="Poll an IMAP mailbox"
            checked={v.imapOn}
            onChange={(imapOn) => set({ imapOn })}
            description="Read an existing mailbox; new mail is fetched as it arrives."
          />
          {v.imapOn && (
            <ImapFields v={v.imap} set={setImap} err={(k) => err(`inbound.imap.${k}`)} hasPassword={!!stored?.imap?.hasPassword} />
          )}
          <Toggle
            label="Inbound webhook"
            checked={v.webhook}
            onChange={(webhook) => set({ webhook })}
            description="Your email provider (Postmark, Mailgun, SendGrid) posts each message to a URL."
          />
          {v.webhook && (
            <div className="ml-12">
              <WebhookBox
                channelId={existing?.id ?? null}
                path={stored?.webhook.enabled ? stored.webhook.path : null}
                hasSecret={!!stored?.webhook.hasSecret}
              />
            </div>
          )}
        </FormSection>

        <FormSection title="Sending" description="Replies go out through your SMTP server.">
          <Toggle
            label="Send replies by SMTP"
            checked={v.smtpOn}
            onChange={(smtpOn) => set({ smtpOn })}
            description={v.smtpOn ? undefined : "Without it, replies on this channel wait in the queue."}
          />
          {v.smtpOn && <SmtpFields v={v.smtp} set={setSmtp} err={(k) => err(`smtp.${k}`)} hasPassword={!!stored?.smtp?.hasPassword} />}
        </FormSection>

        <FormSection title="Reopen window" description="What happens when a customer replies to a resolved conversation.">
          <TextField
            className="max-w-[12rem]"
            label="Reopen within (days)"
            inputMode="numeric"
            value={v.reopenWindowDays}
            onChange={(e) => set({ reopenWindowDays: e.target.value })}
            error={err("reopenWindowDays")}
            hint="1–90. Later replies start a new, linked conversation."
          />
        </FormSection>
      </div>
      <div className="flex items-center gap-3 border-t border-slate-200 bg-slate-50 px-5 py-3">
        {formError && (
          <p role="alert" className="flex min-w-0 items-center gap-1.5 text-sm text-red-700">
            <AlertIcon className="h-4 w-4 shrink-0" />
            <span className="truncate">{formError}</span>
          </p>
        )}
        <div className="ml-auto flex gap-2">
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : existing ? "Save changes" : "Add channel"}
          </Button>
        </div>
      </div>
    </form>
  );
}
