import { describe, expect, inject, it } from "vitest";
import pg from "pg";
import { startEmbeddedDatabase } from "./embedded";
import { applyMigrations, createMigration } from "./migrate";

async function tables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const res = await client.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    return res.rows.map((r) => r.t);
  } finally {
    await client.end();
  }
}

async function searchTriggerWorks(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const res = await client.query<{ ok: boolean }>(
      `SELECT to_tsvector('simple', 'where is my order') @@ plainto_tsquery('simple', 'order') AS ok`,
    );
    const trgm = await client.query<{ s: number }>(`SELECT similarity('switchboard', 'switchbored') AS s`);
    return res.rows[0]?.ok === true && (trgm.rows[0]?.s ?? 0) > 0.3;
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  it("apply cleanly to an empty embedded PGlite, and a second apply is a no-op", async () => {
    const db = await startEmbeddedDatabase({ dataDir: null });
    try {
      const first = await applyMigrations(db.url);
      expect(first.length).toBeGreaterThan(0);
      expect(await tables(db.url)).toEqual(expect.arrayContaining(["Conversation", "Message", "Customer", "_prisma_migrations"]));
      expect(await searchTriggerWorks(db.url)).toBe(true);
      expect(await applyMigrations(db.url)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it("apply cleanly to an empty PostgreSQL server database, and a second apply is a no-op", async (ctx) => {
    if (inject("embedded")) ctx.skip(); // no server configured: covered in CI where DATABASE_URL is a real server
    const base = new URL(inject("databaseUrl"));
    const name = `sb_migtest_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    try {
      expect((await applyMigrations(url.toString())).length).toBeGreaterThan(0);
      expect(await applyMigrations(url.toString())).toEqual([]);
      expect(await searchTriggerWorks(url.toString())).toBe(true);
    } finally {
      await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });

  it("the schema and the migration files agree (no drift)", async () => {
    const db = await startEmbeddedDatabase({ dataDir: null });
    try {
      // diff(migrations → schema) must be empty; createMigration writes nothing when it is
      expect(await createMigration(db.url, "drift_check")).toBeNull();
    } finally {
      await db.close();
    }
  });
});
