import { randomUUID } from "node:crypto";
import os from "node:os";
import { ImapFlow } from "imapflow";
import { z } from "zod";
import type { Db } from "../../db/client";
import { openJson } from "../../lib/crypto";
import { ingestRaw, type DeliverRaw } from "./inbound-delivery";
import { acquireImapLease, listEmailChannelConfigs, mergeImapSync, readImapSync, releaseImapLease } from "./inbound.repository";

/**
 * IMAP polling of existing mailboxes: one long-lived connection per channel, all concurrently. IDLE where the server
 * has it (new mail wakes us at once), else a poll every `pollMs`. Durable UID tracking in `settings.imapSync`
 * ({uidValidity, lastUid}): a message is ingested first and only then is lastUid advanced, so a crash re-fetches at
 * most the message in flight (ingest dedupes it by Message-ID) and never skips one. A new UIDVALIDITY means the
 * old UIDs are meaningless: we start again from UID 1 and let the Message-ID dedupe absorb what we already have.
 */
export const ZImapConfig = z.object({
  host: z.string().min(1),
  port: z.coerce.number().int().min(1).max(65535),
  secure: z.boolean(),
  user: z.string().min(1),
  password: z.string(),
  mailbox: z.string().min(1).default("INBOX"),
});
export type ImapConfig = z.infer<typeof ZImapConfig>;

export type ImapPollerOptions = {
  /** where fetched messages go; defaults to parseMime + ingestEmail (source "imap") */
  deliver?: DeliverRaw;
  /** how often the channel list is re-read (new, changed, removed channels) */
  refreshMs?: number;
  /** poll interval for servers without IDLE */
  pollMs?: number;
  /** with IDLE: a safety re-check this often even without a notification */
  idleRecheckMs?: number;
  backoffMinMs?: number;
  backoffMaxMs?: number;
  /** the polling lease (one worker process per mailbox); renewed every third of it */
  leaseMs?: number;
  /** ingest failures of one message before it is skipped (recorded in imapSync.skippedUids) */
  maxMessageAttempts?: number;
  /** restrict to these channels (tests share a database) */
  channelIds?: string[];
  log?: (msg: string) => void;
};

export type ImapPoller = {
  /** re-reads the channel list now (also runs every refreshMs) */
  refresh(): Promise<void>;
  stop(): Promise<void>;
};

type Ctx = Required<Omit<ImapPollerOptions, "channelIds">> & { db: Db; owner: string };

const BATCH = 25;
const message = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

export function startImapPoller(db: Db, opts: ImapPollerOptions = {}): ImapPoller {
  const ctx: Ctx = {
    db,
    owner: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    deliver: opts.deliver ?? ingestRaw(db, "imap"),
    refreshMs: opts.refreshMs ?? 60_000,
    pollMs: opts.pollMs ?? 30_000,
    idleRecheckMs: opts.idleRecheckMs ?? 5 * 60_000,
    backoffMinMs: opts.backoffMinMs ?? 1_000,
    backoffMaxMs: opts.backoffMaxMs ?? 5 * 60_000,
    leaseMs: opts.leaseMs ?? 90_000,
    maxMessageAttempts: opts.maxMessageAttempts ?? 5,
    log: opts.log ?? ((msg: string) => console.log(`[imap] ${msg}`)),
  };
  const workers = new Map<string, MailboxWorker>();
  const badConfigs = new Set<string>();
  let stopped = false;
  let refreshing: Promise<void> = Promise.resolve();

  const doRefresh = async () => {
    const wanted = new Map<string, { fingerprint: string; config: ImapConfig }>();
    for (const row of await listEmailChannelConfigs(db, opts.channelIds)) {
      let imap: unknown;
      try {
        imap = openJson<{ imap?: unknown }>(row.configEncrypted).imap;
      } catch (err) {
        if (!badConfigs.has(row.configEncrypted)) ctx.log(`channel ${row.id}: cannot decrypt its config (${message(err)})`);
        badConfigs.add(row.configEncrypted);
        continue;
      }
      if (imap == null) continue;
      const parsed = ZImapConfig.safeParse(imap);
      if (!parsed.success) {
        if (!badConfigs.has(row.configEncrypted)) {
          const why = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
          await mergeImapSync(db, row.id, { error: `Invalid IMAP settings: ${why}`, errorAt: new Date().toISOString() });
        }
        badConfigs.add(row.configEncrypted);
        continue;
      }
      wanted.set(row.id, { fingerprint: row.configEncrypted, config: parsed.data });
    }
    const stopping: Promise<void>[] = [];
    for (const [id, worker] of workers) {
      if (wanted.get(id)?.fingerprint === worker.fingerprint) continue;
      workers.delete(id);
      stopping.push(worker.stop());
    }
    await Promise.all(stopping);
    if (stopped) return;
    for (const [id, { fingerprint, config }] of wanted) {
      if (workers.has(id)) continue;
      const worker = new MailboxWorker(ctx, id, fingerprint, config);
      workers.set(id, worker);
      worker.start();
    }
  };

  const refresh = () => {
    refreshing = refreshing.then(doRefresh).catch((err: unknown) => ctx.log(`channel refresh failed: ${message(err)}`));
    return refreshing;
  };
  void refresh();
  const timer = setInterval(() => void refresh(), ctx.refreshMs);
  timer.unref();

  return {
    refresh,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await refreshing;
      await Promise.all([...workers.values()].map((w) => w.stop()));
      workers.clear();
    },
  };
}

/** One mailbox: connect → sync → wait (IDLE or poll) → sync …, reconnecting with backoff after errors. */
class MailboxWorker {
  private stopped = false;
  private done: Promise<void> = Promise.resolve();
  private client: ImapFlow | null = null;
  private wakeUp: (() => void) | null = null;
  /** a wake-up (new mail) that arrived while we were not sleeping: the next sleep returns at once */
  private pending = false;
  private failures = new Map<number, number>();

  constructor(
    private readonly ctx: Ctx,
    readonly channelId: string,
    readonly fingerprint: string,
    private readonly config: ImapConfig,
  ) {}

  start() {
    this.done = this.run();
  }

  async stop() {
    this.stopped = true;
    this.wake();
    this.client?.close();
    await this.done;
  }

  private wake() {
    const w = this.wakeUp;
    this.wakeUp = null;
    if (w) w();
    else this.pending = true;
  }

  private sleep(ms: number) {
    return new Promise<void>((resolve) => {
      if (this.pending || this.stopped) {
        this.pending = false;
        return resolve();
      }
      const t = setTimeout(() => this.wake(), ms);
      this.wakeUp = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  private async run() {
    const { db, owner, log } = this.ctx;
    let attempt = 0;
    const renew = setInterval(() => {
      acquireImapLease(db, this.channelId, owner, this.ctx.leaseMs).then(
        (ok) => {
          if (!ok && !this.stopped) {
            log(`channel ${this.channelId}: lost the polling lease, reconnecting`);
            this.client?.close();
          }
        },
        (err: unknown) => log(`channel ${this.channelId}: lease renewal failed (${message(err)})`),
      );
    }, this.ctx.leaseMs / 3);
    renew.unref();
    try {
      while (!this.stopped) {
        try {
          if (!(await acquireImapLease(db, this.channelId, owner, this.ctx.leaseMs))) {
            await this.sleep(this.ctx.leaseMs / 3); // another worker polls this mailbox; take over if it dies
            continue;
          }
          await this.session(() => (attempt = 0));
        } catch (err) {
          if (this.stopped) break;
          attempt += 1;
          const delay = Math.min(this.ctx.backoffMaxMs, this.ctx.backoffMinMs * 2 ** (attempt - 1)) * (0.75 + Math.random() / 2);
          log(`channel ${this.channelId}: ${message(err)}; retrying in ${Math.round(delay / 1000)} s`);
          await mergeImapSync(db, this.channelId, { error: message(err), errorAt: new Date().toISOString() }).catch(() => {});
          this.pending = false;
          await this.sleep(delay);
        }
      }
    } finally {
      clearInterval(renew);
      await releaseImapLease(db, this.channelId, owner).catch(() => {});
    }
  }

  private async session(onHealthy: () => void) {
    const { host, port, secure, user, password, mailbox } = this.config;
    const client = new ImapFlow({
      host,
      port,
      secure,
      auth: { user, pass: password },
      logger: false,
      // IDLE one second after the last command (imapflow's default waits 15 s)
      autoIdleDelay: 1_000,
      connectionTimeout: 30_000,
      greetingTimeout: 15_000,
    });
    this.client = client;
    client.on("exists", () => this.wake());
    client.on("close", () => this.wake());
    client.on("error", () => this.wake()); // the connection closes after it; the loop below notices
    try {
      await client.connect();
      while (!this.stopped) {
        if (!client.usable) throw new Error("IMAP connection closed");
        // the lock only around a sync: imapflow enters IDLE on its own once no lock is held
        const lock = await client.getMailboxLock(mailbox);
        try {
          await this.sync(client);
        } finally {
          lock.release();
        }
        onHealthy();
        await this.sleep(client.capabilities.has("IDLE") ? this.ctx.idleRecheckMs : this.ctx.pollMs);
      }
      await client.logout().catch(() => {});
    } finally {
      // a dead connection's late close/error must not cut the backoff short (an 'error' listener stays: unhandled crashes)
      client.removeAllListeners();
      client.on("error", () => {});
      client.close();
      this.client = null;
    }
  }

  /** Everything above the stored UID, in UID order, each ingested before the stored UID moves past it. */
  private async sync(client: ImapFlow) {
    const { db, log } = this.ctx;
    this.pending = false;
    const box = client.mailbox;
    if (!box) throw new Error("mailbox is not selected");
    const uidValidity = box.uidValidity.toString();
    const state = await readImapSync(db, this.channelId);
    let lastUid = state.uidValidity === uidValidity ? (state.lastUid ?? 0) : 0;
    if (state.uidValidity !== uidValidity) {
      if (state.uidValidity) log(`channel ${this.channelId}: UIDVALIDITY changed (${state.uidValidity} → ${uidValidity}), resyncing`);
      await mergeImapSync(db, this.channelId, { uidValidity, lastUid: 0 });
    }
    let skippedNow = false;
    const found = await client.search({ uid: `${lastUid + 1}:*` }, { uid: true });
    // `n:*` always matches the highest UID, even when it is below n
    const uids = (found || []).filter((uid) => uid > lastUid).sort((a, b) => a - b);
    for (let i = 0; i < uids.length && !this.stopped; i += BATCH) {
      const batch = uids.slice(i, i + BATCH);
      const messages = await client.fetchAll(batch.join(","), { uid: true, source: true }, { uid: true });
      messages.sort((a, b) => a.uid - b.uid);
      for (const msg of messages) {
        if (this.stopped) return;
        if (!msg.source) throw new Error(`UID ${msg.uid}: the server returned no message source`);
        if (!(await this.deliver(msg.uid, msg.source, state.skippedUids ?? []))) skippedNow = true;
        lastUid = msg.uid;
        await mergeImapSync(db, this.channelId, { uidValidity, lastUid });
      }
    }
    const polled = new Date().toISOString();
    await mergeImapSync(db, this.channelId, skippedNow ? { lastPolledAt: polled } : { lastPolledAt: polled, error: null, errorAt: null });
  }

  /** A message that keeps failing is skipped after maxMessageAttempts, so one poison message cannot stall the mailbox. */
  private async deliver(uid: number, raw: Buffer, skipped: number[]): Promise<boolean> {
    try {
      await this.ctx.deliver({ channelId: this.channelId, raw });
      this.failures.delete(uid);
      return true;
    } catch (err) {
      const attempts = (this.failures.get(uid) ?? 0) + 1;
      this.failures.set(uid, attempts);
      if (attempts < this.ctx.maxMessageAttempts) throw new Error(`UID ${uid}: ingest failed (${message(err)})`, { cause: err });
      this.failures.delete(uid);
      this.ctx.log(`channel ${this.channelId}: giving up on UID ${uid} after ${attempts} attempts: ${message(err)}`);
      await mergeImapSync(this.ctx.db, this.channelId, {
        skippedUids: [...skipped, uid].slice(-50),
        error: `Skipped message UID ${uid} after ${attempts} failed attempts: ${message(err)}`,
        errorAt: new Date().toISOString(),
      });
      return false;
    }
  }
}
