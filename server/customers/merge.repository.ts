import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../lib/errors";
import type { MovedTable } from "./merge.schemas";

export type Tx = Prisma.TransactionClient;

export const mergeCustomerSelect = {
  id: true,
  workspaceId: true,
  name: true,
  email: true,
  phone: true,
  avatarUrl: true,
  locale: true,
  timezone: true,
  vip: true,
  attributes: true,
  lastContactAt: true,
  updatedAt: true,
  mergedIntoId: true,
} satisfies Prisma.CustomerSelect;
export type MergeCustomerRow = Prisma.CustomerGetPayload<{ select: typeof mergeCustomerSelect }>;

/**
 * Both customers of the workspace, row-locked (in id order, so two merges of the same pair cannot deadlock).
 * FOR UPDATE also makes a concurrent insert that references either customer (its FK check takes KEY SHARE)
 * wait for the merge to commit. NOT_FOUND when either is not in the workspace.
 */
export async function lockMergePair(tx: Tx, workspaceId: string, ids: [string, string]): Promise<Map<string, MergeCustomerRow>> {
  await tx.$queryRaw`SELECT id FROM "Customer" WHERE id = ANY(${ids}::uuid[]) AND "workspaceId" = ${workspaceId}::uuid ORDER BY id FOR UPDATE`;
  const rows = await tx.customer.findMany({ where: { id: { in: ids }, workspaceId }, select: mergeCustomerSelect });
  if (rows.length !== 2) throw new AppError("NOT_FOUND", "Customer not found");
  return new Map(rows.map((r) => [r.id, r]));
}

export function findMergeCustomers(db: Db, workspaceId: string, ids: string[]): Promise<MergeCustomerRow[]> {
  return db.customer.findMany({ where: { id: { in: ids }, workspaceId }, select: mergeCustomerSelect });
}

/** Tables whose rows simply change owner (customerId), each looked up through its customerId index. */
const PLAIN_TABLES = ["CustomerIdentity", "Conversation", "Order", "Note", "Message", "SurveyResponse", "CampaignRecipient"] as const;

export type MoveResult = {
  moved: Record<MovedTable, string[]>;
  dropped: { CustomerTag: Record<string, unknown>[]; CampaignRecipient: Record<string, unknown>[] };
  /** the moved conversations' teams (events for the inboxes) */
  conversations: { id: string; teamId: string | null }[];
};

/**
 * Moves every row of `fromId` to `toId`. Rows that would collide with one the kept customer already has — the same
 * tag (CustomerTag's key is (customerId, tagId)), the same campaign (unique (campaignId, customerId)) — are
 * deleted instead, and returned whole (to_jsonb) so unmerge can re-insert them exactly. Raw UPDATEs: a change
 * of owner is not an edit of the row, so updatedAt stays as it was (and comes back identical on unmerge).
 */
export async function moveCustomerRows(tx: Tx, workspaceId: string, fromId: string, toId: string): Promise<MoveResult> {
  const ws = Prisma.sql`${workspaceId}::uuid`;
  const dropped = {
    CustomerTag: (
      await tx.$queryRaw<{ row: Record<string, unknown> }[]>`
        DELETE FROM "CustomerTag" m WHERE m."customerId" = ${fromId}::uuid AND m."workspaceId" = ${ws}
          AND EXISTS (SELECT 1 FROM "CustomerTag" k WHERE k."customerId" = ${toId}::uuid AND k."tagId" = m."tagId")
        RETURNING to_jsonb(m.*) AS row`
    ).map((r) => r.row),
    CampaignRecipient: (
      await tx.$queryRaw<{ row: Record<string, unknown> }[]>`
        DELETE FROM "CampaignRecipient" m WHERE m."customerId" = ${fromId}::uuid AND m."workspaceId" = ${ws}
          AND EXISTS (SELECT 1 FROM "CampaignRecipient" k WHERE k."customerId" = ${toId}::uuid AND k."campaignId" = m."campaignId")
        RETURNING to_jsonb(m.*) AS row`
    ).map((r) => r.row),
  };
  const moved = {} as Record<MovedTable, string[]>;
  let conversations: { id: string; teamId: string | null }[] = [];
  for (const table of PLAIN_TABLES) {
    const rows = await tx.$queryRaw<{ id: string; teamId?: string | null }[]>`
      UPDATE ${Prisma.raw(`"${table}"`)} SET "customerId" = ${toId}::uuid
      WHERE "customerId" = ${fromId}::uuid AND "workspaceId" = ${ws}
      RETURNING id ${table === "Conversation" ? Prisma.sql`, "teamId"` : Prisma.empty}`;
    moved[table] = rows.map((r) => r.id).sort();
    if (table === "Conversation") conversations = rows.map((r) => ({ id: r.id, teamId: r.teamId ?? null }));
  }
  const tags = await tx.$queryRaw<{ tagId: string }[]>`
    UPDATE "CustomerTag" SET "customerId" = ${toId}::uuid WHERE "customerId" = ${fromId}::uuid AND "workspaceId" = ${ws} RETURNING "tagId"`;
  moved.CustomerTag = tags.map((t) => t.tagId).sort();
  return { moved, dropped, conversations };
}

/**
 * Puts moved rows back on `toId` (the merged customer) — only those still on `fromId` (the kept one): a row
 * that has since left it (deleted, or moved by someone) is not pulled back — and re-inserts the dropped
 * duplicates unless their tag / campaign has been deleted meanwhile (a deleted conversation link becomes NULL).
 */
export async function restoreCustomerRows(
  tx: Tx,
  workspaceId: string,
  fromId: string,
  toId: string,
  snap: { moved: Record<MovedTable, string[]>; dropped: MoveResult["dropped"] },
): Promise<{ conversations: { id: string; teamId: string | null }[] }> {
  const ws = Prisma.sql`${workspaceId}::uuid`;
  let conversations: { id: string; teamId: string | null }[] = [];
  for (const table of PLAIN_TABLES) {
    const ids = snap.moved[table];
    if (ids.length === 0) continue;
    const rows = await tx.$queryRaw<{ id: string; teamId?: string | null }[]>`
      UPDATE ${Prisma.raw(`"${table}"`)} SET "customerId" = ${toId}::uuid
      WHERE id = ANY(${ids}::uuid[]) AND "customerId" = ${fromId}::uuid AND "workspaceId" = ${ws}
      RETURNING id ${table === "Conversation" ? Prisma.sql`, "teamId"` : Prisma.empty}`;
    if (table === "Conversation") conversations = rows.map((r) => ({ id: r.id, teamId: r.teamId ?? null }));
  }
  if (snap.moved.CustomerTag.length) {
    await tx.$executeRaw`UPDATE "CustomerTag" SET "customerId" = ${toId}::uuid
      WHERE "customerId" = ${fromId}::uuid AND "tagId" = ANY(${snap.moved.CustomerTag}::uuid[]) AND "workspaceId" = ${ws}`;
  }
  if (snap.dropped.CustomerTag.length) {
    await tx.$executeRaw`INSERT INTO "CustomerTag"
      SELECT r.* FROM jsonb_populate_recordset(NULL::"CustomerTag", ${JSON.stringify(snap.dropped.CustomerTag)}::jsonb) r
      WHERE EXISTS (SELECT 1 FROM "Tag" t WHERE t.id = r."tagId")
      ON CONFLICT DO NOTHING`;
  }
  if (snap.dropped.CampaignRecipient.length) {
    await tx.$executeRaw`INSERT INTO "CampaignRecipient"
      SELECT r.* FROM jsonb_populate_recordset(NULL::"CampaignRecipient", (
        SELECT jsonb_agg(CASE WHEN e->>'conversationId' IS NULL
            OR EXISTS (SELECT 1 FROM "Conversation" c WHERE c.id = (e->>'conversationId')::uuid)
          THEN e ELSE jsonb_set(e, '{conversationId}', 'null'::jsonb) END)
        FROM jsonb_array_elements(${JSON.stringify(snap.dropped.CampaignRecipient)}::jsonb) e
      )) r
      WHERE EXISTS (SELECT 1 FROM "Campaign" c WHERE c.id = r."campaignId")
      ON CONFLICT DO NOTHING`;
  }
  return { conversations };
}

export type MergeCounts = Record<MovedTable, number> & { sharedTags: number; sharedCampaigns: number };

/** What a merge of `fromId` into `toId` would move, in one statement (each count through a customerId index). */
export async function countCustomerRows(db: Db, workspaceId: string, fromId: string, toId: string): Promise<MergeCounts> {
  const from = Prisma.sql`${fromId}::uuid`;
  const count = (table: string) =>
    Prisma.sql`(SELECT count(*)::int FROM ${Prisma.raw(`"${table}"`)} WHERE "customerId" = ${from} AND "workspaceId" = ${workspaceId}::uuid)`;
  const [row] = await db.$queryRaw<MergeCounts[]>`
    SELECT ${count("CustomerIdentity")} AS "CustomerIdentity", ${count("Conversation")} AS "Conversation", ${count("Order")} AS "Order",
      ${count("Note")} AS "Note", ${count("Message")} AS "Message", ${count("SurveyResponse")} AS "SurveyResponse",
      ${count("CampaignRecipient")} AS "CampaignRecipient", ${count("CustomerTag")} AS "CustomerTag",
      (SELECT count(*)::int FROM "CustomerTag" m WHERE m."customerId" = ${from}
        AND EXISTS (SELECT 1 FROM "CustomerTag" k WHERE k."customerId" = ${toId}::uuid AND k."tagId" = m."tagId")) AS "sharedTags",
      (SELECT count(*)::int FROM "CampaignRecipient" m WHERE m."customerId" = ${from}
        AND EXISTS (SELECT 1 FROM "CampaignRecipient" k WHERE k."customerId" = ${toId}::uuid AND k."campaignId" = m."campaignId")) AS "sharedCampaigns"`;
  if (!row) throw new AppError("INTERNAL", "Could not count the customer's rows");
  return row;
}

export function updateCustomerForMerge(tx: Tx, id: string, data: Prisma.CustomerUncheckedUpdateInput): Promise<MergeCustomerRow> {
  // updatedAt is always given explicitly: Prisma then writes that value instead of now()
  return tx.customer.update({ where: { id }, data, select: mergeCustomerSelect });
}

export async function insertMergeRecord(
  tx: Tx,
  row: { workspaceId: string; keptId: string; mergedId: string; actorId: string; snapshot: Prisma.InputJsonObject; createdAt: Date },
): Promise<{ id: string }> {
  return tx.customerMerge.create({ data: row, select: { id: true } });
}

export type MergeRecordRow = { id: string; keptId: string; mergedId: string; snapshot: unknown; createdAt: Date; undoneAt: Date | null };

/** The merge record, row-locked so two undos of it serialise; NOT_FOUND outside the workspace. */
export async function lockMergeRecord(tx: Tx, workspaceId: string, id: string): Promise<MergeRecordRow> {
  const [row] = await tx.$queryRaw<MergeRecordRow[]>`
    SELECT id, "keptId", "mergedId", snapshot, "createdAt", "undoneAt" FROM "CustomerMerge"
    WHERE id = ${id}::uuid AND "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND", "Merge not found");
  return row;
}

/**
 * Active merges after this one that touched either of its customers (CustomerMerge(workspaceId, keptId|mergedId)
 * indexes): the rows and fields this merge changed may have moved again, so those must be undone first.
 */
function laterMergeSql(ws: Prisma.Sql, m: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT l.id FROM "CustomerMerge" l
    WHERE l."workspaceId" = ${ws} AND l."undoneAt" IS NULL AND l.id <> ${m}.id AND (l."createdAt", l.id) > (${m}."createdAt", ${m}.id)
      AND (l."keptId" IN (${m}."keptId", ${m}."mergedId") OR l."mergedId" IN (${m}."keptId", ${m}."mergedId"))
    ORDER BY l."createdAt", l.id LIMIT 1`;
}

export async function findLaterMerge(
  tx: Tx,
  workspaceId: string,
  mergeId: string,
): Promise<{ id: string; keptName: string | null; mergedName: string | null } | null> {
  const ws = Prisma.sql`${workspaceId}::uuid`;
  const [row] = await tx.$queryRaw<{ id: string; keptName: string | null; mergedName: string | null }[]>`
    SELECT l.id, coalesce(k.name, k.email) AS "keptName", coalesce(d.name, d.email) AS "mergedName"
    FROM "CustomerMerge" m
    JOIN "CustomerMerge" l ON l.id = (${laterMergeSql(ws, Prisma.raw("m"))})
    LEFT JOIN "Customer" k ON k.id = l."keptId" LEFT JOIN "Customer" d ON d.id = l."mergedId"
    WHERE m.id = ${mergeId}::uuid AND m."workspaceId" = ${ws}`;
  return row ?? null;
}

export async function markMergeUndone(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.customerMerge.update({ where: { id }, data: { undoneAt: at }, select: { id: true } });
}

export type MergeHistoryRow = {
  id: string;
  keptId: string;
  mergedId: string;
  keptName: string | null;
  mergedName: string | null;
  actorName: string | null;
  createdAt: Date;
  undoneAt: Date | null;
  counts: unknown;
  blockedById: string | null;
};

/** A customer's merges (as the kept or the merged record), newest first, each with the later merge that blocks its undo. */
export function findMergeHistory(db: Db, workspaceId: string, customerId: string, take: number): Promise<MergeHistoryRow[]> {
  const ws = Prisma.sql`${workspaceId}::uuid`;
  return db.$queryRaw<MergeHistoryRow[]>`
    SELECT m.id, m."keptId", m."mergedId", coalesce(k.name, k.email) AS "keptName", coalesce(d.name, d.email) AS "mergedName",
      u.name AS "actorName", m."createdAt", m."undoneAt", m.snapshot->'counts' AS counts,
      CASE WHEN m."undoneAt" IS NULL THEN (${laterMergeSql(ws, Prisma.raw("m"))}) END AS "blockedById"
    FROM "CustomerMerge" m
    LEFT JOIN "Customer" k ON k.id = m."keptId" LEFT JOIN "Customer" d ON d.id = m."mergedId" LEFT JOIN "User" u ON u.id = m."actorId"
    WHERE m."workspaceId" = ${ws} AND (m."keptId" = ${customerId}::uuid OR m."mergedId" = ${customerId}::uuid)
    ORDER BY m."createdAt" DESC, m.id DESC
    LIMIT ${take}`;
}
