import type { z } from "zod";
import type { Db } from "../db/client";
import { assertCan, type Actor } from "../auth/actor";
import { AppError } from "../lib/errors";
import { findDirectoryPage, type DirectoryKeyset, type DirectoryRow } from "./directory.repository";
import type { CustomerFilters, CustomerSort, ZListCustomersInput } from "./directory.schemas";

export type CustomerListItem = Omit<DirectoryRow, "seg">;
export type CustomerListPage = { items: CustomerListItem[]; nextCursor: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque cursor: the sort it belongs to, the segment, the sort value and the id of the last row. */
export function encodeDirectoryCursor(sort: CustomerSort, k: DirectoryKeyset): string {
  return Buffer.from(JSON.stringify([sort, k.seg, k.value, k.id]), "utf8").toString("base64url");
}

export function decodeDirectoryCursor(sort: CustomerSort, cursor: string): DirectoryKeyset {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new AppError("BAD_REQUEST", "Invalid cursor");
  }
  if (!Array.isArray(parts) || parts.length !== 4) throw new AppError("BAD_REQUEST", "Invalid cursor");
  const [s, seg, value, id] = parts as unknown[];
  // a cursor from another sort would be a position in a different order
  if (s !== sort || (seg !== 0 && seg !== 1) || typeof id !== "string" || !UUID.test(id))
    throw new AppError("BAD_REQUEST", "Invalid cursor");
  if (value !== null && typeof value !== "string") throw new AppError("BAD_REQUEST", "Invalid cursor");
  if (sort !== "name" && seg === 0 && (value === null || Number.isNaN(new Date(value).getTime())))
    throw new AppError("BAD_REQUEST", "Invalid cursor");
  return { seg, value, id };
}

/** The keyset of a row in its sort (timestamps as ISO strings: exact to the millisecond, like timestamp(3)). */
function keysetOf(sort: CustomerSort, row: DirectoryRow): DirectoryKeyset {
  switch (sort) {
    case "recent":
      return { seg: row.seg, value: row.lastContactAt?.toISOString() ?? null, id: row.id };
    case "name":
      return { seg: row.seg, value: row.name, id: row.id };
    case "created":
      return { seg: 0, value: row.createdAt.toISOString(), id: row.id };
  }
}

/**
 * One keyset page of the directory plus the cursor after it. Also the export's batch reader: it asserts nothing
 * beyond the workspace/actor scoping in the SQL, so callers check their own permission.
 */
export async function readDirectoryPage(
  db: Db,
  actor: Actor,
  args: { filters: CustomerFilters; cursor: string | null | undefined; limit: number },
): Promise<CustomerListPage> {
  const after = args.cursor ? decodeDirectoryCursor(args.filters.sort, args.cursor) : null;
  const rows = await findDirectoryPage(db, actor, { filters: args.filters, after, take: args.limit + 1 });
  const page = rows.slice(0, args.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ seg: _seg, ...row }) => row),
    nextCursor: rows.length > args.limit && last ? encodeDirectoryCursor(args.filters.sort, keysetOf(args.filters.sort, last)) : null,
  };
}

/** customers.list: the directory, filtered and sorted, merged-away records hidden. */
export function listCustomers(db: Db, actor: Actor, input: z.output<typeof ZListCustomersInput>): Promise<CustomerListPage> {
  assertCan(actor, "customers.list");
  const { cursor, limit, ...filters } = input;
  return readDirectoryPage(db, actor, { filters, cursor, limit });
}
