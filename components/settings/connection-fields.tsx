"use client";

import type { EmailChannelValues } from "./email-channel-values";
import { SelectField, TextField, Toggle } from "./form-controls";

type Props<K extends "imap" | "smtp"> = {
  v: EmailChannelValues[K];
  set: (patch: Partial<EmailChannelValues[K]>) => void;
  /** errors of this block, keyed by field name */
  err: (field: string) => string | undefined;
  /** a password is stored: an empty field keeps it */
  hasPassword: boolean;
};

const passwordHint = (has: boolean) => (has ? "Leave empty to keep the current password" : "Stored encrypted");

/** The IMAP mailbox to poll. */
export function ImapFields({ v, set, err, hasPassword }: Props<"imap">) {
  return (
    <fieldset className="ml-12 grid gap-3 rounded-md border border-slate-200 bg-slate-50/60 p-3 sm:grid-cols-6">
      <legend className="sr-only">IMAP mailbox</legend>
      <TextField
        className="sm:col-span-4"
        label="IMAP host"
        value={v.host}
        onChange={(e) => set({ host: e.target.value })}
        error={err("host")}
        placeholder="imap.yourshop.com"
      />
      <TextField
        className="sm:col-span-2"
        label="IMAP port"
        inputMode="numeric"
        value={v.port}
        onChange={(e) => set({ port: e.target.value })}
        error={err("port")}
      />
      <TextField
        className="sm:col-span-3"
        label="IMAP user"
        autoComplete="off"
        value={v.user}
        onChange={(e) => set({ user: e.target.value })}
        error={err("user")}
      />
      <TextField
        className="sm:col-span-3"
        label="IMAP password"
        type="password"
        autoComplete="new-password"
        value={v.password}
        placeholder={hasPassword ? "Unchanged" : ""}
        onChange={(e) => set({ password: e.target.value })}
        error={err("password")}
        hint={passwordHint(hasPassword)}
      />
      <TextField
        className="sm:col-span-3"
        label="Folder"
        value={v.mailbox}
        onChange={(e) => set({ mailbox: e.target.value })}
        error={err("mailbox")}
      />
      <div className="flex items-end pb-1.5 sm:col-span-3">
        <Toggle label="TLS (IMAPS)" checked={v.secure} onChange={(secure) => set({ secure, port: secure ? "993" : "143" })} />
      </div>
    </fieldset>
  );
}

/** The outbound SMTP server. */
export function SmtpFields({ v, set, err, hasPassword }: Props<"smtp">) {
  return (
    <fieldset className="ml-12 grid gap-3 rounded-md border border-slate-200 bg-slate-50/60 p-3 sm:grid-cols-6">
      <legend className="sr-only">SMTP server</legend>
      <TextField
        className="sm:col-span-4"
        label="SMTP host"
        value={v.host}
        onChange={(e) => set({ host: e.target.value })}
        error={err("host")}
        placeholder="smtp.yourshop.com"
      />
      <TextField
        className="sm:col-span-2"
        label="SMTP port"
        inputMode="numeric"
        value={v.port}
        onChange={(e) => set({ port: e.target.value })}
        error={err("port")}
      />
      <SelectField
        className="sm:col-span-6"
        label="Security"
        value={v.secure ? "tls" : v.requireTLS ? "starttls" : "none"}
        onChange={(s) =>
          set({
            secure: s === "tls",
            requireTLS: s === "starttls",
            port: s === "tls" ? "465" : v.port === "465" ? "587" : v.port,
          })
        }
        options={[
          { value: "starttls", label: "STARTTLS required (port 587)" },
          { value: "tls", label: "TLS from the start (port 465)" },
          { value: "none", label: "Opportunistic STARTTLS (not recommended)" },
        ]}
      />
      <TextField
        className="sm:col-span-3"
        label="SMTP user"
        autoComplete="off"
        value={v.user}
        onChange={(e) => set({ user: e.target.value })}
        error={err("user")}
        hint="Empty if the server needs no login"
      />
      <TextField
        className="sm:col-span-3"
        label="SMTP password"
        type="password"
        autoComplete="new-password"
        value={v.password}
        placeholder={hasPassword ? "Unchanged" : ""}
        onChange={(e) => set({ password: e.target.value })}
        error={err("password")}
        hint={passwordHint(hasPassword)}
      />
    </fieldset>
  );
}
