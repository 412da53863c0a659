import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Inputs of `next build`: when any changes (by path, size, mtime), the next start rebuilds.
const INPUTS = ["app", "components", "server", "lib", "next.config.js", "postcss.config.mjs", "package.json", "tsconfig.json"];
const DIST = process.env.NEXT_DIST_DIR || ".next";
const STAMP = `${DIST}/switchboard-build-stamp`;

function fingerprint(root: string): string {
  const h = crypto.createHash("sha256");
  const walk = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) if (name !== "node_modules" && !name.startsWith(".")) walk(path.join(p, name));
    } else {
      h.update(`${path.relative(root, p)}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  for (const input of INPUTS) walk(path.join(root, input));
  return h.digest("hex");
}

export function buildIsCurrent(root: string): boolean {
  const stamp = path.join(root, STAMP);
  if (!fs.existsSync(path.join(root, DIST, "BUILD_ID")) || !fs.existsSync(stamp)) return false;
  return fs.readFileSync(stamp, "utf8") === fingerprint(root);
}

export function writeBuildStamp(root: string): void {
  fs.writeFileSync(path.join(root, STAMP), fingerprint(root));
}
