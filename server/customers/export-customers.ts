import { stringify } from "csv-stringify/sync";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { assertCan, type Actor } from "../auth/actor";
import { insertCustomerAudit } from "./directory.repository";
import { readDirectoryPage, type CustomerListItem } from "./list-customers";
import type { CustomerFilters } from "./directory.schemas";

/** Rows per keyset batch: memory stays at one batch whatever the directory's size. */
export const EXPORT_BATCH = 1000;

const COLUMNS = [
  "id",
  "name",
  "email",
  "phone",
  "vip",
  "channels",
  "tags",
  "orders",
  "open_conversations",
  "last_contact_at",
  "created_at",
] as const;

/**
 * Spreadsheet apps run a cell that starts with = + - @ (or a tab / CR) as a formula: a customer named
 * `=HYPERLINK(…)` must not become one. Such cells get a leading apostrophe — except plain phone numbers.
 */
export function safeCell(value: string): string {
  if (/^[+-][\d\s().-]*$/.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function record(c: CustomerListItem): string[] {
  return [
    c.id,
    c.name ?? "",
    c.email ?? "",
    c.phone ?? "",
    c.vip ? "yes" : "no",
    [...c.channelKinds].sort().join(" "),
    c.tags.map((t) => t.name).join(", "),
    String(c.orderCount),
    String(c.openConversationCount),
    c.lastContactAt?.toISOString() ?? "",
    c.createdAt.toISOString(),
  ].map(safeCell);
}

/**
 * The directory under `filters` as CSV, pulled batch by batch (keyset, not OFFSET) only as fast as the client
 * reads: a ReadableStream's pull() runs when the consumer wants more, so 100k customers never sit in memory.
 * The export is audited before the first byte (who, which filter) and again with the row count at the end.
 */
export async function exportCustomersCsv(
  db: Db,
  actor: Actor,
  filters: CustomerFilters,
  opts: { batch?: number } = {},
): Promise<ReadableStream<Uint8Array>> {
  assertCan(actor, "customers.export");
  const batch = opts.batch ?? EXPORT_BATCH;
  const audit = (action: string, data: Prisma.InputJsonObject) =>
    insertCustomerAudit(db, { workspaceId: actor.workspaceId, actorId: actor.userId, action, data });
  const filterJson = JSON.parse(JSON.stringify(filters)) as Prisma.InputJsonObject;
  await audit("customers.export", { filters: filterJson });

  const encoder = new TextEncoder();
  let cursor: string | null = null;
  let started = false;
  let rows = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // a BOM so spreadsheet apps read UTF-8 names correctly
        controller.enqueue(encoder.encode(`\uFEFF${stringify([[...COLUMNS]])}`));
        return;
      }
      const page = await readDirectoryPage(db, actor, { filters, cursor, limit: batch });
      rows += page.items.length;
      if (page.items.length) controller.enqueue(encoder.encode(stringify(page.items.map(record))));
      cursor = page.nextCursor;
      if (!cursor) {
        await audit("customers.export.completed", { filters: filterJson, rows });
        controller.close();
      }
    },
  });
}
