import type { ChannelKind } from "../db/generated/enums";
import { ZEmailChannelSettings, type EmailChannelConfig, type EmailChannelSettings } from "./channels.schemas";
import type { ChannelRow } from "./channels.repository";

/** One row of the settings list. Never carries a secret (the row it is built from has no config). */
export type ChannelSummary = {
  id: string;
  kind: ChannelKind;
  name: string;
  address: string | null;
  active: boolean;
  ownerTeam: { id: string; name: string } | null;
  updatedAt: Date;
  /** email channels only */
  email: {
    inbound: EmailChannelSettings["inbound"];
    imapError: string | null;
    lastPolledAt: Date | null;
  } | null;
};

/** The email channel form's values: connection details without passwords (hasPassword says one is stored). */
export type EmailChannelDetail = ChannelSummary & {
  emailSettings: {
    displayName: string;
    signature: string;
    reopenWindowDays: number;
    imap: { host: string; port: number; secure: boolean; user: string; mailbox: string; hasPassword: boolean } | null;
    smtp: { host: string; port: number; secure: boolean; user: string; requireTLS: boolean; hasPassword: boolean } | null;
    webhook: { enabled: boolean; path: string; hasSecret: boolean };
  } | null;
};

export function emailSettingsOf(raw: unknown): EmailChannelSettings {
  return ZEmailChannelSettings.parse(raw && typeof raw === "object" ? raw : {});
}

function parseDate(s: string | null): Date | null {
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function toChannelSummary(row: ChannelRow): ChannelSummary {
  const settings = row.kind === "EMAIL" ? emailSettingsOf(row.settings) : null;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    address: row.address,
    active: row.active,
    ownerTeam: row.ownerTeam,
    updatedAt: row.updatedAt,
    email: settings
      ? {
          inbound: settings.inbound,
          imapError: (settings.imapSync ? settings.imapSync.error : settings.imapError) ?? null,
          lastPolledAt: parseDate(settings.imapSync?.lastPolledAt ?? settings.lastPolledAt),
        }
      : null,
  };
}

export function webhookPath(channelId: string): string {
  return `/api/webhooks/email/${channelId}`;
}

export function toEmailChannelDetail(row: ChannelRow, config: EmailChannelConfig): EmailChannelDetail {
  const summary = toChannelSummary(row);
  if (row.kind !== "EMAIL") return { ...summary, emailSettings: null };
  const s = emailSettingsOf(row.settings);
  const { imap, smtp, webhook } = config;
  return {
    ...summary,
    emailSettings: {
      displayName: s.displayName,
      signature: s.signature,
      reopenWindowDays: s.reopenWindowDays,
      imap: imap
        ? {
            host: imap.host,
            port: imap.port,
            secure: imap.secure,
            user: imap.user,
            mailbox: imap.mailbox,
            hasPassword: imap.password !== "",
          }
        : null,
      smtp: smtp
        ? {
            host: smtp.host,
            port: smtp.port,
            secure: smtp.secure,
            user: smtp.user,
            requireTLS: smtp.requireTLS,
            hasPassword: smtp.password !== "",
          }
        : null,
      webhook: { enabled: s.inbound.webhook, path: webhookPath(row.id), hasSecret: !!webhook?.secret },
    },
  };
}
