// npm run db:migrate | db:migration:create -- <name> | db:seed — offline, on DATABASE_URL or the embedded PGlite.
import { resolveDatabase } from "../server/db/runtime";
import { applyMigrations, createMigration } from "../server/db/migrate";

async function main() {
  const [cmd, name] = process.argv.slice(2);
  const db = await resolveDatabase();
  process.env.DATABASE_URL = db.url;
  try {
    if (cmd === "migrate") {
      const applied = await applyMigrations(db.url);
      console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
    } else if (cmd === "create") {
      if (!name) throw new Error("usage: npm run db:migration:create -- <name>");
      // the diff is computed from the migration files, but the engine wants a live connection
      const dir = await createMigration(db.url, name);
      console.log(dir ? `created ${dir}` : "no schema changes");
    } else if (cmd === "seed") {
      await applyMigrations(db.url);
      const { seedDemo } = await import("../prisma/seed/demo");
      const { getDb, disconnectDb } = await import("../server/db/client");
      const result = await seedDemo(getDb(), { force: process.argv.includes("--force") });
      console.log(result);
      await disconnectDb();
    } else {
      throw new Error(`unknown command ${cmd ?? ""}: use migrate | create <name> | seed`);
    }
  } finally {
    await db.embedded?.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
