import fs from "node:fs";
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerOptions } from "smtp-server";
import { z } from "zod";
import type { Db } from "../../db/client";
import { safeEqual } from "../../lib/crypto";
import { ingestRaw, type DeliverRaw } from "./inbound-delivery";
import { findEmailChannelIdByAddress } from "./inbound.repository";
import { baseAddress } from "./message-id";

/**
 * The built-in SMTP listener: the MX (or a forwarder) delivers straight to us. Only the addresses of active EMAIL
 * channels (and their `local+anything@` variants) are accepted, at RCPT time; everything else is refused there, so we
 * never accept mail we would have to bounce. A failure inside the pipeline answers 451: the sending MTA keeps the
 * message and retries, and ingest is idempotent by Message-ID, so a retry after a partial success stores nothing twice.
 */
export type SmtpListenerOptions = {
  port: number;
  host?: string;
  /** the SIZE limit; larger messages are refused with 552 */
  maxBytes?: number;
  /** STARTTLS; without it the STARTTLS command is not offered */
  tls?: { key: Buffer; cert: Buffer };
  /** required AUTH (PLAIN/LOGIN) for every session, e.g. when a forwarder relays to us over the internet */
  auth?: { user: string; password: string };
  /** how long a recipient lookup is cached (ms) */
  recipientCacheMs?: number;
  /** where accepted messages go; defaults to parseMime + ingestEmail (source "smtp") */
  deliver?: DeliverRaw;
  log?: (msg: string) => void;
  /** while the port is in use by another process, how often to try to take it over (ms) */
  bindRetryMs?: number;
};

/**
 * `listening` is false while another process holds the port (this one retries, see startSmtpListener); `port` is the
 * bound port (the configured one until bound).
 */
export type SmtpListener = { readonly host: string; readonly port: number; readonly listening: boolean; close(): Promise<void> };

const DEFAULT_MAX_BYTES = 30 * 1024 * 1024;
const DEFAULT_BIND_RETRY_MS = 5_000;
const CACHE_LIMIT = 10_000;

const ZSmtpEnv = z.object({
  SMTP_LISTEN_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SMTP_LISTEN_HOST: z.string().min(1).default("0.0.0.0"),
  SMTP_MAX_BYTES: z.coerce.number().int().positive().default(DEFAULT_MAX_BYTES),
  SMTP_TLS_KEY: z.string().min(1).optional(),
  SMTP_TLS_CERT: z.string().min(1).optional(),
  SMTP_AUTH_USER: z.string().min(1).optional(),
  SMTP_AUTH_PASSWORD: z.string().min(1).optional(),
});

/** The listener's settings from the environment; null when SMTP_LISTEN_PORT is unset (listener off). */
export function smtpListenerOptionsFromEnv(source: Record<string, string | undefined> = process.env): SmtpListenerOptions | null {
  const blankless = Object.fromEntries(Object.entries(source).filter(([k, v]) => k.startsWith("SMTP_") && v !== ""));
  const parsed = ZSmtpEnv.safeParse(blankless);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const e = parsed.data;
  if (e.SMTP_LISTEN_PORT === undefined) return null;
  if (!e.SMTP_TLS_KEY !== !e.SMTP_TLS_CERT) throw new Error("Invalid environment: set both SMTP_TLS_KEY and SMTP_TLS_CERT (or neither)");
  if (!e.SMTP_AUTH_USER !== !e.SMTP_AUTH_PASSWORD) {
    throw new Error("Invalid environment: set both SMTP_AUTH_USER and SMTP_AUTH_PASSWORD (or neither)");
  }
  return {
    port: e.SMTP_LISTEN_PORT,
    host: e.SMTP_LISTEN_HOST,
    maxBytes: e.SMTP_MAX_BYTES,
    ...(e.SMTP_TLS_KEY && e.SMTP_TLS_CERT ? { tls: { key: fs.readFileSync(e.SMTP_TLS_KEY), cert: fs.readFileSync(e.SMTP_TLS_CERT) } } : {}),
    ...(e.SMTP_AUTH_USER && e.SMTP_AUTH_PASSWORD ? { auth: { user: e.SMTP_AUTH_USER, password: e.SMTP_AUTH_PASSWORD } } : {}),
  };
}

/** Recipient address → the active EMAIL channel that receives it (null: refuse), cached briefly. */
export function channelResolver(db: Db, ttlMs: number) {
  const cache = new Map<string, { channelId: string | null; until: number }>();
  const lookup = async (address: string): Promise<string | null> => {
    // the exact address first (a channel may itself be `support+acme@…`), then the `local@domain` it is a variant of;
    // two workspaces claiming one address: the oldest claim keeps it (one message never lands in both)
    for (const candidate of new Set([address.trim().toLowerCase(), baseAddress(address)])) {
      const channelId = await findEmailChannelIdByAddress(db, candidate);
      if (channelId) return channelId;
    }
    return null;
  };
  return async (address: string): Promise<string | null> => {
    const key = address.trim().toLowerCase();
    const hit = cache.get(key);
    if (hit && hit.until > Date.now()) return hit.channelId;
    const channelId = await lookup(key);
    if (cache.size >= CACHE_LIMIT) cache.clear(); // random-recipient floods must not grow memory
    cache.set(key, { channelId, until: Date.now() + ttlMs });
    return channelId;
  };
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

async function readAll(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total <= maxBytes) chunks.push(chunk); // keep draining past the limit so the client gets its 552
  }
  return stream.sizeExceeded || total > maxBytes ? null : Buffer.concat(chunks);
}

export async function startSmtpListener(db: Db, opts: SmtpListenerOptions): Promise<SmtpListener> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const deliver = opts.deliver ?? ingestRaw(db, "smtp");
  const log = opts.log ?? ((msg: string) => console.log(`[smtp] ${msg}`));
  const resolve = channelResolver(db, opts.recipientCacheMs ?? 15_000);
  const auth = opts.auth;

  const options: SMTPServerOptions = {
    banner: "Switchboard",
    closeTimeout: 10_000,
    size: maxBytes,
    logger: false,
    // the greeting would wait (up to 1.5 s) for a reverse DNS lookup of every connecting MTA; nothing here uses the name
    disableReverseLookup: true,
    disabledCommands: [...(opts.tls ? [] : ["STARTTLS"]), ...(auth ? [] : ["AUTH"])],
    authOptional: !auth,
    // AUTH over plaintext only when no TLS is configured at all (e.g. a forwarder on a private network)
    allowInsecureAuth: !!auth && !opts.tls,
    ...(opts.tls ? { key: opts.tls.key, cert: opts.tls.cert } : {}),
    onAuth(login, _session, callback) {
      const ok = !!auth && safeEqual(login.username ?? "", auth.user) && safeEqual(login.password ?? "", auth.password);
      if (ok) callback(null, { user: login.username });
      else callback(smtpError(535, "Authentication failed"));
    },
    onRcptTo(address, _session, callback) {
      resolve(address.address).then(
        (channelId) => callback(channelId ? null : smtpError(550, `No such mailbox here: ${address.address}`)),
        (err: unknown) => {
          log(`recipient lookup failed: ${err instanceof Error ? err.message : String(err)}`);
          callback(smtpError(451, "Temporary failure, try again later"));
        },
      );
    },
    onData(stream, session, callback) {
      void (async () => {
        const raw = await readAll(stream, maxBytes);
        if (!raw) return smtpError(552, `Message exceeds the maximum size of ${maxBytes} bytes`);
        // one delivery per distinct channel, with the envelope recipients that routed it there
        const byChannel = new Map<string, string[]>();
        for (const rcpt of session.envelope.rcptTo) {
          const channelId = await resolve(rcpt.address);
          if (channelId) byChannel.set(channelId, [...(byChannel.get(channelId) ?? []), rcpt.address]);
        }
        for (const [channelId, recipients] of byChannel) await deliver({ channelId, raw, recipients });
        return null;
      })().then(
        (err) => callback(err),
        (err: unknown) => {
          log(`ingest failed, answered 451 so the sender retries: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
          callback(smtpError(451, "Temporary failure while storing the message, try again later"));
        },
      );
    },
  };

  const server = new SMTPServer(options);
  const host = opts.host ?? "0.0.0.0";
  let bound = false;
  let closed = false;
  let port = opts.port;
  // errors of the bound server; a failed bind is handled (and logged once) below
  server.on("error", (err: Error) => {
    if (bound) log(`server error: ${err.message}`);
  });
  const bind = () =>
    new Promise<void>((resolveListen, reject) => {
      const onError = (err: Error) => {
        server.server.off("listening", onListening);
        reject(err);
      };
      const onListening = () => {
        server.server.off("error", onError);
        bound = true;
        port = (server.server.address() as AddressInfo).port;
        resolveListen();
      };
      server.server.once("error", onError);
      server.server.once("listening", onListening);
      server.listen(opts.port, host); // net.Server may listen again after a failed listen
    });
  const inUse = (err: unknown) => (err as NodeJS.ErrnoException | null)?.code === "EADDRINUSE";
  const announce = (takeover: boolean) =>
    log(
      `listening on ${host}:${port} (max ${maxBytes} bytes${opts.tls ? ", STARTTLS" : ""}${auth ? ", AUTH required" : ""})${takeover ? ": took over the port" : ""}`,
    );

  // Several worker processes on one host each start a listener on the same port: one binds, the others wait and take
  // over when it stops (a crash, a deploy). Any other bind error (EACCES, an address not on this host) fails the start.
  let retry: NodeJS.Timeout | null = null;
  let attempt: Promise<void> = Promise.resolve();
  try {
    await bind();
    announce(false);
  } catch (err) {
    if (!inUse(err)) throw err;
    log(`SMTP listener: port ${opts.port} is in use by another process on this host; this process will take over if it stops`);
    const retryMs = opts.bindRetryMs ?? DEFAULT_BIND_RETRY_MS;
    const tryAgain = () => {
      retry = null;
      if (closed) return;
      attempt = bind().then(
        () => {
          if (!closed) announce(true); // (closed meanwhile: close() closes it once this attempt settles)
        },
        (e: unknown) => {
          // still in use: keep waiting quietly; anything else is worth a line each time (and a retry)
          if (!inUse(e)) log(`SMTP listener: cannot bind ${host}:${opts.port}: ${e instanceof Error ? e.message : String(e)}`);
          if (!closed) retry = setTimeout(tryAgain, retryMs).unref();
        },
      );
    };
    retry = setTimeout(tryAgain, retryMs).unref();
  }
  return {
    host,
    get port() {
      return port;
    },
    get listening() {
      return bound && !closed;
    },
    async close() {
      if (closed) return;
      closed = true;
      if (retry) clearTimeout(retry);
      await attempt;
      if (bound) await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
