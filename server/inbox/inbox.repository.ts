import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { ConversationStatus, Priority } from "../db/generated/enums";
import { seesAllQueues, type Actor } from "../auth/actor";
import { queryRows } from "../db/sql";
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
export type ConversationPageRow = {
  id: string;
  number: number;
  subject: string | null;
  preview: string | null;
  status: ConversationStatus;
  priority: Priority;
  lastMessageAt: Date;
  waitingSince: Date | null;
  slaDueAt: Date | null;
  snoozedUntil: Date | null;
  channelId: string;
  customerId: string;
  assigneeId: string | null;
  teamId: string | null;
};

const PAGE_COLUMNS = Prisma.raw(`c.id, c.number, c.subject, c.preview, c.status::text AS status, c.priority::text AS priority,
  c."lastMessageAt", c."waitingSince", c."slaDueAt", c."snoozedUntil", c."channelId", c."customerId", c."assigneeId", c."teamId"`);

export const PRIORITY_ORDER: readonly Priority[] = ["NONE", "LOW", "NORMAL", "HIGH", "URGENT"];

export type ListOrder =
  | { sort: "newest"; after: Keyset | null }
  | { sort: "oldest"; after: Keyset | null }
  | { sort: "waiting"; after: Keyset | null }
  | { sort: "priority"; after: RankedKeyset | null }
  /** rank "due" (at = slaDueAt) or "none" (no SLA: listed last, by id) */
  | { sort: "sla"; after: RankedKeyset | null };

const TRUE = Prisma.sql`TRUE`;
const BY_ACTIVITY = Prisma.raw(`c."lastMessageAt" DESC, c.id DESC`);

/**
 * Keyset predicate + ORDER BY for each sort; each is served by a (workspaceId, [scope col,] status, …) index. The
 * redundant `<=`/`>=` bound is the index condition that starts the scan at the cursor (the OR alone is only a
 * filter: every row before the cursor would be read and dropped).
 */
function ordering(order: ListOrder): { where: Prisma.Sql; orderBy: Prisma.Sql } {
  const a = order.after;
  switch (order.sort) {
    case "newest":
      return {
        where: a
          ? Prisma.sql`c."lastMessageAt" <= ${a.at} AND (c."lastMessageAt" < ${a.at} OR (c."lastMessageAt" = ${a.at} AND c.id < ${a.id}::uuid))`
          : TRUE,
        orderBy: BY_ACTIVITY,
      };
    case "oldest":
      return {
        where: a
          ? Prisma.sql`c."lastMessageAt" >= ${a.at} AND (c."lastMessageAt" > ${a.at} OR (c."lastMessageAt" = ${a.at} AND c.id > ${a.id}::uuid))`
          : TRUE,
        orderBy: Prisma.raw(`c."lastMessageAt" ASC, c.id ASC`),
      };
    case "waiting":
      return {
        where: a
          ? Prisma.sql`c."waitingSince" >= ${a.at} AND (c."waitingSince" > ${a.at} OR (c."waitingSince" = ${a.at} AND c.id > ${a.id}::uuid))`
          : Prisma.sql`c."waitingSince" IS NOT NULL`,
        orderBy: Prisma.raw(`c."waitingSince" ASC, c.id ASC`),
      };
    case "priority":
      // with a cursor the page is read by priorityPageAfter (one index range per priority group)
      return { where: TRUE, orderBy: Prisma.raw(`c.priority DESC, c."lastMessageAt" DESC, c.id DESC`) };
    case "sla": {
      // ASC NULLS LAST is the btree's natural order: (workspaceId, status, slaDueAt, id)
      const orderBy = Prisma.raw(`c."slaDueAt" ASC NULLS LAST, c.id ASC`);
      const k = order.after;
      if (k?.rank === "none") return { where: Prisma.sql`c."slaDueAt" IS NULL AND c.id > ${k.id}::uuid`, orderBy };
      // after a due cursor the page is read by slaPageAfter (due rows from the cursor, then the ones without SLA)
      return { where: TRUE, orderBy };
    }
  }
}

/**
 * One page of the list in the actor's scope: `scope` and `filter` are conditions on "Conversation" c
 * (conversationScopeSql, conversationFilterSql). One statement (two for a priority/SLA page that crosses a group),
 * on pg directly: it runs on every scroll of every agent at peak (server/db/sql.ts).
 */
export function findConversationPage(
  db: Db,
  args: { scope: Prisma.Sql; status: ConversationStatus; filter: Prisma.Sql; order: ListOrder; take: number },
): Promise<ConversationPageRow[]> {
  const page: PageQuery = (where, orderBy, take) =>
    queryRows<ConversationPageRow>(
      db,
      Prisma.sql`SELECT ${PAGE_COLUMNS} FROM "Conversation" c
        WHERE ${args.scope} AND c.status = ${args.status}::"ConversationStatus" AND ${args.filter} AND ${where}
        ORDER BY ${orderBy} LIMIT ${take}`,
    );
  if (args.order.sort === "priority" && args.order.after) return priorityPageAfter(page, args.order.after, args.take);
  if (args.order.sort === "sla" && args.order.after?.rank === "due") return slaPageAfter(page, args.order.after, args.take);
  const { where, orderBy } = ordering(args.order);
  return page(where, orderBy, args.take);
}

type PageQuery = (where: Prisma.Sql, orderBy: Prisma.Sql, take: number) => Promise<ConversationPageRow[]>;

/**
 * The priority order after a cursor, as index range scans on (workspaceId, status, priority DESC, lastMessageAt
 * DESC, id DESC): the rest of the cursor's priority group (from the cursor on), then the lower groups one by one
 * until the page is full (usually no second query). One query with `priority IN (lower…) OR (same priority AND
 * before the cursor)` is only a filter for PostgreSQL, so it would read every row before the cursor.
 */
async function priorityPageAfter(page: PageQuery, k: RankedKeyset, take: number): Promise<ConversationPageRow[]> {
  const rank = PRIORITY_ORDER.indexOf(k.rank as Priority);
  const rows = await page(
    Prisma.sql`c.priority = ${k.rank}::"Priority" AND c."lastMessageAt" <= ${k.at}
      AND (c."lastMessageAt" < ${k.at} OR (c."lastMessageAt" = ${k.at} AND c.id < ${k.id}::uuid))`,
    BY_ACTIVITY,
    take,
  );
  for (let r = rank - 1; r >= 0 && rows.length < take; r--) {
    rows.push(...(await page(Prisma.sql`c.priority = ${PRIORITY_ORDER[r]}::"Priority"`, BY_ACTIVITY, take - rows.length)));
  }
  return rows;
}

/**
 * The SLA order after a cursor with a due date, as index range scans on (workspaceId, status, slaDueAt, id): the
 * due ones from the cursor on (the `>=` bound starts the scan there), then — only if the page is not full — the ones
 * without an SLA, which sort last. One query with `… OR slaDueAt IS NULL` would read every row before the cursor.
 */
async function slaPageAfter(page: PageQuery, k: RankedKeyset, take: number): Promise<ConversationPageRow[]> {
  const rows = await page(
    Prisma.sql`c."slaDueAt" >= ${k.at} AND (c."slaDueAt" > ${k.at} OR (c."slaDueAt" = ${k.at} AND c.id > ${k.id}::uuid))`,
    Prisma.raw(`c."slaDueAt" ASC, c.id ASC`),
    take,
  );
  if (rows.length < take) rows.push(...(await page(Prisma.sql`c."slaDueAt" IS NULL`, Prisma.raw(`c.id ASC`), take - rows.length)));
  return rows;
}

/**
 * Ids of conversations (in the actor's scope, with that status) whose messages/notes or subject match `q`,
 * at most `take`. Messages through the GIN index on Message.search; subjects have no index, so they are matched
 * per conversation of that status in the workspace (to_tsvector on a short string), never with ILIKE.
 */
export async function findConversationIdsByText(db: Db, actor: Actor, args: TextMatchArgs): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, conversationIdsByTextSql(actor, args));
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
