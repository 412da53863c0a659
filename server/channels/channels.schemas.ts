import { z } from "zod";

export const MAX_SIGNATURE_LENGTH = 2000;
export const DEFAULT_REOPEN_WINDOW_DAYS = 7;

const ZHost = z
  .string()
  .trim()
  .min(1, "Enter the server's host name")
  .max(253, "Host names are at most 253 characters")
  .regex(/^[A-Za-z0-9.\-:[\]]+$/, "Enter a host name like mail.example.com (no scheme, no spaces)");
const ZPort = z
  .number({ error: "Enter a port number" })
  .int("Enter a port number")
  .min(1, "Ports run from 1 to 65535")
  .max(65535, "Ports run from 1 to 65535");
/** On update an empty password keeps the stored one; on create a password is required where a user is given. */
const ZPassword = z.string().max(1000, "Passwords are at most 1,000 characters").default("");

export const ZImapInput = z.object({
  host: ZHost,
  port: ZPort.default(993),
  /** implicit TLS (993); false = plain connection upgraded with STARTTLS when offered */
  secure: z.boolean().default(true),
  user: z.string().trim().min(1, "Enter the mailbox user name").max(320),
  password: ZPassword,
  mailbox: z.string().trim().min(1, "Enter the folder to read (usually INBOX)").max(200).default("INBOX"),
});

export const ZSmtpInput = z.object({
  host: ZHost,
  port: ZPort.default(587),
  /** implicit TLS (465); false = STARTTLS (587/25) */
  secure: z.boolean().default(false),
  /** empty = the server needs no authentication */
  user: z.string().trim().max(320).default(""),
  password: ZPassword,
  /** refuse to send unless the connection is upgraded with STARTTLS */
  requireTLS: z.boolean().default(true),
});

const ZEmailChannelFields = z.object({
  name: z.string().trim().min(1, "Give the channel a name").max(80, "Names are at most 80 characters"),
  address: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter a valid email address").max(254, "Addresses are at most 254 characters"))
    // reply+<token>@ addresses are derived from the support address: a "+" of its own would be read as a token
    .refine((a) => !a.slice(0, a.lastIndexOf("@")).includes("+"), "Use the plain address, without a +tag"),
  /** the From name on outbound mail; empty = the workspace name */
  displayName: z.string().trim().max(120, "Display names are at most 120 characters").default(""),
  signature: z
    .string()
    .max(MAX_SIGNATURE_LENGTH, `Signatures are at most ${MAX_SIGNATURE_LENGTH.toLocaleString("en-US")} characters`)
    .default(""),
  ownerTeamId: z.uuid("Pick a team").nullable().default(null),
  /** a reply to a resolved conversation reopens it within this many days; later ones start a new, linked one */
  reopenWindowDays: z
    .number({ error: "Enter a number of days" })
    .int("Enter whole days")
    .min(1, "Between 1 and 90 days")
    .max(90, "Between 1 and 90 days")
    .default(DEFAULT_REOPEN_WINDOW_DAYS),
  inbound: z.object({
    /** the built-in SMTP listener accepts mail for this address (MX or forwarding) */
    smtpListener: z.boolean().default(false),
    /** poll this mailbox; null = no IMAP */
    imap: ZImapInput.nullable().default(null),
    /** accept POST /api/webhooks/email/<channelId> (authenticated with the channel's webhook secret) */
    webhook: z.boolean().default(false),
  }),
  /** outbound SMTP; null = replies cannot be sent yet */
  smtp: ZSmtpInput.nullable().default(null),
});

const needsPassword = (user: string, password: string) => user.length > 0 && password.length === 0;

export const ZCreateEmailChannelInput = ZEmailChannelFields.superRefine((v, ctx) => {
  if (v.inbound.imap && needsPassword(v.inbound.imap.user, v.inbound.imap.password)) {
    ctx.addIssue({ code: "custom", path: ["inbound", "imap", "password"], message: "Enter the mailbox password" });
  }
  if (v.smtp && needsPassword(v.smtp.user, v.smtp.password)) {
    ctx.addIssue({ code: "custom", path: ["smtp", "password"], message: "Enter the SMTP password" });
  }
});

/** The whole form again; an empty password keeps the stored one. */
export const ZUpdateEmailChannelInput = ZEmailChannelFields.extend({ id: z.uuid() });

export const ZChannelIdInput = z.object({ id: z.uuid() });
export const ZSetChannelActiveInput = z.object({ id: z.uuid(), active: z.boolean() });

export type CreateEmailChannelInput = z.output<typeof ZCreateEmailChannelInput>;
export type UpdateEmailChannelInput = z.output<typeof ZUpdateEmailChannelInput>;
export type EmailChannelFormInput = z.input<typeof ZCreateEmailChannelInput>;

/** What `Channel.configEncrypted` holds for an email channel (sealed with sealJson): secrets and connection details. */
export const ZEmailChannelConfig = z.object({
  smtp: z
    .object({
      host: z.string(),
      port: z.number(),
      secure: z.boolean(),
      user: z.string(),
      password: z.string(),
      requireTLS: z.boolean(),
    })
    .optional(),
  imap: z
    .object({
      host: z.string(),
      port: z.number(),
      secure: z.boolean(),
      user: z.string(),
      password: z.string(),
      mailbox: z.string(),
    })
    .optional(),
  webhook: z.object({ secret: z.string() }).optional(),
});
export type EmailChannelConfig = z.output<typeof ZEmailChannelConfig>;

/**
 * What `Channel.settings` holds for an email channel (plain JSON, no secrets). The IMAP poller writes
 * `imapSync` (error, lastPolledAt, UID state); keys written by other parts are kept on update.
 */
export const ZEmailChannelSettings = z.looseObject({
  displayName: z.string().catch(""),
  signature: z.string().catch(""),
  reopenWindowDays: z.number().int().min(1).max(90).catch(DEFAULT_REOPEN_WINDOW_DAYS),
  inbound: z
    .object({ smtpListener: z.boolean().catch(false), imap: z.boolean().catch(false), webhook: z.boolean().catch(false) })
    // channels from before these settings existed: the listener accepts mail for every active address
    .catch({ smtpListener: true, imap: false, webhook: false }),
  imapError: z.string().nullable().catch(null),
  lastPolledAt: z.string().nullable().catch(null),
  /** the IMAP poller's own state (merged atomically by it): its last error and poll time win over the keys above */
  imapSync: z
    .looseObject({ error: z.string().nullable().catch(null), lastPolledAt: z.string().nullable().catch(null) })
    .optional()
    .catch(undefined),
});
export type EmailChannelSettings = z.output<typeof ZEmailChannelSettings>;
