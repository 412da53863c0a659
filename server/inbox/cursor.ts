import { AppError } from "../lib/errors";

/** Keyset cursor over (timestamp, id), opaque to clients. */
export type Keyset = { at: Date; id: string };
/** With a leading rank (e.g. priority) for multi-column orders. */
export type RankedKeyset = Keyset & { rank: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(k: Keyset | RankedKeyset): string {
  const parts = "rank" in k ? [k.rank, k.at.toISOString(), k.id] : [k.at.toISOString(), k.id];
  return Buffer.from(parts.join("|"), "utf8").toString("base64url");
}

function parse(cursor: string): string[] {
  return Buffer.from(cursor, "base64url").toString("utf8").split("|");
}

function keyset(iso: string | undefined, id: string | undefined): Keyset {
  const at = new Date(iso ?? "");
  if (!id || Number.isNaN(at.getTime()) || !UUID.test(id)) throw new AppError("BAD_REQUEST", "Invalid cursor");
  return { at, id };
}

export function decodeCursor(cursor: string): Keyset {
  const parts = parse(cursor);
  if (parts.length !== 2) throw new AppError("BAD_REQUEST", "Invalid cursor");
  return keyset(parts[0], parts[1]);
}

export function decodeRankedCursor(cursor: string, ranks: readonly string[]): RankedKeyset {
  const parts = parse(cursor);
  const rank = parts[0] ?? "";
  if (parts.length !== 3 || !ranks.includes(rank)) throw new AppError("BAD_REQUEST", "Invalid cursor");
  return { rank, ...keyset(parts[1], parts[2]) };
}
