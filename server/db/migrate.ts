// Standard Prisma migrations, created and applied offline through @prisma/schema-engine-wasm
// driven by a driver adapter (the native schema engine cannot be downloaded here). The migration
// folders and the _prisma_migrations table are the standard ones, so the Prisma CLI works too.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCHEMA_PATH = path.join(ROOT, "prisma/schema.prisma");
const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");
const FILTERS = { externalTables: [], externalEnums: [] };

let wasmReady: Promise<void> | undefined;
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), { "./schema_engine_bg.js": bg });
    const exportsObj = instance.exports as Record<string, unknown> & { __wbindgen_start?: () => void };
    (bg as unknown as { __wbg_set_wasm: (e: unknown) => void }).__wbg_set_wasm(exportsObj);
    exportsObj.__wbindgen_start?.();
  })();
  return wasmReady;
}

function adapterFor(url: string) {
  // discrete fields, not connectionString: adapter-pg spreads {...config, database} for its shadow
  // database and pg lets connectionString win, which would point the shadow at the real database
  const u = new URL(url);
  return new PrismaPg({
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1) || "postgres"),
  });
}

function loadMigrations() {
  fs.mkdirSync(MIGRATIONS_DIR, { recursive: true });
  const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  const dirs = fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lock) ? fs.readFileSync(lock, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((d) => ({
      path: d,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: fs.readFileSync(path.join(MIGRATIONS_DIR, d, "migration.sql"), "utf8") },
      },
    })),
  };
}

async function engineFor(url: string) {
  await loadWasm();
  const base = adapterFor(url);
  const factory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => {
      const conn = await base.connect();
      // adapter-pg splits scripts on ";", which breaks function bodies; send the migration as one
      // simple-protocol query instead (PostgreSQL runs it as one implicit transaction).
      const inner = conn as unknown as { client: { query: (sql: string) => Promise<unknown> }; onError: (e: unknown) => never };
      conn.executeScript = async (script: string) => {
        try {
          await inner.client.query(script);
        } catch (e) {
          inner.onError(e);
        }
      };
      return conn;
    },
    // throwaway in-memory PGlite (with pg_trgm) as the shadow database
    connectToShadowDb: async () => new PrismaPGlite(await PGlite.create({ extensions: { pg_trgm } })).connect(),
  };
  const schema = fs.readFileSync(SCHEMA_PATH, "utf8");
  const log = (msg: string) => {
    if (process.env.DEBUG_MIGRATE) console.error(msg);
  };
  return bg.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, log, bindMigrationAwareSqlAdapterFactory(factory as never));
}

/** Applies pending migrations; returns the names applied (empty when up to date). */
export async function applyMigrations(url: string): Promise<string[]> {
  const engine = await engineFor(url);
  try {
    const out = await engine.applyMigrations({ migrationsList: loadMigrations(), filters: FILTERS });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/** Writes prisma/migrations/<ts>_<name>/migration.sql for the schema's changes; null when none. */
export async function createMigration(url: string, name: string): Promise<string | null> {
  const engine = await engineFor(url);
  try {
    const ml = loadMigrations();
    const schema = fs.readFileSync(SCHEMA_PATH, "utf8");
    const from = ml.migrationDirectories.length ? { tag: "migrations" as const, ...ml } : { tag: "empty" as const };
    const res = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: FILTERS,
    });
    const sql = res.stdout ?? "";
    if (!sql.trim() || /-- This is an empty migration/.test(sql)) return null;
    const ts = new Date()
      .toISOString()
      .replace(/[-:TZ.]/g, "")
      .slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${ts}_${name.replace(/[^a-z0-9_]+/gi, "_")}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
    if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "postgresql"\n');
    return dir;
  } finally {
    engine.free();
  }
}
