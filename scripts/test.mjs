// npm test: lint, typecheck, unit + integration (real PostgreSQL: DATABASE_URL, else embedded PGlite), e2e in Chromium.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

// the IMAP tests start Debian's dovecot themselves: install it when we may (root with apt-get), like e2e does Chromium
const dovecot = process.env.DOVECOT_BIN || "/usr/sbin/dovecot";
if (!fs.existsSync(dovecot) && process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get")) {
  console.log("[test] installing Debian's dovecot-imapd for the IMAP tests (apt-get install -y dovecot-imapd)…");
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env: aptEnv });
  spawnSync("apt-get", ["install", "-y", "-qq", "dovecot-imapd"], { stdio: "inherit", env: aptEnv });
}

const steps = [
  ["lint", "npx", ["eslint", "--max-warnings", "0", "."]],
  ["format", "npx", ["prettier", "--check", "--log-level", "warn", "."]],
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["unit + integration", "npx", ["vitest", "run"]],
  ["e2e (Chromium)", "node", ["scripts/e2e.mjs"]],
];

const only = process.argv.slice(2);
const results = [];
for (const [name, cmd, args] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n━━━ ${name} ━━━`);
  const t0 = Date.now();
  const res = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const ok = res.status === 0;
  results.push({ name, ok, seconds: ((Date.now() - t0) / 1000).toFixed(1) });
  if (!ok) break; // later steps would only repeat the failure
}

console.log("\n━━━ summary ━━━");
for (const r of results) console.log(`${r.ok ? "✔" : "✘"} ${r.name} (${r.seconds} s)`);
const failed = results.filter((r) => !r.ok);
process.exit(failed.length ? 1 : 0);
