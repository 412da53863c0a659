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

/** A list row's own columns; its relations come from loadListRelations in one statement for the whole page. */
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
  channelId: true,
  customerId: true,
  assigneeId: true,
  teamId: true,
} satisfies Prisma.ConversationSelect;

export type ConversationPageRow = Prisma.ConversationGetPayload<{ select: typeof conversationListSelect }>;

export const PRIORITY_ORDER: readonly Priority[] = ["NONE", "LOW", "NORMAL", "HIGH", "URGENT"];

export type ListOrder =
  | { sort: "newest"; after: Keyset | null }
  | { sort: "oldest"; after: Keyset | null }
  | { sort: "waiting"; after: Keyset | null }
  | { sort: "priority"; after: RankedKeyset | null }
  /** rank "due" (at = slaDueAt) or "none" (no SLA: listed last, by id) */
  | { sort: "sla"; after: RankedKeyset | null };

/** Keyset predicate + ORDER BY for each sort; each is served by a (workspaceId, [scope col,] status, …) index. */
function ordering(order: ListOrder): { where: Prisma.ConversationWhereInput; orderBy: Prisma.ConversationOrderByWithRelationInput[] } {
  const a = order.after;
  switch (order.sort) {
    case "newest":
      return {
        // the redundant `lte` bound is the index condition that starts the scan at the cursor (Prisma has no row
        // comparison; the OR alone is only a filter, i.e. every row before the cursor would be read and dropped)
        where: a ? { lastMessageAt: { lte: a.at }, OR: [{ lastMessageAt: { lt: a.at } }, { lastMessageAt: a.at, id: { lt: a.id } }] } : {},
        orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
      };
    case "oldest":
      return {
        where: a ? { lastMessageAt: { gte: a.at }, OR: [{ lastMessageAt: { gt: a.at } }, { lastMessageAt: a.at, id: { gt: a.id } }] } : {},
        orderBy: [{ lastMessageAt: "asc" }, { id: "asc" }],
      };
    case "waiting":
      return {
        where: a
          ? { waitingSince: { gte: a.at }, OR: [{ waitingSince: { gt: a.at } }, { waitingSince: a.at, id: { gt: a.id } }] }
          : { waitingSince: { not: null } },
        orderBy: [{ waitingSince: "asc" }, { id: "asc" }],
      };
    case "priority":
      // with a cursor the page is read by priorityPageAfter (one index range per priority group)
      return { where: {}, orderBy: [{ priority: "desc" }, { lastMessageAt: "desc" }, { id: "desc" }] };
    case "sla": {
      // ASC NULLS LAST is the btree's natural order: (workspaceId, status, slaDueAt, id)
      const orderBy: Prisma.ConversationOrderByWithRelationInput[] = [{ slaDueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }];
      const k = order.after;
      if (!k) return { where: {}, orderBy };
      if (k.rank === "none") return { where: { slaDueAt: null, id: { gt: k.id } }, orderBy };
      // after a due cursor the page is read by slaPageAfter (due rows from the cursor, then the ones without SLA)
      return { where: {}, orderBy };
    }
  }
}

export function findConversationPage(
  db: Db,
  args: {
    scope: Prisma.ConversationWhereInput;
    status: ConversationStatus;
    filter: Prisma.ConversationWhereInput;
    order: ListOrder;
    take: number;
  },
): Promise<ConversationPageRow[]> {
  const page: PageQuery = (where, orderBy, take) =>
    db.conversation.findMany({
      where: { AND: [args.scope, { status: args.status }, args.filter, where] },
      orderBy,
      take,
      select: conversationListSelect,
    });
  if (args.order.sort === "priority" && args.order.after) return priorityPageAfter(page, args.order.after, args.take);
  if (args.order.sort === "sla" && args.order.after?.rank === "due") return slaPageAfter(page, args.order.after, args.take);
  const { where, orderBy } = ordering(args.order);
  return page(where, orderBy, args.take);
}

type PageQuery = (
  where: Prisma.ConversationWhereInput,
  orderBy: Prisma.ConversationOrderByWithRelationInput[],
  take: number,
) => Promise<ConversationPageRow[]>;

/**
 * The priority order after a cursor, as index range scans on (workspaceId, status, priority DESC, lastMessageAt
 * DESC, id DESC): the rest of the cursor's priority group (from the cursor on), then the lower groups one by one
 * until the page is full (usually no second query). One query with `priority IN (lower…) OR (same priority AND
 * before the cursor)` is only a filter for PostgreSQL, so it would read every row before the cursor.
 */
async function priorityPageAfter(page: PageQuery, k: RankedKeyset, take: number): Promise<ConversationPageRow[]> {
  const byActivity: Prisma.ConversationOrderByWithRelationInput[] = [{ lastMessageAt: "desc" }, { id: "desc" }];
  const rank = PRIORITY_ORDER.indexOf(k.rank as Priority);
  const rows = await page(
    {
      priority: k.rank as Priority,
      lastMessageAt: { lte: k.at },
      OR: [{ lastMessageAt: { lt: k.at } }, { lastMessageAt: k.at, id: { lt: k.id } }],
    },
    byActivity,
    take,
  );
  for (let r = rank - 1; r >= 0 && rows.length < take; r--) {
    rows.push(...(await page({ priority: PRIORITY_ORDER[r] }, byActivity, take - rows.length)));
  }
  return rows;
}

/**
 * The SLA order after a cursor with a due date, as index range scans on (workspaceId, status, slaDueAt, id): the
 * due ones from the cursor on (the `gte` bound starts the scan there), then — only if the page is not full — the ones
 * without an SLA, which sort last. One query with `… OR slaDueAt IS NULL` would read every row before the cursor.
 */
async function slaPageAfter(page: PageQuery, k: RankedKeyset, take: number): Promise<ConversationPageRow[]> {
  const byDue: Prisma.ConversationOrderByWithRelationInput[] = [{ slaDueAt: "asc" }, { id: "asc" }];
  const rows = await page({ slaDueAt: { gte: k.at }, OR: [{ slaDueAt: { gt: k.at } }, { slaDueAt: k.at, id: { gt: k.id } }] }, byDue, take);
  if (rows.length < take) rows.push(...(await page({ slaDueAt: null }, [{ id: "asc" }], take - rows.length)));
  return rows;
}

/**
 * Ids of conversations (in the actor's scope, with that status) whose messages/notes or subject match `q`,
 * at most `take`. Messages through the GIN index on Message.search; subjects have no index, so they are matched
 * per conversation of that status in the workspace (to_tsvector on a short string), never with ILIKE.
 */
export async function findConversationIdsByText(db: Db, actor: Actor, args: TextMatchArgs): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>(conversationIdsByTextSql(actor, args));
  return rows.map((r) => r.id);
}

type TextMatchArgs = { q: string; status: ConversationStatus; take: number };

/** The statement behind findConversationIdsByText (exported for the EXPLAIN test). */
export function conversationIdsByTextSql(actor: Actor, args: TextMatchArgs): Prisma.Sql {
  const query = Prisma.sql`websearch_to_tsquery('english'::regconfig, ${args.q})`;
  const status = Prisma.sql`${args.status}::"ConversationStatus"`;
  return Prisma.sql`
    SELECT hits.id FROM (
      SELECT m."conversationId" AS id
      FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
      WHERE m."workspaceId" = ${actor.workspaceId}::uuid AND m.search @@ ${query} AND m.kind <> 'EVENT' AND m."deletedAt" IS NULL
        AND c.status = ${status} AND ${conversationScopeSql(actor, Prisma.raw("c"))}
      UNION
      SELECT c.id FROM "Conversation" c
      WHERE ${conversationScopeSql(actor, Prisma.raw("c"))} AND c.status = ${status}
        AND c.subject IS NOT NULL AND to_tsvector('english'::regconfig, c.subject) @@ ${query}
    ) hits
    LIMIT ${args.take}`;
}
