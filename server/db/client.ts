import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

// One client per process (kept on globalThis so Next's dev reloads and the launcher share it).
const g = globalThis as unknown as { __switchboardDb?: PrismaClient };

export function createDb(url: string, opts: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: opts.max ?? Number(process.env.DATABASE_POOL_MAX ?? 10) });
  // The embedded PGlite runs one transaction at a time, so a transaction may queue behind another:
  // allow more time to start one than Prisma's 2 s default (harmless on a real server).
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 30_000 } });
}

export function getDb(): PrismaClient {
  if (!g.__switchboardDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (the launcher sets it in embedded mode)");
    g.__switchboardDb = createDb(url);
  }
  return g.__switchboardDb;
}

export async function disconnectDb(): Promise<void> {
  await g.__switchboardDb?.$disconnect();
  g.__switchboardDb = undefined;
}
