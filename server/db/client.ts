import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { statementName } from "./sql";

export type Db = PrismaClient;

/** The embedded PGlite's URL carries this application_name (server/db/embedded.ts). */
export const EMBEDDED_APPLICATION_NAME = "switchboard-embedded";

// One client per process (kept on globalThis so Next's dev reloads and the launcher share it).
const g = globalThis as unknown as { __switchboardDb?: PrismaClient };

/** The pg pool under each client, for the few hot reads that skip Prisma's engine (server/db/sql.ts). */
const pools = new WeakMap<PrismaClient, { pool: pg.Pool; prepare: boolean }>();

/**
 * A Prisma client over `pool` (which $disconnect ends); hot reads reach the same pool through server/db/sql.ts.
 * `prepare`: statements marked PREPARED become named prepared statements — not on the embedded PGlite, where every
 * connection shares one session (a name prepared by one connection would clash on the next).
 */
export function clientOnPool(pool: pg.Pool): PrismaClient {
  const url = (pool.options as { connectionString?: string }).connectionString ?? "";
  const prepare = !url.includes(`application_name=${EMBEDDED_APPLICATION_NAME}`);
  // idle connections that die (server restart) must not crash the process; the next query reconnects
  pool.on("error", (err) => console.warn(`[db] idle connection error: ${err.message}`));
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    // statements marked PREPARED (server/db/sql.ts) are planned once per connection; the rest stay unnamed
    statementNameGenerator: (query) => (prepare ? statementName(query.sql) : undefined) as string,
  });
  // The embedded PGlite runs one transaction at a time, so a transaction may queue behind another:
  // allow more time to start one than Prisma's 2 s default (harmless on a real server).
  const db = new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 30_000 } });
  pools.set(db, { pool, prepare });
  return db;
}

export function createDb(url: string, opts: { max?: number } = {}): PrismaClient {
  const max = opts.max ?? Number(process.env.DATABASE_POOL_MAX ?? 10);
  return clientOnPool(new pg.Pool({ connectionString: url, max }));
}

export function poolOf(db: Db): { pool: pg.Pool; prepare: boolean } | undefined {
  return pools.get(db);
}

export function getDb(): PrismaClient {
  if (!g.__switchboardDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (the launcher sets it in embedded mode)");
    g.__switchboardDb = createDb(url);
  }
  return g.__switchboardDb;
}

/** $disconnect, and end the pool even if Prisma never connected (only hot reads used it). */
export async function closeDb(db: Db): Promise<void> {
  await db.$disconnect();
  const pool = pools.get(db)?.pool;
  if (pool && !pool.ending && !pool.ended) await pool.end();
}

export async function disconnectDb(): Promise<void> {
  if (g.__switchboardDb) await closeDb(g.__switchboardDb);
  g.__switchboardDb = undefined;
}
