import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** An embedded PostgreSQL (PGlite) served on a loopback port, so the app uses the same pg driver as in server mode. */
export type EmbeddedDatabase = { url: string; port: number; dataDir: string | null; close: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** dataDir null = in-memory (throwaway, for tests). */
export async function startEmbeddedDatabase(opts: { dataDir: string | null; port?: number }): Promise<EmbeddedDatabase> {
  if (opts.dataDir) fs.mkdirSync(path.dirname(opts.dataDir), { recursive: true });
  const db = opts.dataDir
    ? await PGlite.create(opts.dataDir, { extensions: { pg_trgm } })
    : await PGlite.create({ extensions: { pg_trgm } });
  const port = opts.port ?? (await freePort());
  // Every connection shares one PGlite; the socket server serialises queries (and whole transactions).
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 64 });
  await server.start();
  let closed = false;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    port,
    dataDir: opts.dataDir,
    close: async () => {
      if (closed) return;
      closed = true;
      await server.stop();
      await db.close();
    },
  };
}
