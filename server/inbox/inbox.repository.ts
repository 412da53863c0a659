import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { ConversationStatus, Priority } from "../db/generated/enums";
import { seesAllQueues, type Actor } from "../auth/actor";
import type { Keyset, RankedKeyset } from "./cursor";

/** Rows the actor may reach: their workspace, and for volunteers only their teams' queues. */
export function conversationScope(actor: Actor): Prisma.ConversationWhereInput {
  if (seesAllQueues(actor)) return { workspaceId: actor.workspaceId };
  return { workspaceId: actor.workspaceId, teamId: { in: actor.teamIds } };
}

/** conversationScope for raw SQL (search): `alias` is the "Conversation" row to restrict. */
export function conversationScopeSql(actor: Actor, alias: Prisma.Sql): Prisma.Sql {
  const workspace = Prisma.sql`${alias}."workspaceId" = ${actor.workspaceId}::uuid`;
  if (seesAllQueues(actor)) return workspace;
  return Prisma.sql`${workspace} AND ${alias}."teamId" = ANY(${actor.teamIds}::uuid[])`;
}

export const conversationListSelect = {
  id: true,
  number: true,
  subject: true,
  preview: true,
  status: true,
  priority: true,
  lastMessageAt: true,
  waitingSince: true,
  slaDueAt: true,
  snoozedUntil: true,
  channel: { select: { id: true, kind: true, name: true } },
  customer: { select: { id: true, name: true, email: true, vip: true } },
  assignee: { select: { id: true, name: true } },
  team: { select: { id: true, name: true } },
  tags: { select: { tag: { select: { id: true, name: true, color: true } } } },
} satisfies Prisma.ConversationSelect;

export type ConversationListRow = Prisma.ConversationGetPayload<{ select: typeof conversationListSelect }>;

export const PRIORITY_ORDER: readonly Priority[] = ["NONE", "LOW", "NORMAL", "HIGH", "URGENT"];

export type ListOrder =
  | { sort: "newest"; after: Keyset | null }
  | { sort: "oldest"; after: Keyset | null }
  | { sort: "waiting"; after: Keyset | null }
  | { sort: "priority"; after: RankedKeyset | null };

/** Keyset predicate + ORDER BY for each sort; each is served by a (workspaceId, [scope col,] status, …) index. */
function ordering(order: ListOrder): { where: Prisma.ConversationWhereInput; orderBy: Prisma.ConversationOrderByWithRelationInput[] } {
  const a = order.after;
  switch (order.sort) {
    case "newest":
      return {
        where: a ? { OR: [{ lastMessageAt: { lt: a.at } }, { lastMessageAt: a.at, id: { lt: a.id } }] } : {},
        orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
      };
    case "oldest":
      return {
        where: a ? { OR: [{ lastMessageAt: { gt: a.at } }, { lastMessageAt: a.at, id: { gt: a.id } }] } : {},
        orderBy: [{ lastMessageAt: "asc" }, { id: "asc" }],
      };
    case "waiting":
      return {
        where: { waitingSince: { not: null }, ...(a ? { OR: [{ waitingSince: { gt: a.at } }, { waitingSince: a.at, id: { gt: a.id } }] } : {}) },
        orderBy: [{ waitingSince: "asc" }, { id: "asc" }],
      };
    case "priority": {
      if (!order.after) return { where: {}, orderBy: [{ priority: "desc" }, { lastMessageAt: "desc" }, { id: "desc" }] };
      const k = order.after;
      const lower = PRIORITY_ORDER.slice(0, PRIORITY_ORDER.indexOf(k.rank as Priority));
      return {
        where: {
          OR: [
            { priority: { in: [...lower] } },
            { priority: k.rank as Priority, OR: [{ lastMessageAt: { lt: k.at } }, { lastMessageAt: k.at, id: { lt: k.id } }] },
          ],
        },
        orderBy: [{ priority: "desc" }, { lastMessageAt: "desc" }, { id: "desc" }],
      };
    }
  }
}

export function findConversationPage(
  db: Db,
  args: { scope: Prisma.ConversationWhereInput; status: ConversationStatus; filter: Prisma.ConversationWhereInput; order: ListOrder; take: number },
): Promise<ConversationListRow[]> {
  const { where, orderBy } = ordering(args.order);
  return db.conversation.findMany({
    where: { AND: [args.scope, { status: args.status }, args.filter, where] },
    orderBy,
    take: args.take,
    select: conversationListSelect,
  });
}
