// Integration tests run against a real PostgreSQL: DATABASE_URL when set (CI), else a throwaway
// in-memory PGlite served on loopback (same driver path as the app).
import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../server/db/embedded";
import { applyMigrations } from "../server/db/migrate";
import { migrateQueue } from "../server/jobs/worker";

let embedded: EmbeddedDatabase | null = null;

export default async function setup(project: TestProject) {
  let url = process.env.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedDatabase({ dataDir: null });
    url = embedded.url;
    console.log(`[int] no DATABASE_URL: using a throwaway embedded PGlite on ${url}`);
  }
  await applyMigrations(url);
  await migrateQueue(url);
  project.provide("databaseUrl", url);
  project.provide("embedded", embedded !== null);
  return async () => {
    await embedded?.close();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    embedded: boolean;
  }
}
