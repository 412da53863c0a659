import { createHash } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import { SendError } from "../types";

export type SmtpConfig = {
  host: string;
  port: number;
  /** implicit TLS (port 465); otherwise STARTTLS when the server offers it */
  secure: boolean;
  user?: string;
  password?: string;
  /** refuse to send unless STARTTLS succeeds */
  requireTLS?: boolean;
};

type Entry = { hash: string; transport: Transporter<SMTPPool.SentMessageInfo> };

/** One pooled transport per channel, rebuilt when its settings change (kept across HMR like the registry). */
const g = globalThis as unknown as { __switchboardSmtp?: Map<string, Entry> };
const pools = (): Map<string, Entry> => (g.__switchboardSmtp ??= new Map<string, Entry>());

const hashOf = (smtp: SmtpConfig, name: string) =>
  createHash("sha256")
    .update(JSON.stringify([smtp, name]))
    .digest("hex");

/** The channel's pooled transport; `name` is the EHLO host name (the support address's domain). */
export function transportFor(channelId: string, smtp: SmtpConfig, name: string): Transporter<SMTPPool.SentMessageInfo> {
  const hash = hashOf(smtp, name);
  const existing = pools().get(channelId);
  if (existing?.hash === hash) return existing.transport;
  existing?.transport.close();
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 3,
    maxMessages: 100,
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTLS ?? false,
    name,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? "" } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  // an idle pooled connection that drops emits "error"; the next send reconnects, so this must not crash the worker
  transport.on("error", () => undefined);
  pools().set(channelId, { hash, transport });
  return transport;
}

/** Closes every pooled connection (worker shutdown, tests). */
export function closeSmtpTransports(): void {
  for (const { transport } of pools().values()) transport.close();
  pools().clear();
}

/**
 * SMTP reply codes decide retry vs give up: 5xx is the server's final "no" (bad recipient, policy, auth), so the
 * message fails at once with the server's own words; 4xx, refused/dropped connections and timeouts are retried.
 */
export function toSendError(err: unknown): SendError {
  if (err instanceof SendError) return err;
  const e = (err ?? {}) as { responseCode?: unknown; response?: unknown; code?: unknown; message?: unknown };
  const code = typeof e.responseCode === "number" ? e.responseCode : null;
  const reply = typeof e.response === "string" && e.response.trim() ? e.response.trim() : null;
  const message = typeof e.message === "string" ? e.message : String(err);
  if (code !== null && code >= 500 && code < 600) return new SendError(reply ?? message, true);
  const what = code !== null ? (reply ?? message) : typeof e.code === "string" ? `${e.code}: ${message}` : message;
  return new SendError(`Temporary SMTP failure: ${what}`, false);
}
