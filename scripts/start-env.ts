import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Loads .env (if present) without overriding the real environment. */
export function loadDotEnv(root: string): void {
  const file = path.join(root, ".env");
  if (!fs.existsSync(file)) return;
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (!m?.[1] || line.trim().startsWith("#")) continue;
    const value = (m[2] ?? "").replace(/^(['"])(.*)\1$/, "$2");
    process.env[m[1]] ??= value;
  }
}

/** A random secret persisted in the data dir, so sessions survive restarts without configuration. */
export function ensureSecret(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
