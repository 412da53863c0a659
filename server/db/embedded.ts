import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { EMBEDDED_APPLICATION_NAME } from "./client";

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

type QueuedMessage = {
  handlerId: number;
  message: Uint8Array;
  resolve: (n: number) => void;
  reject: (e: unknown) => void;
  onData: (d: Uint8Array) => void;
};
type QueryQueue = {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
};

/** Frontend messages that end a request: Sync ends an extended-protocol batch, Query is a whole simple query. */
const SYNC = 0x53;
const SIMPLE_QUERY = 0x51;

/**
 * pglite-socket 0.2.17 queues each protocol MESSAGE separately, so two busy connections interleave their
 * Parse/Bind/Execute/Sync outside a transaction: one connection's Bind lands on the other's unnamed statement ("bind
 * message supplies 2800 parameters, but prepared statement "" requires 11", "unnamed prepared statement does not
 * exist"). This keeps a connection's batch whole: once a connection has sent a message of an unfinished extended-
 * protocol batch, only its messages run until its Sync (as the queue already does for a transaction). The version is
 * pinned; a different queue shape fails the start instead of silently losing the fix.
 */
function keepExtendedQueriesWhole(server: PGLiteSocketServer): void {
  const q = (server as unknown as { queryQueue?: QueryQueue }).queryQueue;
  if (!q || !Array.isArray(q.queue) || typeof q.processQueue !== "function" || typeof q.clearQueueForHandler !== "function") {
    throw new Error("pglite-socket's query queue changed shape: review keepExtendedQueriesWhole in server/db/embedded.ts");
  }
  let openBatch: number | null = null;
  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (handlerId) => {
    // a connection that goes away mid-batch must not hold the queue
    if (openBatch === handlerId) openBatch = null;
    clear(handlerId);
    void q.processQueue();
  };
  q.processQueue = async function processQueue(): Promise<void> {
    if (q.processing || q.queue.length === 0) return;
    q.processing = true;
    try {
      while (q.queue.length > 0) {
        const owner = q.db.isInTransaction() && q.lastHandlerId !== null ? q.lastHandlerId : openBatch;
        const at = owner === null ? 0 : q.queue.findIndex((m) => m.handlerId === owner);
        // the owner's next message has not arrived yet: wait for it (enqueue calls processQueue again)
        if (at === -1) break;
        const [item] = q.queue.splice(at, 1);
        if (!item) break;
        const type = item.message[0];
        openBatch = type === SYNC || type === SIMPLE_QUERY ? null : item.handlerId;
        let bytes = 0;
        try {
          await q.db.runExclusive(() =>
            q.db.execProtocolRawStream(item.message, {
              onRawData: (d: Uint8Array) => {
                bytes += d.length;
                item.onData(d);
              },
            }),
          );
        } catch (err) {
          item.reject(err);
          continue;
        }
        q.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      q.processing = false;
    }
  };
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
  keepExtendedQueriesWhole(server);
  await server.start();
  let closed = false;
  return {
    // the application_name tells createDb that every connection shares one session (no named prepared statements)
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable&application_name=${EMBEDDED_APPLICATION_NAME}`,
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
