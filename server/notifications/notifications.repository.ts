import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { conversationScope } from "../inbox/inbox.repository";
import type { Keyset } from "../inbox/cursor";

export type Tx = Prisma.TransactionClient;

/** Only ever the caller's own notifications, in the current workspace. */
function ownScope(actor: Actor): Prisma.NotificationWhereInput {
  return { userId: actor.userId, workspaceId: actor.workspaceId };
}

export const notificationSelect = {
  id: true,
  kind: true,
  createdAt: true,
  readAt: true,
  data: true,
  message: { select: { conversationId: true, text: true, deletedAt: true, author: { select: { name: true } } } },
} satisfies Prisma.NotificationSelect;
export type NotificationRow = Prisma.NotificationGetPayload<{ select: typeof notificationSelect }>;

/** Newest first, keyset on (createdAt, id): rows strictly after `after` in that order. */
export function findOwnNotifications(db: Db, actor: Actor, after: Keyset | null, take: number): Promise<NotificationRow[]> {
  const keyset: Prisma.NotificationWhereInput = after
    ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }
    : {};
  return db.notification.findMany({
    where: { AND: [ownScope(actor), keyset] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: notificationSelect,
  });
}

/** The conversations among `ids` the actor can still reach (one query for a whole page). */
export function findReachableConversations(db: Db, actor: Actor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.conversation.findMany({
    where: { AND: [conversationScope(actor), { id: { in: ids } }] },
    select: { id: true, number: true, subject: true },
  });
}

/** COUNT over a LIMITed subquery: stops after `upTo` unread rows. */
export function countOwnUnread(db: Db, actor: Actor, upTo: number): Promise<number> {
  return db.notification.count({ where: { ...ownScope(actor), readAt: null }, take: upTo });
}

/** Marks the caller's unread notifications (those in `ids`, or all) read; another user's ids simply match nothing. */
export async function markOwnRead(db: Db, actor: Actor, ids: string[] | "all", at: Date): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { ...ownScope(actor), readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) },
    data: { readAt: at },
  });
  return count;
}

export async function insertNotifications(tx: Tx, rows: Prisma.NotificationCreateManyInput[]): Promise<void> {
  if (rows.length) await tx.notification.createMany({ data: rows });
}
