// The app's Prisma client on a pg pool whose connections record every statement they run, so a
// procedure call can be replayed as bare SQL (same text, same bound values) and EXPLAINed.
import pg from "pg";
import { clientOnPool, closeDb, type Db } from "../server/db/client";
import { nowMs } from "./stats";

/** `name`: the app ran it as a named prepared statement (server/db/sql.ts PREPARED); the replay does the same. */
export type Statement = { text: string; name?: string; values: unknown[]; start: number; end: number };

type QueryConfigLike = { text?: unknown; values?: unknown; name?: unknown };
type AnyQuery = (...args: unknown[]) => unknown;

let recorder: Statement[] | null = null;

function record(args: unknown[], orig: AnyQuery, self: unknown): unknown {
  const first = args[0];
  const text =
    typeof first === "string" ? first : typeof first === "object" && first !== null ? (first as QueryConfigLike).text : undefined;
  if (!recorder || typeof text !== "string") return orig.apply(self, args);
  const values = (typeof first === "object" && first !== null ? (first as QueryConfigLike).values : args[1]) as unknown[] | undefined;
  const name =
    typeof first === "object" && first !== null && typeof (first as QueryConfigLike).name === "string"
      ? (first as QueryConfigLike).name
      : undefined;
  const st: Statement = { text, name: name as string | undefined, values: values ?? [], start: nowMs(), end: Number.NaN };
  recorder.push(st);
  const done = () => {
    st.end = nowMs();
  };
  const last = args[args.length - 1];
  if (typeof last === "function") {
    // callback style (pg-pool's own pool.query goes through here)
    const cb = last as (...a: unknown[]) => unknown;
    const wrapped = [...args.slice(0, -1), (...a: unknown[]) => (done(), cb(...a))];
    return orig.apply(self, wrapped);
  }
  const result = orig.apply(self, args);
  if (result && typeof (result as Promise<unknown>).then === "function") (result as Promise<unknown>).then(done, done);
  return result;
}

/** Wraps each new pool connection's query() with the recorder (covers pool.query and transactions). */
function instrument(pool: pg.Pool): void {
  pool.on("connect", (client) => {
    const c = client as unknown as { query: AnyQuery };
    const orig = c.query;
    c.query = function (this: unknown, ...args: unknown[]) {
      return record(args, orig, this);
    };
  });
}

export type BenchDb = { db: Db; pool: pg.Pool; close: () => Promise<void> };

/** Same construction as server/db/client.ts createDb, on an instrumented pool. */
export function createBenchDb(url: string, max = 10): BenchDb {
  const pool = new pg.Pool({ connectionString: url, max });
  instrument(pool);
  const db = clientOnPool(pool);
  return {
    db,
    pool,
    close: async () => {
      await closeDb(db);
    },
  };
}

/** Runs fn, returning what it resolved to and every statement issued meanwhile (one capture at a time). */
export async function capture<T>(fn: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> {
  if (recorder) throw new Error("nested capture");
  const statements: Statement[] = [];
  recorder = statements;
  try {
    const result = await fn();
    return { result, statements };
  } finally {
    recorder = null;
  }
}

const isRead = (text: string) => /^\s*(select|with)\b/i.test(text);

/**
 * Replays the statements with the call's own concurrency: a statement waits for every statement
 * that had finished before it started in the captured run (Promise.all branches stay parallel).
 * Returns the wall time of the whole replay in ms.
 */
export async function replay(pool: pg.Pool, statements: Statement[]): Promise<number> {
  const t0 = nowMs();
  const running: Promise<unknown>[] = [];
  for (let i = 0; i < statements.length; i++) {
    const st = statements[i];
    if (!st) continue;
    const deps = running.filter((_, j) => (statements[j]?.end ?? Infinity) <= st.start);
    running.push(Promise.all(deps).then(() => pool.query({ name: st.name, text: st.text, values: st.values, rowMode: "array" })));
  }
  await Promise.all(running);
  return nowMs() - t0;
}

export type PlanSummary = {
  /** Seq Scans on Message / Conversation (should be empty) */
  seqScans: string[];
  /** Seq Scans on other (small) tables */
  otherSeqScans: string[];
  indexes: string[];
  /** the plan text of each read statement, for docs/benchmarks.md */
  plans: { text: string; plan: unknown }[];
};

type PlanNode = { "Node Type"?: string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };
const BIG = new Set(["Message", "Conversation"]);

function walk(node: PlanNode, out: PlanSummary): void {
  if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) {
    (BIG.has(node["Relation Name"]) ? out.seqScans : out.otherSeqScans).push(node["Relation Name"]);
  }
  if (node["Index Name"]) out.indexes.push(node["Index Name"]);
  for (const child of node.Plans ?? []) walk(child, out);
}

/** EXPLAIN (FORMAT JSON) of each read statement with its captured values. */
export async function explain(pool: pg.Pool, statements: Statement[]): Promise<PlanSummary> {
  const out: PlanSummary = { seqScans: [], otherSeqScans: [], indexes: [], plans: [] };
  const seen = new Set<string>();
  for (const st of statements) {
    if (!isRead(st.text) || seen.has(st.text)) continue;
    seen.add(st.text);
    const res = await pool.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>({ text: `EXPLAIN (FORMAT JSON) ${st.text}`, values: st.values });
    const plan = res.rows[0]?.["QUERY PLAN"][0]?.Plan;
    if (!plan) continue;
    walk(plan, out);
    out.plans.push({ text: st.text, plan });
  }
  out.seqScans = [...new Set(out.seqScans)];
  out.otherSeqScans = [...new Set(out.otherSeqScans)];
  out.indexes = [...new Set(out.indexes)];
  return out;
}
