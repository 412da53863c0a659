import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection URL here. The app itself never relies on this file:
// server/db resolves DATABASE_URL or starts the embedded PGlite (see scripts/db.ts).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx scripts/db.ts seed" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/switchboard" },
});
