// Shared SQL pieces of the set-based import writers.
import { Prisma } from "../../db/generated/client";

export type Tx = Prisma.TransactionClient;

/** A UUIDv7 per row (time-ordered like Prisma's uuid(7) ids, so new rows land at the right end of the indexes). */
export const UUID7 = Prisma.raw(
  `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`,
);

/** Prisma's DateTime columns are timestamp(3) holding UTC. */
export const NOW = Prisma.raw(`(now() AT TIME ZONE 'UTC')::timestamp(3)`);

/** An ISO instant for a timestamp(3)[] parameter (the Z is dropped by the cast: the column holds UTC). */
export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Runs a statement ending in `SELECT count(*)…` style columns and returns them as numbers. */
export async function counts<K extends string>(tx: Tx, query: Prisma.Sql): Promise<Record<K, number>> {
  const rows = await tx.$queryRaw<Record<K, bigint | number | null>[]>(query);
  const out = {} as Record<K, number>;
  for (const [k, v] of Object.entries(rows[0] ?? {})) out[k as K] = Number(v ?? 0);
  return out;
}

export type Range = { lo: number; hi: number };

/** Chunk boundaries over 0..n-1 (or first..last line) so each statement touches a bounded number of rows. */
export function ranges(first: number, last: number, size: number): Range[] {
  const out: Range[] = [];
  for (let lo = first; lo <= last; lo += size) out.push({ lo, hi: Math.min(last, lo + size - 1) });
  return out;
}

export type ImportCounts = Record<string, number>;
export const addCounts = (into: ImportCounts, add: Record<string, number>): void => {
  for (const [k, v] of Object.entries(add)) into[k] = (into[k] ?? 0) + v;
};
