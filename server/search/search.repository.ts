import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { ChannelKind, ConversationStatus } from "../db/generated/enums";
import { seesAllQueues, type Actor } from "../auth/actor";
import { conversationScope, conversationScopeSql } from "../inbox/inbox.repository";
import type { Keyset } from "../inbox/cursor";
import { MARK_START, MARK_STOP } from "./snippet";

/**
 * Text search configuration: must match the trigger in prisma/migrations/*_search/migration.sql, or the
 * GIN index on Message.search holds different lexemes than the query asks for ("shipping" → 'ship').
 */
const TS_CONFIG = Prisma.raw(`'english'::regconfig`);
const HEADLINE_OPTIONS = `StartSel=${MARK_START},StopSel=${MARK_STOP},MaxWords=30,MinWords=10,MaxFragments=2`;

export type MessageHitRow = {
  id: string;
  conversationId: string;
  conversationNumber: number;
  subject: string | null;
  status: ConversationStatus;
  channelKind: ChannelKind;
  customerName: string | null;
  createdAt: Date;
  kind: "MESSAGE" | "NOTE";
  /** ts_headline output: the message text verbatim (NOT escaped), matches between MARK_START/MARK_STOP */
  headline: string;
};

/**
 * Full-text hits, newest first, keyset-paginated on (createdAt, id). Messages and internal notes, not events.
 *
 * Two plans, chosen per query by messageSearchPlan (one tiny statement on the planner's statistics):
 * - "gin", rare terms (order / tracking numbers, names): every match comes from the GIN index on "search", then a
 *   top-N sort of those few rows. Its ORDER BY is deliberately not indexable (`+ interval '0'`), so the planner
 *   cannot trade it for the newest-first index walk, which reads the whole workspace when the term is rare.
 * - "walk", common terms: down (workspaceId, createdAt DESC, id DESC), stopping at the page's last match (a
 *   bitmap of all matches of "refund" would be hundreds of thousands of rows).
 * Left to itself, the planner estimates every lexeme it has no statistics for at half the rarest listed one's
 * frequency (~9 000 of 5M messages in the bench), and then prefers the walk: 8 s for an order number.
 * ts_headline, which re-parses the whole text, runs only in the outer query, i.e. for the rows of the page.
 */
export async function findMessageHits(db: Db, actor: Actor, args: MessageHitArgs): Promise<MessageHitRow[]> {
  return db.$queryRaw<MessageHitRow[]>(messageHitsSql(actor, args, await messageSearchPlan(db, args.q)));
}

type MessageHitArgs = { q: string; after: Keyset | null; take: number };
export type MessageSearchPlan = "gin" | "walk";

/**
 * "gin" when the query is rare by the planner's own statistics: a lexeme missing from Message.search's
 * most-common-elements list is rarer than the least common listed one. An AND/phrase query is rare if any positive
 * lexeme is, an OR query only if all are; a query without positive lexemes (only negations) is not. Without
 * statistics (a table never analysed, i.e. small) every query is rare.
 */
export async function messageSearchPlan(db: Db, q: string): Promise<MessageSearchPlan> {
  // tsquery text quotes each lexeme ('it''s'); querytree() drops negated ones
  const [row] = await db.$queryRaw<{ rare: boolean }[]>`
    WITH tree AS (SELECT querytree(websearch_to_tsquery(${TS_CONFIG}, ${q})) AS t),
    lexemes AS (
      SELECT replace(x[1], '''''', '''') AS lexeme FROM tree, regexp_matches(tree.t, '''((?:[^'']|'''')+)''', 'g') x
    ),
    common AS (
      SELECT s.most_common_elems::text::text[] AS elems FROM pg_stats s
      WHERE s.schemaname = current_schema() AND s.tablename = 'Message' AND s.attname = 'search'
    ),
    rarity AS (
      SELECT count(*) AS n, count(*) FILTER (WHERE NOT coalesce(l.lexeme = ANY (common.elems), false)) AS rare
      FROM lexemes l LEFT JOIN common ON true
    )
    SELECT CASE WHEN r.n = 0 THEN false
                WHEN (SELECT t FROM tree) LIKE '%|%' THEN r.rare = r.n
                ELSE r.rare > 0 END AS rare
    FROM rarity r`;
  return row?.rare === false ? "walk" : "gin";
}

/** The statement behind findMessageHits (exported for the EXPLAIN tests). */
export function messageHitsSql(actor: Actor, args: MessageHitArgs, plan: MessageSearchPlan = "gin"): Prisma.Sql {
  const query = Prisma.sql`websearch_to_tsquery(${TS_CONFIG}, ${args.q})`;
  // timestamp(3) holds UTC wall time; ::timestamp drops the ISO string's "Z" instead of applying the session zone
  const after = args.after
    ? Prisma.sql`AND (m."createdAt", m.id) < (${args.after.at.toISOString()}::timestamp, ${args.after.id}::uuid)`
    : Prisma.empty;
  // Message.workspaceId already scopes actors who see every queue; only the others need the conversation's team
  const scope = seesAllQueues(actor)
    ? Prisma.empty
    : Prisma.sql`AND EXISTS (SELECT 1 FROM "Conversation" c WHERE c.id = m."conversationId" AND ${conversationScopeSql(actor, Prisma.raw("c"))})`;
  const orderBy = plan === "gin" ? Prisma.sql`m."createdAt" + interval '0' DESC, m.id DESC` : Prisma.sql`m."createdAt" DESC, m.id DESC`;
  return Prisma.sql`
    SELECT page.id, page."conversationId", c.number AS "conversationNumber", c.subject, c.status,
           ch.kind AS "channelKind", cu.name AS "customerName", page."createdAt", page.kind::text AS kind,
           ts_headline(${TS_CONFIG}, translate(left(m.text, 200000), ${MARK_START + MARK_STOP}, ''), ${query}, ${HEADLINE_OPTIONS}) AS headline
    FROM (
      SELECT m.id, m."createdAt", m."conversationId", m.kind
      FROM "Message" m
      WHERE m."workspaceId" = ${actor.workspaceId}::uuid
        AND m.search @@ ${query}
        AND m.kind <> 'EVENT'
        AND m."deletedAt" IS NULL
        ${scope}
        ${after}
      ORDER BY ${orderBy}
      LIMIT ${args.take}
    ) page
    JOIN "Message" m ON m.id = page.id
    JOIN "Conversation" c ON c.id = page."conversationId"
    JOIN "Channel" ch ON ch.id = c."channelId"
    JOIN "Customer" cu ON cu.id = c."customerId"
    ORDER BY page."createdAt" DESC, page.id DESC`;
}

export type CustomerHitRow = {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  vip: boolean;
  lastContactAt: Date | null;
  score: number;
  matched: string;
  /** their most recent conversation the actor may open (null: none) */
  latestConversationId: string | null;
};

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Candidate customers per matching field, each branch served by its own index:
 * - `q <% col` (word_similarity ≥ pg_trgm.word_similarity_threshold, 0.6) matches a fragment of a longer value
 *   ("acme" in jo@acme.com), `q % col` (similarity ≥ 0.3) tolerates typos in a whole name ("Jonh Smith");
 *   both are what the gin_trgm_ops indexes accelerate.
 * - Trigrams need 3 characters, so shorter queries only get the exact (btree-backed) email and order number matches.
 */
function customerCandidates(workspaceId: string, q: string): Prisma.Sql[] {
  const ws = Prisma.sql`${workspaceId}::uuid`;
  const lower = q.toLowerCase();
  const orderNo = q.replace(/^#/, "");
  const branches = [
    Prisma.sql`SELECT c.id AS "customerId", 1.0::real AS score, 'email' AS matched
      FROM "Customer" c WHERE c."workspaceId" = ${ws} AND lower(c.email) = ${lower}`,
    Prisma.sql`SELECT o."customerId", 1.0::real, 'order #' || ltrim(o.number, '#')
      FROM "Order" o WHERE o."workspaceId" = ${ws} AND o.number IN (${orderNo}, ${`#${orderNo}`}) AND o."customerId" IS NOT NULL`,
  ];
  if (q.length < 3) return branches;

  const digits = q.replace(/\D/g, "");
  branches.push(
    // two branches rather than one OR: each is a single trigram-index condition the planner reliably prices
    Prisma.sql`SELECT c.id, word_similarity(${q}, c.name), 'name'
      FROM "Customer" c WHERE c."workspaceId" = ${ws} AND ${q} <% c.name`,
    Prisma.sql`SELECT c.id, similarity(${q}, c.name), 'name'
      FROM "Customer" c WHERE c."workspaceId" = ${ws} AND ${q} % c.name`,
    Prisma.sql`SELECT c.id, word_similarity(${lower}, lower(c.email)), 'email'
      FROM "Customer" c WHERE c."workspaceId" = ${ws} AND ${lower} <% lower(c.email)`,
    Prisma.sql`SELECT ci."customerId", word_similarity(${lower}, ci.address), lower(ci."channelKind"::text)
      FROM "CustomerIdentity" ci WHERE ci."workspaceId" = ${ws} AND ${lower} <% ci.address`,
    // prefix: "#10" finds #1001…; the trigram index serves a LIKE with a 3+ character prefix
    Prisma.sql`SELECT o."customerId", 0.9::real, 'order #' || ltrim(o.number, '#')
      FROM "Order" o WHERE o."workspaceId" = ${ws} AND o."customerId" IS NOT NULL
        AND (o.number LIKE ${`${escapeLike(orderNo)}%`} OR o.number LIKE ${`#${escapeLike(orderNo)}%`})`,
  );
  // phones are stored normalised (E.164): compare digits only, so "555-1234" finds +15551234567
  if (digits.length >= 3) {
    branches.push(Prisma.sql`SELECT c.id, word_similarity(${digits}, c.phone), 'phone'
      FROM "Customer" c WHERE c."workspaceId" = ${ws} AND ${digits} <% c.phone`);
  }
  return branches;
}

/**
 * Best-matching customers, not merged away. Each carries their latest conversation in the actor's scope
 * (Conversation(customerId, lastMessageAt) index); actors who do not see every queue only get customers
 * that have one, i.e. customers of their teams' conversations.
 */
export function findCustomerHits(db: Db, actor: Actor, args: { q: string; take: number }): Promise<CustomerHitRow[]> {
  return db.$queryRaw<CustomerHitRow[]>(customerHitsSql(actor, args));
}

/** The statement behind findCustomerHits (exported for the EXPLAIN tests). */
export function customerHitsSql(actor: Actor, args: { q: string; take: number }): Prisma.Sql {
  const ws = Prisma.sql`${actor.workspaceId}::uuid`;
  const latest = Prisma.sql`LEFT JOIN LATERAL (
      SELECT cv.id FROM "Conversation" cv
      WHERE cv."customerId" = cu.id AND ${conversationScopeSql(actor, Prisma.raw("cv"))}
      ORDER BY cv."lastMessageAt" DESC, cv.id DESC
      LIMIT 1
    ) latest ON true`;
  const candidates = Prisma.sql`
    hits AS (${Prisma.join(customerCandidates(actor.workspaceId, args.q), " UNION ALL ")}),
    best AS (
      SELECT DISTINCT ON ("customerId") "customerId", score, matched FROM hits ORDER BY "customerId", score DESC, matched
    )`;
  const columns = Prisma.sql`cu.id, cu.name, cu.email, cu.phone, cu.vip, cu."lastContactAt", best.score::float8 AS score, best.matched`;
  if (seesAllQueues(actor)) {
    // every customer is reachable: rank and cut first, then look up the latest conversation of the few kept
    return Prisma.sql`
      WITH ${candidates},
      top AS (
        SELECT ${columns} FROM best JOIN "Customer" cu ON cu.id = best."customerId"
        WHERE cu."workspaceId" = ${ws} AND cu."mergedIntoId" IS NULL
        ORDER BY best.score DESC, cu.name ASC NULLS LAST, cu.id
        LIMIT ${args.take}
      )
      SELECT cu.*, latest.id AS "latestConversationId" FROM top cu ${latest}
      ORDER BY cu.score DESC, cu.name ASC NULLS LAST, cu.id`;
  }
  // scoped actors only get customers with a conversation they can open
  return Prisma.sql`
    WITH ${candidates}
    SELECT ${columns}, latest.id AS "latestConversationId"
    FROM best
    JOIN "Customer" cu ON cu.id = best."customerId"
    ${latest}
    WHERE cu."workspaceId" = ${ws} AND cu."mergedIntoId" IS NULL AND latest.id IS NOT NULL
    ORDER BY best.score DESC, cu.name ASC NULLS LAST, cu.id
    LIMIT ${args.take}`;
}

const conversationHitSelect = {
  id: true,
  number: true,
  subject: true,
  status: true,
  lastMessageAt: true,
  channel: { select: { kind: true } },
  customer: { select: { name: true } },
} satisfies Prisma.ConversationSelect;

export type ConversationHitRow = Prisma.ConversationGetPayload<{ select: typeof conversationHitSelect }>;

/** "#123" in the palette: the conversation with that number, if the actor may open it. */
export function findConversationByNumber(db: Db, actor: Actor, number: number): Promise<ConversationHitRow | null> {
  return db.conversation.findFirst({ where: { AND: [conversationScope(actor), { number }] }, select: conversationHitSelect });
}
