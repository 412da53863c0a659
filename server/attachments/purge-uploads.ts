import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "../db/client";
import { attachmentStore } from "../lib/attachment-store";

export const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;
const BATCH_ROWS = 500;
/** bytes held in memory at once while deleting (see the restore step below) */
const BATCH_BYTES = 64 * 1024 * 1024;

/** Which of these keys no Attachment and no Upload row references (one indexed statement). */
async function unreferenced(db: Db, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.$queryRaw<{ key: string }[]>`
    SELECT k AS key FROM unnest(${keys}::text[]) AS k
    WHERE NOT EXISTS (SELECT 1 FROM "Attachment" a WHERE a."storageKey" = k)
      AND NOT EXISTS (SELECT 1 FROM "Upload" u WHERE u."storageKey" = k)`;
  return new Set(rows.map((r) => r.key));
}

/**
 * The cron task: uploads older than a day go. Unclaimed ones (never sent) take their bytes with them unless the same
 * bytes are still referenced elsewhere (the store is content-addressed and shared: the same PDF may be a customer's
 * attachment too). Claimed ones only lose the row; their bytes belong to the Attachment now.
 *
 * Races: someone may store identical bytes between our reference check and the delete (an email ingest or an upload
 * puts the bytes, then inserts its row). So the deleted bytes are held, and after a short settle the keys are checked
 * again; any that gained a reference are written back. An upload also re-puts after inserting its row (create-upload).
 */
export async function purgeStaleUploads(
  db: Db,
  opts: { now?: Date; settle?: () => Promise<void> } = {},
): Promise<{ uploads: number; objects: number }> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - UPLOAD_TTL_MS);
  const settle = opts.settle ?? (() => sleep(2000));
  const store = attachmentStore();
  let uploads = 0;
  let objects = 0;
  for (;;) {
    const rows = await db.upload.findMany({
      where: { createdAt: { lt: cutoff } },
      select: { id: true, storageKey: true, size: true, claimedAt: true },
      orderBy: { createdAt: "asc" },
      take: BATCH_ROWS,
    });
    if (rows.length === 0) break;
    await db.upload.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
    uploads += rows.length;
    const sizes = new Map(rows.filter((r) => !r.claimedAt).map((r) => [r.storageKey, r.size]));
    const orphans = [...(await unreferenced(db, [...sizes.keys()]))];
    while (orphans.length) {
      const held = new Map<string, Buffer>();
      let bytes = 0;
      while (orphans.length && (held.size === 0 || bytes + (sizes.get(orphans[0] ?? "") ?? 0) <= BATCH_BYTES)) {
        const key = orphans.shift() as string;
        const content = await store.get(key);
        if (!content) continue;
        held.set(key, content);
        bytes += content.length;
        await store.delete(key);
      }
      if (held.size === 0) continue;
      await settle();
      const stillOrphans = await unreferenced(db, [...held.keys()]);
      for (const [key, content] of held) {
        if (stillOrphans.has(key)) objects += 1;
        else await store.put(content); // someone referenced it meanwhile: put it back
      }
    }
    if (rows.length < BATCH_ROWS) break;
  }
  return { uploads, objects };
}
