// email.ingest: sustained inbound email through the real transports into an EMAIL channel of a fresh workspace.
//   smtp:    the built-in SMTP listener (startSmtpListener, in this process, on a free loopback port), fed by
//            nodemailer over real SMTP on `concurrency` parallel connections (one pooled connection per worker);
//   webhook: the real route's POST (app/api/webhooks/email/[channelId]/route.ts) with raw MIME and Bearer auth,
//            `concurrency` requests in flight.
// Messages: a mix of new conversations and customer follow-ups threading by In-Reply-To/References to messages
// stored earlier in the run, multipart text + HTML (Gmail-style quoted history in replies), some with a small
// attachment, from a pool of senders (identity resolution finds or creates the customer). All MIME is built before the
// clock starts (a reply's parent is planned at least 2 × concurrency messages earlier, and a reply is only sent once its
// parent is stored); latency = one SMTP transaction (MAIL…DATA…250, the listener answers after the commit) or one POST.
// Afterwards the stored rows are checked: every message exactly once, every follow-up in its thread's conversation,
// one conversation per new thread, every inbound event PROCESSED. Any mismatch throws.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
import type Mail from "nodemailer/lib/mailer";
import type pg from "pg";
import type { Db } from "../server/db/client";
import { sealJson } from "../server/lib/crypto";
import { startSmtpListener } from "../server/channels/email/smtp-listener";
import { createChannel, createTeam, createWorkspace } from "../prisma/seed/factories";
import { buildCorpus, ORDER_TOKEN, TRACKING_TOKEN, type Corpus } from "./corpus";
import { log, nowMs, percentile, round } from "./stats";

export type EmailPath = "smtp" | "webhook";
export const EMAIL_PATHS: readonly EmailPath[] = ["smtp", "webhook"];

type RouteHandler = (req: Request, ctx: { params: Promise<{ channelId: string }> }) => Promise<Response>;

export type EmailIngestOptions = {
  db: Db;
  sql: pg.Pool;
  paths: readonly EmailPath[];
  messages: number;
  concurrency: number;
  /** untimed messages sent first on each path (JIT, pool connections, caches); they are verified too */
  warmup?: number;
};

/** Share of messages that are follow-ups to a stored message, share with an attachment. */
const REPLY_SHARE = 0.6;
const ATTACHMENT_SHARE = 0.15;
const SECRET = `bench-${randomBytes(12).toString("hex")}`;

/** Deterministic PRNG (mulberry32), so every run sends the same mix. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(xs: readonly T[], r: number): T => {
  const v = xs[Math.floor(r * xs.length) % xs.length];
  if (v === undefined) throw new Error("empty list");
  return v;
};
const escapeHtml = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
const bare = (id: string) => id.replace(/^<|>$/g, "");

type Sender = { name: string; address: string };
type Sent = {
  index: number;
  messageId: string;
  rootId: string;
  reply: boolean;
  /** index of the message this one replies to */
  parent: number | null;
  sender: Sender;
  subject: string;
  text: string;
  references: string[];
};
type Built = Sent & { raw: Buffer };

/**
 * The message mix, planned and built before anything is sent: new threads and follow-ups to messages planned at least
 * `gap` positions earlier (with `gap` ≥ 2 × concurrency they are stored by the time the reply goes out; drive() waits
 * for the parent anyway, so every follow-up threads to a stored message).
 */
class Plan {
  readonly all: Built[] = [];
  private readonly random: () => number;
  private readonly senders: Sender[];
  private readonly runId = Date.now().toString(36);

  constructor(
    private readonly corpus: Corpus,
    private readonly to: string,
    private readonly label: string,
    total: number,
    private readonly gap: number,
  ) {
    this.random = rng(total * 31 + label.length);
    // ~1 sender per 8 messages: most senders write several times (identity found), every one is new once (created)
    const k = Math.max(20, Math.ceil(total / 8));
    this.senders = Array.from({ length: k }, (_, i) => {
      const first = pick(corpus.firstNames, (i * 0.618) % 1);
      const last = pick(corpus.lastNames, (i * 0.377) % 1);
      // distinct per path, so each path creates its own customers
      const local = `${pick(corpus.firstSlugs, (i * 0.618) % 1)}.${pick(corpus.lastSlugs, (i * 0.377) % 1)}.${label}${i}`;
      return { name: `${first} ${last}`, address: `${local}@${pick(corpus.emailDomains, (i * 0.21) % 1)}` };
    });
  }

  async build(total: number): Promise<void> {
    for (let i = 0; i < total; i++) this.all.push(await this.make(i));
  }

  private body(): string {
    const order = `#${100_000 + Math.floor(this.random() * 900_000)}`;
    const tracking = `1Z${Math.floor(this.random() * 1e12)
      .toString(36)
      .toUpperCase()}`;
    const lines = Array.from({ length: 1 + Math.floor(this.random() * 3) }, () => pick(this.corpus.bodies, this.random()));
    return lines.join("\n\n").replaceAll(ORDER_TOKEN, order).replaceAll(TRACKING_TOKEN, tracking);
  }

  private async make(i: number): Promise<Built> {
    const messageId = `bench-${this.label}-${this.runId}-${i}@mail.customer.example`;
    const replyTo = i >= this.gap && this.random() < REPLY_SHARE ? this.parent(i) : null;
    const text = this.body();
    const sender = replyTo?.sender ?? pick(this.senders, this.random());
    const subject = replyTo ? replyTo.subject : pick(this.corpus.subjects, this.random());
    const references = replyTo ? [...replyTo.references, replyTo.messageId].slice(-20) : [];
    const date = new Date(Date.now() - 60_000);
    const paragraphs = text
      .split("\n\n")
      .map((p) => `<p style="margin:0 0 12px">${escapeHtml(p)}</p>`)
      .join("");
    let html = `<div dir="ltr"><div style="font-family:Arial,sans-serif;font-size:14px">${paragraphs}<p>Thanks,<br>${escapeHtml(sender.name)}</p></div>`;
    let plain = `${text}\n\nThanks,\n${sender.name}`;
    if (replyTo) {
      const on = `On ${date.toUTCString()}, ${sender.name} <${sender.address}> wrote:`;
      plain += `\n\n${on}\n${replyTo.text
        .split("\n")
        .map((l) => `> ${l}`)
        .join("\n")}`;
      html += `<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">${escapeHtml(on)}<br></div><blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">${escapeHtml(replyTo.text).replaceAll("\n", "<br>")}</blockquote></div>`;
    }
    html += "</div>";
    const attachments: Mail.Attachment[] = [];
    if (this.random() < ATTACHMENT_SHARE) {
      const size = 2048 + Math.floor(this.random() * 6144);
      const png = this.random() < 0.5;
      const head = png ? Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) : Buffer.from("%PDF-1.4\n");
      attachments.push({
        filename: png ? `photo-${i}.png` : `receipt-${i}.pdf`,
        contentType: png ? "image/png" : "application/pdf",
        content: Buffer.concat([head, randomBytes(size)]),
      });
    }
    const mail: Mail.Options = {
      from: { name: sender.name, address: sender.address },
      to: this.to,
      subject: replyTo ? `Re: ${subject}` : subject,
      text: plain,
      html,
      date,
      messageId: `<${messageId}>`,
      ...(replyTo ? { inReplyTo: `<${replyTo.messageId}>`, references: references.map((r) => `<${r}>`) } : {}),
      attachments,
      headers: { "X-Mailer": "Switchboard bench" },
    };
    const raw = await new MailComposer(mail).compile().build();
    return {
      index: i,
      messageId,
      rootId: replyTo?.rootId ?? messageId,
      reply: !!replyTo,
      parent: replyTo?.index ?? null,
      sender,
      subject,
      text,
      references,
      raw,
    };
  }

  /** Mostly recent messages (a thread is usually continued within a few exchanges), sometimes an old one. */
  private parent(i: number): Built {
    const n = i - this.gap + 1; // messages 0 … i - gap
    const back = Math.floor(this.random() ** 3 * n);
    const p = this.all[n - 1 - back];
    if (!p) throw new Error("no earlier message to reply to");
    return p;
  }
}

/** Busy/total jiffies of the whole machine (all CPUs), from /proc/stat. */
function cpuTimes(): { busy: number; total: number } | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const total = v.reduce((a, b) => a + b, 0);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/**
 * CPU (ms) PostgreSQL's backends of this database have used so far, by pid, from /proc/<pid>/stat (utime + stime;
 * the server runs on this machine). Background processes (WAL writer, checkpointer, autovacuum) are left out.
 */
async function pgBackendCpu(sql: pg.Pool): Promise<Map<number, number> | null> {
  try {
    // client backends only: autovacuum workers also show up under the database (their work is reported apart)
    const { rows } = await sql.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`,
    );
    const hz = 100; // USER_HZ: Linux reports these fields in clock ticks of 1/100 s
    const out = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        out.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / hz);
      } catch {
        // not on this machine, or already gone
      }
    }
    return out.size ? out : null;
  } catch {
    return null;
  }
}

const pgCpuDelta = (before: Map<number, number> | null, after: Map<number, number> | null) =>
  before && after ? [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0) : Number.NaN;

type Send = (m: Built, worker: number) => Promise<"stored" | "duplicate">;

async function drive(plan: Plan, from: number, count: number, concurrency: number, send: Send, stored: Map<number, Promise<void>>) {
  const latencies: number[] = [];
  let next = from;
  let duplicates = 0;
  const end = from + count;
  const worker = async (w: number) => {
    while (next < end) {
      const m = plan.all[next++];
      if (!m) throw new Error("message not planned");
      let done!: () => void;
      stored.set(m.index, new Promise<void>((r) => (done = r)));
      if (m.parent !== null) await stored.get(m.parent); // planned far enough back to be stored already
      const t0 = nowMs();
      const outcome = await send(m, w);
      latencies.push(nowMs() - t0);
      if (outcome === "duplicate") duplicates++;
      done();
    }
  };
  const t0 = nowMs();
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  return { seconds: (nowMs() - t0) / 1000, latencies, duplicates };
}

/** Every planned message stored once, in its thread's conversation; returns the threading figures or throws. */
async function verify(sql: pg.Pool, channelId: string, plan: Plan) {
  const rows = (
    await sql.query<{ externalId: string; conversationId: string }>(
      `SELECT "externalId", "conversationId" FROM "Message" WHERE "channelId" = $1 AND direction = 'IN'`,
      [channelId],
    )
  ).rows;
  const convOf = new Map<string, string>();
  let doubled = 0;
  for (const r of rows) {
    const id = bare(r.externalId);
    if (convOf.has(id)) doubled++;
    convOf.set(id, r.conversationId);
  }
  const problems: string[] = [];
  const missing = plan.all.filter((m) => !convOf.has(m.messageId));
  if (missing.length) problems.push(`${missing.length} messages not stored (e.g. ${missing[0]?.messageId})`);
  if (rows.length !== plan.all.length + doubled || doubled)
    problems.push(`${rows.length} Message rows for ${plan.all.length} messages sent (${doubled} stored twice)`);
  const replies = plan.all.filter((m) => m.reply);
  const threaded = replies.filter((m) => convOf.get(m.messageId) === convOf.get(m.rootId)).length;
  if (threaded !== replies.length) problems.push(`${replies.length - threaded} of ${replies.length} follow-ups not in their thread`);
  const roots = plan.all.length - replies.length;
  const conv = await sql.query<{ n: string; messages: string }>(
    `SELECT count(*) AS n, coalesce(sum("messageCount"), 0) AS messages FROM "Conversation" WHERE "channelId" = $1`,
    [channelId],
  );
  const conversations = Number(conv.rows[0]?.n);
  if (conversations !== roots) problems.push(`${conversations} conversations for ${roots} new threads`);
  if (Number(conv.rows[0]?.messages) !== plan.all.length)
    problems.push(`Conversation.messageCount sums to ${conv.rows[0]?.messages}, expected ${plan.all.length}`);
  const events = await sql.query<{ status: string; n: string }>(
    `SELECT status::text, count(*) AS n FROM "InboundEvent" WHERE "channelId" = $1 GROUP BY 1`,
    [channelId],
  );
  const byStatus = Object.fromEntries(events.rows.map((r) => [r.status, Number(r.n)]));
  if (byStatus.PROCESSED !== plan.all.length || events.rows.length !== 1)
    problems.push(`inbound events ${JSON.stringify(byStatus)}, expected ${plan.all.length} PROCESSED`);
  const senders = new Set(plan.all.map((m) => m.sender.address.toLowerCase()));
  const customers = await sql.query<{ n: string }>(
    `SELECT count(DISTINCT "customerId") AS n FROM "Message" WHERE "channelId" = $1 AND direction = 'IN'`,
    [channelId],
  );
  if (Number(customers.rows[0]?.n) !== senders.size)
    problems.push(`${customers.rows[0]?.n} customers behind the messages, expected ${senders.size} (one per sender)`);
  if (problems.length) throw new Error(`email.ingest verification failed for channel ${channelId}: ${problems.join("; ")}`);
  return {
    stored: rows.length,
    conversations,
    replies: replies.length,
    threaded_pct: replies.length ? round((threaded / replies.length) * 100, 1) : 100,
    customers: senders.size,
  };
}

export async function benchEmailIngest(opts: EmailIngestOptions): Promise<Record<string, unknown>[]> {
  const { db, sql, messages, concurrency } = opts;
  const warmup = opts.warmup ?? Math.min(100, Math.ceil(messages / 20));
  // attachments go to a scratch store; the webhook's per-channel rate limit (600/min by default) would refuse a
  // benchmark, so it is raised for this process (the limiter itself still runs on every request)
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "switchboard-bench-email-"));
  process.env.SWITCHBOARD_DATA_DIR = dataDir;
  process.env.EMAIL_WEBHOOK_RATE_PER_MINUTE ??= String(1_000_000_000);
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("hex"); // keys sealJson and our Message-ID HMACs
  const corpus = buildCorpus();
  const slug = `bench-email-${Date.now()}`;
  const workspace = await createWorkspace(db, { name: `Bench email ${new Date().toISOString().slice(0, 16)}`, slug });
  const team = await createTeam(db, { workspaceId: workspace.id, name: "Support" });
  log(`email.ingest: workspace ${workspace.id} (${slug}), ${messages} messages + ${warmup} warm-up per path, concurrency ${concurrency}`);
  const lines: Record<string, unknown>[] = [];
  try {
    for (const p of opts.paths) {
      const channel = await createChannel(db, {
        workspaceId: workspace.id,
        kind: "EMAIL",
        name: `email ${p} (bench)`,
        ownerTeamId: team.id,
      });
      const address = channel.address;
      if (!address) throw new Error("the EMAIL channel has no address");
      await db.channel.update({ where: { id: channel.id }, data: { configEncrypted: sealJson({ webhook: { secret: SECRET } }) } });
      const plan = new Plan(corpus, address, p, messages + warmup, 2 * concurrency);
      await plan.build(messages + warmup); // before the clock: the bench measures ingest, not composing MIME

      let send: Send;
      let close: () => Promise<void> = () => Promise.resolve();
      if (p === "smtp") {
        const listener = await startSmtpListener(db, { port: 0, host: "127.0.0.1", log: (m) => log(`smtp: ${m}`) });
        const transports = Array.from({ length: concurrency }, () =>
          nodemailer.createTransport({
            host: "127.0.0.1",
            port: listener.port,
            secure: false,
            ignoreTLS: true,
            pool: true,
            maxConnections: 1,
            maxMessages: Infinity,
          }),
        );
        send = async (m, w) => {
          const t = transports[w];
          if (!t) throw new Error("no transport");
          const info = await t.sendMail({ envelope: { from: m.sender.address, to: [address] }, raw: m.raw });
          if (info.rejected.length || !info.accepted.length) throw new Error(`SMTP refused ${m.messageId}: ${info.response}`);
          return "stored";
        };
        close = async () => {
          for (const t of transports) t.close();
          await listener.close();
        };
      } else {
        const route = (await import("../app/api/webhooks/email/[channelId]/route")) as { POST: RouteHandler };
        const url = `http://localhost/api/webhooks/email/${channel.id}`;
        send = async (m) => {
          const res = await route.POST(
            new Request(url, {
              method: "POST",
              body: new Uint8Array(m.raw),
              headers: { authorization: `Bearer ${SECRET}`, "content-type": "message/rfc822" },
            }),
            { params: Promise.resolve({ channelId: channel.id }) },
          );
          if (res.status === 200) return "duplicate";
          if (res.status !== 202) throw new Error(`webhook answered ${res.status} for ${m.messageId}: ${await res.text()}`);
          return "stored";
        };
      }

      try {
        const stored = new Map<number, Promise<void>>();
        await drive(plan, 0, warmup, concurrency, send, stored);
        const load0 = os.loadavg();
        const cpu0 = cpuTimes();
        const pg0 = await pgBackendCpu(sql);
        const proc0 = process.cpuUsage();
        const run = await drive(plan, warmup, messages, concurrency, send, stored);
        const proc = process.cpuUsage(proc0);
        const pgMs = pgCpuDelta(pg0, await pgBackendCpu(sql));
        const cpu1 = cpuTimes();
        const load1 = os.loadavg();
        const checked = await verify(sql, channel.id, plan);
        const machineBusy = cpu0 && cpu1 ? (cpu1.busy - cpu0.busy) / (cpu1.total - cpu0.total) : Number.NaN;
        const line = {
          bench: "email.ingest",
          path: p,
          messages,
          concurrency,
          msgs_per_s: round(messages / run.seconds, 1),
          p50_ms: percentile(run.latencies, 50),
          p95_ms: percentile(run.latencies, 95),
          p99_ms: percentile(run.latencies, 99),
          seconds: round(run.seconds, 2),
          threaded_pct: checked.threaded_pct,
          duplicates: run.duplicates,
          stored: checked.stored,
          conversations: checked.conversations,
          replies: checked.replies,
          customers: checked.customers,
          warmup,
          node_cpu_ms_per_msg: round((proc.user + proc.system) / 1000 / messages),
          pg_cpu_ms_per_msg: round(pgMs / messages),
          machine_cpu_busy_pct: round(machineBusy * 100, 1),
          loadavg_1m: [round(load0[0] ?? 0), round(load1[0] ?? 0)],
        };
        if (run.duplicates) throw new Error(`email.ingest ${p}: ${run.duplicates} messages were reported as duplicates`);
        log(
          `email.ingest ${p}: ${line.msgs_per_s} msgs/s, p50/p95 ${line.p50_ms}/${line.p95_ms} ms, ${checked.stored} stored in ${checked.conversations} conversations, threaded ${checked.threaded_pct} %, node ${line.node_cpu_ms_per_msg} + postgres ${line.pg_cpu_ms_per_msg} ms CPU/msg, machine ${line.machine_cpu_busy_pct} % busy`,
        );
        lines.push(line);
      } finally {
        await close();
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return lines;
}
