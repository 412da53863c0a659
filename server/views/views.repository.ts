import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { queryRows } from "../db/sql";
import type { Actor } from "../auth/actor";

export type Tx = Prisma.TransactionClient;

/** Views the actor may see: their own personal views and the workspace's shared ones (userId null). */
export function savedViewScope(actor: Actor): Prisma.SavedViewWhereInput {
  return { workspaceId: actor.workspaceId, OR: [{ userId: actor.userId }, { userId: null }] };
}

export const savedViewSelect = {
  id: true,
  userId: true,
  name: true,
  filters: true,
  sort: true,
  position: true,
  createdAt: true,
} satisfies Prisma.SavedViewSelect;
export type SavedViewRow = Prisma.SavedViewGetPayload<{ select: typeof savedViewSelect }>;

export function findVisibleViews(db: Db | Tx, actor: Actor): Promise<SavedViewRow[]> {
  return db.savedView.findMany({
    where: savedViewScope(actor),
    // shared views first, then the caller's own; each group by its position
    orderBy: [{ userId: { sort: "asc", nulls: "first" } }, { position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: savedViewSelect,
  });
}

export function findVisibleView(db: Db | Tx, actor: Actor, id: string): Promise<SavedViewRow | null> {
  return db.savedView.findFirst({ where: { AND: [savedViewScope(actor), { id }] }, select: savedViewSelect });
}

/** Serialises writes to one owner's list of views (limit and unique names have no DB constraint). */
export async function lockOwnerViews(tx: Tx, workspaceId: string, userId: string | null): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`saved-views:${workspaceId}:${userId ?? "shared"}`}))`;
}

/** The owner's views (userId null: the workspace's shared ones), minus `exceptId`. */
export function findOwnerViews(tx: Tx, workspaceId: string, userId: string | null, exceptId?: string) {
  return tx.savedView.findMany({
    where: { workspaceId, userId, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true, name: true, position: true },
  });
}

export function insertView(tx: Tx, data: Prisma.SavedViewUncheckedCreateInput): Promise<SavedViewRow> {
  return tx.savedView.create({ data, select: savedViewSelect });
}

export function updateView(tx: Tx, id: string, data: Prisma.SavedViewUncheckedUpdateInput): Promise<SavedViewRow> {
  return tx.savedView.update({ where: { id }, data, select: savedViewSelect });
}

export async function deleteView(db: Db, id: string): Promise<void> {
  await db.savedView.delete({ where: { id }, select: { id: true } });
}

export async function setPositions(tx: Tx, positions: { id: string; position: number }[]): Promise<void> {
  for (const p of positions) await tx.savedView.update({ where: { id: p.id }, data: { position: p.position }, select: { id: true } });
}

/**
 * COUNT over a LIMITed subquery that stops after `upTo` rows. Ordered like the newest-first list so the planner
 * can walk the (workspaceId, [col,] status, lastMessageAt, id) indexes and stop early (ordered by id it would visit
 * every match before the LIMIT applies). `where` is a condition on "Conversation" c.
 */
export async function countConversationsUpTo(db: Db, where: Prisma.Sql, upTo: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    Prisma.sql`SELECT count(*)::int AS n FROM (
      SELECT 1 FROM "Conversation" c WHERE ${where} ORDER BY c."lastMessageAt" DESC, c.id DESC LIMIT ${upTo}) page`,
  );
  return row?.n ?? 0;
}
