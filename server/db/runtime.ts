// Resolves which database the process uses: DATABASE_URL (server mode) or an embedded PGlite
// (default) started in this process and exposed on loopback. Used by scripts, never by the Next bundle.
import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded";

export type DbMode = "embedded" | "server";
export type ResolvedDatabase = { url: string; mode: DbMode; embedded: EmbeddedDatabase | null };

export const DATA_DIR = path.resolve(process.env.SWITCHBOARD_DATA_DIR ?? ".data");

export async function resolveDatabase(): Promise<ResolvedDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) return { url, mode: "server", embedded: null };
  const dataDir = process.env.PGLITE_DIR ? path.resolve(process.env.PGLITE_DIR) : path.join(DATA_DIR, "pglite");
  const port = process.env.EMBEDDED_DB_PORT ? Number(process.env.EMBEDDED_DB_PORT) : undefined;
  const embedded = await startEmbeddedDatabase({ dataDir, port });
  return { url: embedded.url, mode: "embedded", embedded };
}
