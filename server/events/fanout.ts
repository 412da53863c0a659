import crypto from "node:crypto";
import pg from "pg";
import { publishLocal, type BusEvent } from "./bus";

/**
 * Cross-instance fan-out. Server mode: PostgreSQL LISTEN/NOTIFY, published after commit and batched
 * (one NOTIFY per ~20 ms window, never inside a write transaction). Embedded mode: one process, nothing to do.
 */
export interface Fanout {
  send(events: BusEvent[]): void;
  /** start receiving other instances' events (idempotent) */
  listen(): Promise<void>;
  close(): Promise<void>;
}

const CHANNEL = "switchboard_events";
const MAX_PAYLOAD = 7000; // NOTIFY payloads must stay under 8000 bytes

class PgFanout implements Fanout {
  private readonly origin = crypto.randomUUID();
  private queue: BusEvent[] = [];
  private timer: NodeJS.Timeout | null = null;
  private pool: pg.Pool;
  private listener: pg.Client | null = null;
  private listening: Promise<void> | null = null;

  constructor(
    private readonly url: string,
    private readonly deliver: (e: BusEvent) => void = publishLocal,
  ) {
    this.pool = new pg.Pool({ connectionString: url, max: 2 });
  }

  send(events: BusEvent[]): void {
    this.queue.push(...events);
    this.timer ??= setTimeout(() => void this.flush(), 20);
  }

  private async flush(): Promise<void> {
    this.timer = null;
    const events = this.queue;
    this.queue = [];
    const batches: string[] = [];
    let current: BusEvent[] = [];
    const encode = (evs: BusEvent[]) => JSON.stringify({ o: this.origin, e: evs });
    for (const e of events) {
      if (current.length && encode([...current, e]).length > MAX_PAYLOAD) {
        batches.push(encode(current));
        current = [];
      }
      current.push(e);
    }
    if (current.length) batches.push(encode(current));
    for (const payload of batches) {
      try {
        await this.pool.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]);
      } catch (err) {
        console.error("[events] NOTIFY failed; other instances will catch up on reconnect:", (err as Error).message);
      }
    }
  }

  listen(): Promise<void> {
    this.listening ??= this.connectListener();
    return this.listening;
  }

  private async connectListener(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on("notification", (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      try {
        const { o, e } = JSON.parse(msg.payload) as { o: string; e: BusEvent[] };
        if (o === this.origin) return; // our own events were published locally already
        for (const event of e) this.deliver(event);
      } catch {
        /* a foreign or truncated payload: ignore */
      }
    });
    client.on("error", (err) => {
      console.error("[events] LISTEN connection lost, reconnecting:", err.message);
      this.listener = null;
      this.listening = null;
      setTimeout(() => void this.listen(), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
  }

  async close(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      await this.flush();
    }
    await this.listener?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}

class LocalFanout implements Fanout {
  send(): void {}
  listen(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

const g = globalThis as unknown as { __switchboardFanout?: Fanout };

export function fanout(): Fanout {
  if (!g.__switchboardFanout) {
    const url = process.env.DATABASE_URL;
    const embedded = process.env.SWITCHBOARD_DB_MODE === "embedded";
    g.__switchboardFanout = url && !embedded ? new PgFanout(url) : new LocalFanout();
  }
  return g.__switchboardFanout;
}

/** For tests and tools: an explicit fan-out on a given database (e.g. two "instances" in one process). */
export function createPgFanout(url: string, deliver?: (e: BusEvent) => void): Fanout {
  return new PgFanout(url, deliver);
}
