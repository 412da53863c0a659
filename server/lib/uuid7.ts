import { randomUUID } from "node:crypto";

/**
 * A UUIDv7 made here rather than by Prisma's `uuid(7)` default, for the rows raw statements insert (email ingest, auto-tags):
 * the message, conversation and event ids have to be known before the statement (they go into event payloads).
 * Time-ordered like Prisma's, so new rows land at the right end of the id indexes. randomUUID() draws from Node's
 * buffered entropy pool; its 48 leading bits become the millisecond timestamp and the version nibble becomes 7.
 */
export function uuid7(ms: number = Date.now()): string {
  const time = ms.toString(16).padStart(12, "0");
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${randomUUID().slice(15)}`;
}
