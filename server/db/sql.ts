// Hot reads on the client's own pg pool, skipping Prisma's query engine and result mapping.
//
// A departure from "repositories use Prisma" (DESIGN.md), kept to the statements every request or every list page
// runs (the actor lookup, the inbox page and its relations): Prisma costs ≈ 0.5–1 ms of Node CPU per statement on
// top of `pg` (argument serialisation, the query interpreter, per-value result decoding), which at 3 statements a
// page was as much as the SQL itself. The statements are still written with Prisma.sql (parameters bound, never
// interpolated) and live in the repositories; the pool is the one Prisma uses, so both see the same database.
import { createHash } from "node:crypto";
import pg from "pg";
import { Prisma } from "./generated/client";
import { poolOf, type Db } from "./client";

const TIMESTAMP = 1114;
const builtin = pg.types.getTypeParser.bind(pg.types);

/** Prisma stores DateTime as timestamp(3) without zone, in UTC: decode it as UTC (pg's default is local time). */
function utcTimestamp(text: string): Date {
  return new Date(`${text.replace(" ", "T")}Z`);
}

const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary"): ((value: string) => unknown) =>
    oid === TIMESTAMP && format !== "binary"
      ? utcTimestamp
      : (builtin(oid, format) as (value: string) => unknown)) as typeof pg.types.getTypeParser,
};

/**
 * A statement whose text starts with this comment runs as a named prepared statement: PostgreSQL plans it once per
 * connection instead of on every call (planning was ~40 % of PostgreSQL's CPU on the ingest path). Only for
 * statements with a small, fixed set of texts (never a variable-length IN list), where a generic plan is as good as
 * a custom one: key lookups and single-row writes. Works through Prisma too (statementNameGenerator in client.ts).
 */
export const PREPARED = Prisma.raw("/*prepared*/ ");
const MARK = "/*prepared*/ ";
const names = new Map<string, string>();

/** The statement's name if it is marked PREPARED (a hash of its text: the same text gets the same name). */
export function statementName(text: string): string | undefined {
  if (!text.startsWith(MARK)) return undefined;
  let name = names.get(text);
  if (!name) {
    name = `sb_${createHash("sha1").update(text).digest("base64url")}`;
    // texts are a fixed set; the cap only guards against a marked statement built with a variable shape
    if (names.size < 1000) names.set(text, name);
  }
  return name;
}

/**
 * Dates as UTC ISO strings: a `timestamp` parameter ignores a zone offset, and pg would send local time.
 */
function toParam(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** A transaction on one pooled connection (sqlTransaction): queryRows runs on that connection. */
export type SqlTx = { readonly pgClient: pg.PoolClient; readonly prepare: boolean };
/** Where a statement can run: the client (a pooled connection), a Prisma transaction, or a pg transaction. */
export type SqlRunner = Db | Prisma.TransactionClient | SqlTx;

/**
 * Runs `query` and returns its rows as pg decodes them: uuid/text/enum → string, int4 → number, bool, json → value,
 * timestamp → Date (UTC). int8 and numeric come back as strings, so cast counts to int in the SQL. Inside a Prisma
 * transaction (or for a client created without a known pool) it runs through $queryRaw instead.
 */
export async function queryRows<T>(db: SqlRunner, query: Prisma.Sql): Promise<T[]> {
  const text = query.text;
  if ("pgClient" in db) {
    const result = await db.pgClient.query({
      name: db.prepare ? statementName(text) : undefined,
      text,
      values: query.values.map(toParam),
      types,
    });
    return result.rows as T[];
  }
  // a Prisma transaction's statements must run on its connection: through Prisma (PREPARED still applies there)
  const on = poolOf(db as Db);
  if (!on) return db.$queryRaw<T[]>(query);
  const name = on.prepare ? statementName(text) : undefined;
  const result = await on.pool.query({ name, text, values: query.values.map(toParam), types });
  return result.rows as T[];
}

/**
 * BEGIN … COMMIT on one pooled connection, without Prisma's interactive-transaction machinery (≈ 2 ms of Node CPU
 * for a short transaction of raw statements): for the email ingest's new-conversation write. Rolls back on any error
 * (a connection whose ROLLBACK fails is discarded). Falls back to db.$transaction for a client without a known pool.
 */
export async function sqlTransaction<T>(db: Db, fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
  const on = poolOf(db);
  if (!on) return db.$transaction((tx) => fn(tx));
  const client = await on.pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const out = await fn({ pgClient: client, prepare: on.prepare });
    await client.query("COMMIT");
    return out;
  } catch (err) {
    await client.query("ROLLBACK").catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw err;
  } finally {
    client.release(broken);
  }
}
