// Playwright e2e in Debian's Chromium against the real app (`npm start` path) on a fresh database:
// DATABASE_URL set → a fresh "<db>_e2e" database on that server; else a throwaway embedded PGlite dir.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
// `npm test` installs what tests need: Debian's Chromium, when we may (root with apt-get)
if (!fs.existsSync(chromium) && !process.env.CHROMIUM_PATH && process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get")) {
  console.log("[e2e] installing Debian's chromium (apt-get install -y chromium)…");
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env: aptEnv });
  spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: aptEnv });
}
if (!fs.existsSync(chromium)) {
  const msg = `Chromium not found at ${chromium} (set CHROMIUM_PATH or: apt-get install -y chromium)`;
  if (process.env.CI) {
    console.error(`✘ ${msg} — a missing browser fails CI.`);
    process.exit(1);
  }
  console.warn(`\n${"!".repeat(78)}\n!!  E2E SKIPPED: ${msg}\n${"!".repeat(78)}\n`);
  process.exit(0);
}

const env = { ...process.env, CHROMIUM_PATH: chromium, E2E_PORT: process.env.E2E_PORT ?? "3100", NEXT_TELEMETRY_DISABLED: "1" };
let cleanup = async () => {};
if (process.env.DATABASE_URL) {
  const base = new URL(process.env.DATABASE_URL);
  const name = `${base.pathname.slice(1) || "switchboard"}_e2e`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  base.pathname = `/${name}`;
  env.DATABASE_URL = base.toString();
  console.log(`[e2e] fresh database ${name}`);
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-e2e-"));
  env.PGLITE_DIR = path.join(dir, "pglite");
  env.SWITCHBOARD_DATA_DIR = dir;
  console.log(`[e2e] embedded PGlite in ${dir}`);
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
}

const res = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env });
await cleanup();
process.exit(res.status ?? 1);
