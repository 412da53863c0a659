import { z } from "zod";
import type { Db } from "../../db/client";
import { startImapPoller, type ImapPoller } from "./imap-poller";
import { smtpListenerOptionsFromEnv, startSmtpListener, type SmtpListener } from "./smtp-listener";

const ZImapEnv = z.object({
  IMAP_POLLING: z.enum(["on", "off"]).default("on"),
  IMAP_POLL_SECONDS: z.coerce.number().int().min(5).default(30),
});

/**
 * The long-running inbound email transports of the worker (in-process in embedded mode): the SMTP listener when
 * SMTP_LISTEN_PORT is set, and the IMAP poller for every EMAIL channel with IMAP settings (IMAP_POLLING=off disables).
 */
export async function startEmailInbound(
  db: Db,
  source: Record<string, string | undefined> = process.env,
): Promise<{ stop(): Promise<void> }> {
  const parsed = ZImapEnv.safeParse({
    IMAP_POLLING: source.IMAP_POLLING || undefined,
    IMAP_POLL_SECONDS: source.IMAP_POLL_SECONDS || undefined,
  });
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const smtpOptions = smtpListenerOptionsFromEnv(source);
  const smtp: SmtpListener | null = smtpOptions ? await startSmtpListener(db, smtpOptions) : null;
  const imap: ImapPoller | null =
    parsed.data.IMAP_POLLING === "on" ? startImapPoller(db, { pollMs: parsed.data.IMAP_POLL_SECONDS * 1000 }) : null;
  return {
    async stop() {
      await Promise.all([smtp?.close(), imap?.stop()]);
    },
  };
}
