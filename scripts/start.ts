// npm start: the whole app in one process. Resolves the database (embedded PGlite unless DATABASE_URL),
// applies migrations, seeds demo data into an empty database, builds when sources changed, serves Next.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { DATA_DIR, resolveDatabase } from "../server/db/runtime";
import { applyMigrations } from "../server/db/migrate";
import { disconnectDb, getDb } from "../server/db/client";
import { fanout } from "../server/events/fanout";
import { migrateQueue, startWorker } from "../server/jobs/worker";
import { startEmailInbound } from "../server/channels/email/inbound";
import { ensureSecret, loadDotEnv } from "./start-env";
import { env } from "../server/lib/env";
import { buildIsCurrent, writeBuildStamp } from "./build-stamp";

const ROOT = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");

function log(msg: string) {
  console.log(`[switchboard] ${msg}`);
}

async function main() {
  loadDotEnv(ROOT);
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOST ?? "0.0.0.0";
  fs.mkdirSync(DATA_DIR, { recursive: true });

  const t0 = Date.now();
  const db = await resolveDatabase();
  process.env.DATABASE_URL = db.url;
  process.env.SWITCHBOARD_DB_MODE = db.mode;
  log(
    db.mode === "embedded"
      ? `embedded PostgreSQL (PGlite) in ${path.relative(ROOT, db.embedded?.dataDir ?? "")} on 127.0.0.1:${db.embedded?.port}`
      : "using DATABASE_URL",
  );
  process.env.NEXTAUTH_SECRET ??= ensureSecret(path.join(DATA_DIR, "auth-secret"));
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  env(); // fail fast on invalid configuration, with the variable named

  const applied = await applyMigrations(db.url);
  log(applied.length ? `migrations applied: ${applied.join(", ")}` : "database schema is up to date");
  await migrateQueue(db.url);

  if (process.env.SEED_DEMO !== "false") {
    const { seedDemo } = await import("../prisma/seed/demo");
    const result = await seedDemo(getDb());
    if (result.seeded) log(`demo data seeded: ${JSON.stringify(result.counts)}`);
  }

  if (!dev && !buildIsCurrent(ROOT)) {
    log("building the web app (first start or sources changed)…");
    const res = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (res.status !== 0) throw new Error("next build failed");
    writeBuildStamp(ROOT);
  }

  // the worker runs in this process unless WORKER=off (then run `npm run worker` processes separately)
  const worker =
    process.env.WORKER === "off" ? null : await startWorker(getDb(), { connectionString: db.url, embedded: db.mode === "embedded" });
  // inbound email (SMTP listener when SMTP_LISTEN_PORT is set, IMAP polling) lives with the worker
  const inbound = process.env.WORKER === "off" ? null : await startEmailInbound(getDb());

  const app = next({ dev, dir: ROOT, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  log(`ready on http://localhost:${port} (${db.mode} database, started in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await inbound?.stop();
    await worker?.stop();
    await fanout().close();
    await disconnectDb();
    await db.embedded?.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error("[switchboard] failed to start:", err instanceof Error ? err.message : err);
  process.exit(1);
});
