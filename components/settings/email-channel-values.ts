import { TRPCClientError } from "@trpc/client";
import {
  DEFAULT_REOPEN_WINDOW_DAYS,
  ZCreateEmailChannelInput,
  ZUpdateEmailChannelInput,
  type CreateEmailChannelInput,
} from "@/server/channels/channels.schemas";
import type { EmailChannelDetail } from "@/server/channels/channel-dto";

/** The form's values, as typed (numbers as strings until submit). Passwords start empty: empty = unchanged. */
export type EmailChannelValues = {
  name: string;
  address: string;
  displayName: string;
  signature: string;
  ownerTeamId: string;
  reopenWindowDays: string;
  smtpListener: boolean;
  webhook: boolean;
  imapOn: boolean;
  imap: { host: string; port: string; secure: boolean; user: string; password: string; mailbox: string };
  smtpOn: boolean;
  smtp: { host: string; port: string; secure: boolean; user: string; password: string; requireTLS: boolean };
};

export type FieldErrors = Record<string, string>;

export function valuesFrom(detail: EmailChannelDetail | null): EmailChannelValues {
  const s = detail?.emailSettings;
  return {
    name: detail?.name ?? "",
    address: detail?.address ?? "",
    displayName: s?.displayName ?? "",
    signature: s?.signature ?? "",
    ownerTeamId: detail?.ownerTeam?.id ?? "",
    reopenWindowDays: String(s?.reopenWindowDays ?? DEFAULT_REOPEN_WINDOW_DAYS),
    smtpListener: detail ? (detail.email?.inbound.smtpListener ?? false) : true,
    webhook: s?.webhook.enabled ?? false,
    imapOn: !!s?.imap,
    imap: {
      host: s?.imap?.host ?? "",
      port: String(s?.imap?.port ?? 993),
      secure: s?.imap?.secure ?? true,
      user: s?.imap?.user ?? "",
      password: "",
      mailbox: s?.imap?.mailbox ?? "INBOX",
    },
    smtpOn: detail ? !!s?.smtp : true,
    smtp: {
      host: s?.smtp?.host ?? "",
      port: String(s?.smtp?.port ?? 587),
      secure: s?.smtp?.secure ?? false,
      user: s?.smtp?.user ?? "",
      password: "",
      requireTLS: s?.smtp?.requireTLS ?? true,
    },
  };
}

const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

function toRaw(v: EmailChannelValues) {
  return {
    name: v.name,
    address: v.address,
    displayName: v.displayName,
    signature: v.signature,
    ownerTeamId: v.ownerTeamId || null,
    reopenWindowDays: num(v.reopenWindowDays),
    inbound: {
      smtpListener: v.smtpListener,
      webhook: v.webhook,
      imap: v.imapOn ? { ...v.imap, port: num(v.imap.port) } : null,
    },
    smtp: v.smtpOn ? { ...v.smtp, port: num(v.smtp.port) } : null,
  };
}

/**
 * Validates with the server's own schemas (same messages, full field paths). On update an empty password is
 * fine when one is stored (the server keeps it).
 */
export function validate(
  v: EmailChannelValues,
  existing: EmailChannelDetail | null,
): { ok: true; input: CreateEmailChannelInput } | { ok: false; errors: FieldErrors } {
  const raw = toRaw(v);
  const parsed = existing ? ZUpdateEmailChannelInput.safeParse({ ...raw, id: existing.id }) : ZCreateEmailChannelInput.safeParse(raw);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.join(".");
      errors[key] ??= issue.message;
    }
  }
  if (existing) {
    const stored = existing.emailSettings;
    if (v.imapOn && v.imap.user.trim() && !v.imap.password && !stored?.imap?.hasPassword) {
      errors["inbound.imap.password"] ??= "Enter the mailbox password";
    }
    if (v.smtpOn && v.smtp.user.trim() && !v.smtp.password && !stored?.smtp?.hasPassword) {
      errors["smtp.password"] ??= "Enter the SMTP password";
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: parsed.data };
}

/** A server refusal as field errors where it names a field (zod issues, the duplicate address), else a form error. */
export function serverErrors(error: unknown): { fields: FieldErrors; form: string | null } {
  if (!(error instanceof TRPCClientError)) return { fields: {}, form: "Could not save the channel. Try again." };
  const data = error.data as { code?: string; zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null } | undefined;
  const fieldErrors = data?.zodError?.fieldErrors;
  if (fieldErrors && Object.keys(fieldErrors).length > 0) {
    const fields: FieldErrors = {};
    for (const [k, msgs] of Object.entries(fieldErrors)) if (msgs?.[0]) fields[k] = msgs[0];
    return { fields, form: "Some fields need attention." };
  }
  if (data?.code === "CONFLICT") return { fields: { address: error.message }, form: null };
  if (/mailbox password/.test(error.message)) return { fields: { "inbound.imap.password": error.message }, form: null };
  if (/SMTP password/.test(error.message)) return { fields: { "smtp.password": error.message }, form: null };
  if (/team/i.test(error.message)) return { fields: { ownerTeamId: error.message }, form: null };
  return { fields: {}, form: error.message };
}
