// npm run bench -- [--customers 2000 --conversations 10000 --messages 50000] [--reuse] [--jobs 2] [--iterations 40]
//   [--subscribers 200] [--only REGEX] [--plans FILE] [--email-messages 2000] [--email-concurrency 8] [--import-rows 100000]
// Generates a dataset into DATABASE_URL (bench/generate.ts), then times each workspace query through the
// tRPC caller (app) and as the bare SQL it ran (replayed with the same values over pg), and EXPLAINs it.
// email.ingest (bench/email.ts) runs first, in its own fresh workspace; `--only email` skips the dataset.
// stdout: one JSON object per bench; everything else goes to stderr.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { applyMigrations } from "../server/db/migrate";
import { appRouter, createCaller } from "../server/trpc/router";
import { encodeCursor } from "../server/inbox/cursor";
import { fanout } from "../server/events/fanout";
import { compactConversationCounts } from "../server/inbox/count-conversations";
import type { ListConversationsInput } from "../server/inbox/inbox.schemas";
import { buildCorpus, ORDER_TOKEN, TRACKING_TOKEN } from "./corpus";
import { capture, createBenchDb, explain, replay, type Statement } from "./capture";
import { countRows, findGenerated, generate, type BenchWorkspace, type Sizes } from "./generate";
import { benchRealtime } from "./realtime";
import { ensureHeavyCustomer } from "./customers";
import { benchEmailIngest, EMAIL_PATHS } from "./email";
import { benchImport } from "./import";
import { disconnectDb, getDb } from "../server/db/client";
import { log, nowMs, percentile } from "./stats";

const { values: flags } = parseArgs({
  options: {
    customers: { type: "string", default: "2000" },
    conversations: { type: "string", default: "10000" },
    messages: { type: "string", default: "50000" },
    reuse: { type: "boolean", default: false },
    /** connections the generator inserts on in parallel */
    jobs: { type: "string", default: "2" },
    iterations: { type: "string", default: "40" },
    subscribers: { type: "string", default: "200" },
    only: { type: "string" },
    plans: { type: "string" },
    /** messages per path for email.ingest (after a short warm-up) */
    "email-messages": { type: "string", default: "2000" },
    /** parallel SMTP connections / webhook requests for email.ingest (16: enough to keep a 2-core machine busy) */
    "email-concurrency": { type: "string", default: "16" },
    /** CSV rows of the orders file for commerce.import (bench/import.ts) */
    "import-rows": { type: "string", default: "100000" },
  },
});

const int = (v: string | undefined, name: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer`);
  return n;
};

type Caller = ReturnType<typeof createCaller>;
type Call = (caller: Caller) => Promise<unknown>;
type Variant = { bench: string; variant: string; role: "agent" | "volunteer"; calls: Call[]; rows: (result: unknown) => number };

const emit = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
const itemsOf = (r: unknown): number => {
  if (Array.isArray(r)) return r.length;
  const o = r as { items?: unknown[]; hits?: unknown[]; messages?: { items?: unknown[] } } | null;
  return o?.items?.length ?? o?.hits?.length ?? o?.messages?.items?.length ?? 1;
};

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (the bench needs a PostgreSQL server)");
  const sizes: Sizes = {
    customers: int(flags.customers, "customers"),
    conversations: int(flags.conversations, "conversations"),
    messages: int(flags.messages, "messages"),
  };
  const iterations = int(flags.iterations, "iterations");
  const subscribers = int(flags.subscribers, "subscribers");
  const only = flags.only ? new RegExp(flags.only) : null;
  const emailPaths = EMAIL_PATHS.filter((p) => !only || only.test(`email.ingest ${p}`));
  const DATASET_BENCHES = [
    "inbox.list",
    "inbox.counts",
    "conversation.open",
    "search.messages",
    "search.customers",
    "customer.panel",
    "customer.search",
    "realtime.deliver",
  ];
  // `--only nothing` still generates; only a filter that selects email.ingest and none of the others skips the dataset
  // commerce.import (bench/import.ts) also runs in its own fresh workspace: `--only commerce.import` skips the dataset too
  const importSelected = !only || only.test("commerce.import");
  const needDataset = !only || (!emailPaths.length && !importSelected) || DATASET_BENCHES.some((b) => only.test(b));

  const applied = await applyMigrations(url);
  if (applied.length) log(`migrations applied: ${applied.join(", ")}`);
  const bench = createBenchDb(url, 10);
  const { db } = bench;
  const sql = new pg.Pool({ connectionString: url, max: 10 });
  const plans: Record<string, unknown> = {};
  try {
    if (emailPaths.length) {
      process.env.DATABASE_URL = url; // the webhook route and the listener use the app's own client (getDb)
      const lines = await benchEmailIngest({
        db: getDb(),
        sql,
        paths: emailPaths,
        messages: int(flags["email-messages"], "email-messages"),
        concurrency: int(flags["email-concurrency"], "email-concurrency"),
      });
      for (const line of lines) emit(line);
    }
    if (importSelected) {
      process.env.DATABASE_URL = url;
      emit(await benchImport({ db: getDb(), url, rows: int(flags["import-rows"], "import-rows") }));
    }
    if (!needDataset) return;
    let ws: BenchWorkspace | null = flags.reuse ? await findGenerated(db, sizes) : null;
    if (ws) log(`--reuse: workspace ${ws.workspaceId} already has ${JSON.stringify(sizes)}`);
    else {
      log(`generating ${JSON.stringify(sizes)}`);
      const g = await generate(db, url, sizes, int(flags.jobs, "jobs"));
      ws = g.ws;
      log(
        `generated ${g.stats.rows} rows in ${g.stats.seconds} s: ${g.stats.rows_per_sec} rows/s; phases (s) ${JSON.stringify(g.stats.phases)}`,
      );
    }
    const counts = await countRows(db, ws.workspaceId);
    log(`workspace ${ws.workspaceId}: ${counts.conversations} conversations, ${counts.messages} messages`);
    // the worker's compact_counts cron folds count deltas every minute; the bench runs no worker, so fold once here
    const folded = await compactConversationCounts(db);
    log(`count deltas folded: ${folded.before} → ${folded.after} rows`);
    const fx = await fixtures(sql, ws, sizes, iterations);

    const agent = createCaller({ db, identity: { userId: ws.agentId, workspaceId: ws.workspaceId } });
    const volunteer = createCaller({ db, identity: { userId: ws.volunteerId, workspaceId: ws.workspaceId } });
    const base = { conversations: counts.conversations, messages: counts.messages };

    for (const v of variants(ws, fx)) {
      if (only && !only.test(`${v.bench} ${v.variant}`)) continue;
      const line = await measure(v, v.role === "agent" ? agent : volunteer, sql, iterations, plans);
      emit({ bench: v.bench, variant: v.variant, ...base, ...line });
    }

    for (const name of ["search.messages", "search.customers"] as const) {
      if (only && !only.test(name)) continue;
      if (!(name in appRouter._def.procedures)) {
        emit({ bench: name, skipped: "search router not mounted" });
        continue;
      }
      for (const v of searchVariants(name, fx)) {
        if (only && !only.test(`${v.bench} ${v.variant}`)) continue;
        const line = await measure(v, agent, sql, iterations, plans);
        emit({ bench: v.bench, variant: v.variant, ...base, ...line });
      }
    }

    if (!only || only.test("customer.panel") || only.test("customer.search")) {
      const heavy = await ensureHeavyCustomer(sql, ws);
      const customerVariants: Variant[] = [
        {
          bench: "customer.panel",
          variant: "panel of a customer with 50 orders and 200 conversations",
          role: "agent",
          calls: [(c) => c.customers.panel({ customerId: heavy })],
          rows: () => 1,
        },
        ...(
          [
            ["name", fx.customerQueries.name],
            ["email", fx.customerQueries.email],
            ["order number", fx.customerQueries.order],
            ["phone digits", fx.customerQueries.phone],
          ] as const
        ).map(([variant, qs]): Variant => ({
          bench: "customer.search",
          variant: `directory search by ${variant}`,
          role: "agent",
          calls: qs.filter(Boolean).map(
            (q): Call =>
              (c) =>
                c.customers.list({ q }),
          ),
          rows: itemsOf,
        })),
      ];
      for (const v of customerVariants) {
        if (only && !only.test(`${v.bench} ${v.variant}`)) continue;
        const line = await measure(v, agent, sql, iterations, plans);
        emit({ bench: v.bench, variant: v.variant, ...base, ...line });
      }
    }

    if (!only || only.test("realtime.deliver")) {
      process.env.DATABASE_URL = url; // the fan-out reads it: server mode, LISTEN/NOTIFY
      const r = await benchRealtime({
        db,
        url,
        workspaceId: ws.workspaceId,
        subscriberUserId: ws.agentId,
        writerUserId: ws.adminId,
        conversationIds: fx.openConversationIds,
        texts: fx.inboundTexts,
        subscribers,
        messages: iterations,
        warmup: 5,
        gapMs: 50,
      });
      emit({ bench: "realtime.deliver", ...base, ...r });
    }
  } finally {
    if (flags.plans) writeFileSync(flags.plans, JSON.stringify(plans, null, 1));
    await fanout().close();
    await disconnectDb();
    await sql.end();
    await bench.close();
  }
}

/** Warm-up pass over every distinct input (captures its SQL), then timed iterations: app and replayed SQL, alternating which runs first. */
async function measure(
  v: Variant,
  caller: Caller,
  sql: pg.Pool,
  iterations: number,
  plans: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const label = `${v.bench} ${v.variant}`;
  const captured: Statement[][] = [];
  let rows = 0;
  for (let i = 0; i < Math.max(v.calls.length, 3); i++) {
    const call = v.calls[i % v.calls.length];
    if (!call) continue;
    const { result, statements } = await capture(() => call(caller));
    if (i < v.calls.length) captured[i] = statements;
    if (i === 0) rows = v.rows(result);
  }
  const app: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const k = i % v.calls.length;
    const call = v.calls[k];
    const statements = captured[k];
    if (!call || !statements) continue;
    const timeApp = async () => {
      const t0 = nowMs();
      await call(caller);
      app.push(nowMs() - t0);
    };
    const timeSql = async () => bare.push(await replay(sql, statements));
    if (i % 2 === 0) {
      await timeApp();
      await timeSql();
    } else {
      await timeSql();
      await timeApp();
    }
  }
  const plan = await explain(sql, captured[0] ?? []);
  plans[label] = plan.plans;
  const line = {
    role: v.role,
    iterations: app.length,
    rows,
    statements: captured[0]?.length ?? 0,
    p50_ms: percentile(app, 50),
    p95_ms: percentile(app, 95),
    sql_p50_ms: percentile(bare, 50),
    sql_p95_ms: percentile(bare, 95),
    app_over_sql_p95: Math.round((percentile(app, 95) / percentile(bare, 95)) * 100) / 100,
    seq_scans: plan.seqScans,
    other_seq_scans: plan.otherSeqScans,
    indexes: plan.indexes,
  };
  log(
    `${label}: app p50/p95 ${line.p50_ms}/${line.p95_ms} ms, sql ${line.sql_p50_ms}/${line.sql_p95_ms} ms, ${line.statements} statements`,
  );
  return line;
}

type Fixtures = {
  conversationIds: string[];
  openConversationIds: string[];
  deep: { open: string; resolved: string; priority: string; depth: number };
  tagId: string;
  messageQueries: { rare: string[]; word: string[]; phrase: string[] };
  customerQueries: { name: string[]; email: string[]; order: string[]; phone: string[] };
  inboundTexts: string[];
};

const iso = `to_char(%s, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Inputs for the benches, read with plain SQL (not timed): random conversations, deep-page cursors, search terms. */
async function fixtures(sql: pg.Pool, ws: BenchWorkspace, sizes: Sizes, n: number): Promise<Fixtures> {
  const w = ws.workspaceId;
  const numbers = Array.from({ length: n }, (_, i) => 1 + Math.floor(((i * 7919 + 13) * 104729) % sizes.conversations));
  const convs = await sql.query<{ id: string; status: string }>(
    `SELECT id, status FROM "Conversation" WHERE "workspaceId" = $1 AND number = ANY($2::int[])`,
    [w, numbers],
  );
  const depth = Math.min(10_000, Math.floor(sizes.conversations * 0.1));
  const at = (col: string) => iso.replace("%s", col);
  const deepRow = async (status: string, order: string) =>
    (
      await sql.query<{ at: string; id: string; priority: string }>(
        `SELECT ${at(`"lastMessageAt"`)} AS at, id, priority FROM "Conversation" WHERE "workspaceId" = $1 AND status = $2::"ConversationStatus" ORDER BY ${order} OFFSET $3 LIMIT 1`,
        [w, status, depth],
      )
    ).rows[0];
  const open = await deepRow("OPEN", `"lastMessageAt" DESC, id DESC`);
  const resolved = await deepRow("RESOLVED", `"lastMessageAt" DESC, id DESC`);
  const prio = await deepRow("OPEN", `priority DESC, "lastMessageAt" DESC, id DESC`);
  if (!open || !resolved || !prio) throw new Error("dataset too small for deep pages");
  const tag = await sql.query<{ id: string }>(`SELECT id FROM "Tag" WHERE "workspaceId" = $1 AND name = 'delayed-order'`, [w]);
  const customers = await sql.query<{ name: string; email: string | null; phone: string | null }>(
    `SELECT name, email, phone FROM "Customer" WHERE "workspaceId" = $1 AND id = ANY($2::uuid[])`,
    [
      w,
      (
        await sql.query<{ id: string }>(`SELECT "customerId" AS id FROM "Conversation" WHERE id = ANY($1::uuid[])`, [
          convs.rows.map((r) => r.id),
        ])
      ).rows.map((r) => r.id),
    ],
  );
  const orders = await sql.query<{ number: string; tracking: string | null }>(
    `SELECT o.number, f."trackingNumber" AS tracking FROM "Order" o LEFT JOIN "Fulfillment" f ON f."orderId" = o.id
     WHERE o."workspaceId" = $1 AND o."customerId" IN (SELECT "customerId" FROM "Conversation" WHERE id = ANY($2::uuid[])) LIMIT 20`,
    [w, convs.rows.map((r) => r.id)],
  );
  const pick = <T>(xs: T[], k: number) => xs.filter((_, i) => i % Math.max(1, Math.floor(xs.length / k)) === 0).slice(0, k);
  const corpus = buildCorpus();
  const first = orders.rows[0];
  return {
    conversationIds: convs.rows.map((r) => r.id),
    openConversationIds: convs.rows.filter((r) => r.status !== "RESOLVED").map((r) => r.id),
    deep: {
      open: encodeCursor({ at: new Date(open.at), id: open.id }),
      resolved: encodeCursor({ at: new Date(resolved.at), id: resolved.id }),
      priority: encodeCursor({ rank: prio.priority, at: new Date(prio.at), id: prio.id }),
      depth,
    },
    tagId: tag.rows[0]?.id ?? "",
    messageQueries: {
      // a customer's order number / tracking number: a handful of matches
      rare: pick(orders.rows, 5).flatMap((o) => [o.number, ...(o.tracking ? [o.tracking] : [])]),
      // words in many messages (product names, carriers, the everyday vocabulary of holiday support)
      word: ["hoodie", "refund", "tracking", "backordered", "scarf", "delivered"],
      phrase: ["where is my order", "gift wrap", "wrong size", '"out for delivery"'],
    },
    customerQueries: {
      name: pick(customers.rows, 4).map((c) => c.name),
      email: pick(
        customers.rows.filter((c) => c.email),
        4,
      ).map((c) => (c.email ?? "").split("@")[0] ?? ""),
      order: [first?.number ?? "#100001", (first?.number ?? "#100001").slice(0, 5)],
      phone: pick(
        customers.rows.filter((c) => c.phone),
        3,
      ).map((c) => (c.phone ?? "").slice(-7)),
    },
    inboundTexts: corpus.bodies
      .slice(0, 40)
      .map((b) => b.replaceAll(ORDER_TOKEN, first?.number ?? "#100001").replaceAll(TRACKING_TOKEN, first?.tracking ?? "1Z")),
  };
}

function variants(ws: BenchWorkspace, fx: Fixtures): Variant[] {
  const list = (variant: string, input: ListConversationsInput, role: "agent" | "volunteer" = "agent"): Variant => ({
    bench: "inbox.list",
    variant,
    role,
    calls: [(c) => c.inbox.list(input)],
    rows: itemsOf,
  });
  const d = fx.deep.depth;
  return [
    list("all open newest, first page", { view: "all", status: "OPEN" }),
    list(`all open newest, deep page (row ${d})`, { view: "all", status: "OPEN", cursor: fx.deep.open }),
    list(`all resolved newest, deep page (row ${d})`, { view: "all", status: "RESOLVED", cursor: fx.deep.resolved }),
    list("mine open", { view: "mine", status: "OPEN" }),
    list("unassigned open", { view: "unassigned", status: "OPEN" }),
    list("team support open", { view: "team", teamId: ws.teams.support, status: "OPEN" }),
    list("all open oldest", { view: "all", status: "OPEN", sort: "oldest" }),
    list("all open waiting longest", { view: "all", status: "OPEN", sort: "waiting" }),
    list("all open priority, first page", { view: "all", status: "OPEN", sort: "priority" }),
    list(`all open priority, deep page (row ${d})`, { view: "all", status: "OPEN", sort: "priority", cursor: fx.deep.priority }),
    list("all open priority=URGENT", { view: "all", status: "OPEN", priority: "URGENT" }),
    list("all open channel EMAIL", { view: "all", status: "OPEN", channelKind: "EMAIL" }),
    list("all open channel TELEGRAM", { view: "all", status: "OPEN", channelKind: "TELEGRAM" }),
    list("all open tag delayed-order", { view: "all", status: "OPEN", tagId: fx.tagId }),
    list("volunteer: all open (team-scoped)", { view: "all", status: "OPEN" }, "volunteer"),
    list("volunteer: team returns pending", { view: "team", teamId: ws.teams.returns, status: "PENDING" }, "volunteer"),
    {
      bench: "inbox.counts",
      variant: "views + teams + statuses + channels",
      role: "agent",
      calls: [(c) => c.inbox.counts()],
      rows: () => 1,
    },
    {
      bench: "conversation.open",
      variant: "conversation.get (thread + customer panel), random conversations",
      role: "agent",
      calls: fx.conversationIds.map(
        (conversationId): Call =>
          (c) =>
            c.conversation.get({ conversationId }),
      ),
      rows: itemsOf,
    },
  ];
}

type LooseProc = (input: unknown) => Promise<unknown>;

function searchVariants(name: "search.messages" | "search.customers", fx: Fixtures): Variant[] {
  const callFor =
    (q: string): Call =>
    (c) => {
      const ns = (c as unknown as Record<string, Record<string, LooseProc>>).search;
      const fn = ns?.[name === "search.messages" ? "messages" : "customers"];
      if (!fn) throw new Error(`${name} is not callable`);
      return fn({ q });
    };
  const v = (variant: string, qs: string[]): Variant => ({
    bench: name,
    variant,
    role: "agent",
    calls: qs.filter(Boolean).map(callFor),
    rows: itemsOf,
  });
  if (name === "search.messages") {
    return [
      v("order / tracking number (rare)", fx.messageQueries.rare),
      v("common word", fx.messageQueries.word),
      v("several words / quoted phrase", fx.messageQueries.phrase),
    ];
  }
  return [
    v("full name", fx.customerQueries.name),
    v("email local part", fx.customerQueries.email),
    v("order number / prefix", fx.customerQueries.order),
    v("phone digits", fx.customerQueries.phone),
  ];
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
