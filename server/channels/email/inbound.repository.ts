import { z } from "zod";
import type { Db } from "../../db/client";

/**
 * Queries of the inbound email transports. The IMAP poller's durable state lives in the channel's `settings.imapSync`
 * (non-secret, shown by the settings UI): it is always merged with one atomic jsonb update, never read-modify-written,
 * so it cannot clobber the rest of the settings (display name, signature…) nor be clobbered by them.
 */
export type ImapSyncState = {
  /** UIDVALIDITY of the mailbox the UIDs below belong to (a bigint, as a string) */
  uidValidity?: string | null;
  /** highest UID fully ingested: everything at or below it is stored */
  lastUid?: number;
  lastPolledAt?: string | null;
  /** the last connection/sync error, cleared by the next successful poll */
  error?: string | null;
  errorAt?: string | null;
  /** UIDs given up on after repeated ingest failures (most recent last, capped) */
  skippedUids?: number[];
  /** which worker process polls this mailbox (one at a time across N workers), until when */
  lease?: { owner: string; until: string } | null;
};

const ZImapSyncState = z.object({
  uidValidity: z.string().nullish(),
  lastUid: z.number().int().nonnegative().optional(),
  lastPolledAt: z.string().nullish(),
  error: z.string().nullish(),
  errorAt: z.string().nullish(),
  skippedUids: z.array(z.number().int()).optional(),
  lease: z.object({ owner: z.string(), until: z.string() }).nullish(),
}) satisfies z.ZodType<ImapSyncState>;

/**
 * The active EMAIL channel that receives mail for this exact address (case-insensitive) through the built-in SMTP
 * listener; the oldest claim wins.
 */
export async function findEmailChannelIdByAddress(db: Db, address: string): Promise<string | null> {
  // lower() = lower(), not ILIKE: `%` and `_` are legal in a local part and must not act as wildcards
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Channel"
    WHERE kind = 'EMAIL' AND active AND lower(address) = lower(${address.trim()})
      -- Settings → Receiving can turn the built-in listener off for a channel (unset = on)
      AND coalesce(settings #>> '{inbound,smtpListener}', 'true') <> 'false'
    ORDER BY "createdAt" ASC, id ASC
    LIMIT 1`;
  return rows[0]?.id ?? null;
}

/** Active EMAIL channels with an encrypted config (the poller decides which of them have IMAP settings). */
export async function listEmailChannelConfigs(db: Db, onlyIds?: string[]): Promise<{ id: string; configEncrypted: string }[]> {
  const rows = await db.channel.findMany({
    where: { kind: "EMAIL", active: true, configEncrypted: { not: null }, ...(onlyIds ? { id: { in: onlyIds } } : {}) },
    select: { id: true, configEncrypted: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.flatMap((r) => (r.configEncrypted ? [{ id: r.id, configEncrypted: r.configEncrypted }] : []));
}

export async function readImapSync(db: Db, channelId: string): Promise<ImapSyncState> {
  const row = await db.channel.findUnique({ where: { id: channelId }, select: { settings: true } });
  const settings = row?.settings;
  const state = settings && typeof settings === "object" && !Array.isArray(settings) ? settings.imapSync : undefined;
  const parsed = ZImapSyncState.safeParse(state);
  return parsed.success ? parsed.data : {};
}

export async function mergeImapSync(db: Db, channelId: string, patch: ImapSyncState): Promise<void> {
  await db.$executeRaw`
    UPDATE "Channel"
    SET settings = jsonb_set(
      CASE WHEN jsonb_typeof(settings) = 'object' THEN settings ELSE '{}'::jsonb END,
      '{imapSync}',
      CASE WHEN jsonb_typeof(settings -> 'imapSync') = 'object' THEN settings -> 'imapSync' ELSE '{}'::jsonb END
        || ${JSON.stringify(patch)}::jsonb
    )
    WHERE id = ${channelId}::uuid`;
}

/** Takes (or renews) the polling lease when it is free, expired or already ours; false when another worker holds it. */
export async function acquireImapLease(db: Db, channelId: string, owner: string, ttlMs: number): Promise<boolean> {
  const until = new Date(Date.now() + ttlMs).toISOString();
  const lease = JSON.stringify({ lease: { owner, until } });
  const updated = await db.$executeRaw`
    UPDATE "Channel"
    SET settings = jsonb_set(
      CASE WHEN jsonb_typeof(settings) = 'object' THEN settings ELSE '{}'::jsonb END,
      '{imapSync}',
      CASE WHEN jsonb_typeof(settings -> 'imapSync') = 'object' THEN settings -> 'imapSync' ELSE '{}'::jsonb END || ${lease}::jsonb
    )
    WHERE id = ${channelId}::uuid
      AND (
        jsonb_typeof(settings #> '{imapSync,lease}') IS DISTINCT FROM 'object'
        OR settings #>> '{imapSync,lease,owner}' = ${owner}
        OR (settings #>> '{imapSync,lease,until}')::timestamptz < now()
      )`;
  return updated > 0;
}

export async function releaseImapLease(db: Db, channelId: string, owner: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "Channel"
    SET settings = jsonb_set(settings, '{imapSync,lease}', 'null'::jsonb)
    WHERE id = ${channelId}::uuid AND settings #>> '{imapSync,lease,owner}' = ${owner}`;
}
