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
 * The inner query finds and orders the page (GIN index on "search" for rare terms, or a walk down
 * (workspaceId, createdAt, id) for common ones); ts_headline, which re-parses the whole text, runs only in the
 * outer query, i.e. for the rows of the page, never for every match.
 */
export function findMessageHits(db: Db, actor: Actor, args: MessageHitArgs): Promise<MessageHitRow[]> {
  return db.$queryRaw<MessageHitRow[]>(messageHitsSql(actor, args));
}

type MessageHitArgs = { q: string; after: Keyset | null; take: number };

/** The statement behind findMessageHits (exported for the EXPLAIN tests). */
export function messageHitsSql(actor: Actor, args: MessageHitArgs): Prisma.Sql {
  const query = Prisma.sql`websearch_to_tsquery(${TS_CONFIG}, ${args.q})`;
  // timestamp(3) holds UTC wall time; ::timestamp drops the ISO string's "Z" instead of applying the session zone
  const after = args.after
    ? Prisma.sql`AND (m."createdAt", m.id) < (${args.after.at.toISOString()}::timestamp, ${args.after.id}::uuid)`
    : Prisma.empty;
  // Message.workspaceId already scopes actors who see every queue; only the others need the conversation's team
  const scope = seesAllQueues(actor)
    ? Prisma.empty
    : Prisma.sql`AND EXISTS (SELECT 1 FROM "Conversation" c WHERE c.id = m."conversationId" AND ${conversationScopeSql(actor, Prisma.raw("c"))})`;
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
      ORDER BY m."createdAt" DESC, m.id DESC
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
    Prisma.sql`SELECT c.id, greatest(word_similarity(${q}, c.name), similarity(${q}, c.name)), 'name'
      FROM "Customer" c WHERE c."workspaceId" = ${ws} AND (${q} <% c.name OR ${q} % c.name)`,
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
  const reachable = seesAllQueues(actor) ? Prisma.empty : Prisma.sql`AND latest.id IS NOT NULL`;
  return Prisma.sql`
    WITH hits AS (${Prisma.join(customerCandidates(actor.workspaceId, args.q), " UNION ALL ")}),
    best AS (
      SELECT DISTINCT ON ("customerId") "customerId", score, matched FROM hits ORDER BY "customerId", score DESC, matched
    )
    SELECT cu.id, cu.name, cu.email, cu.phone, cu.vip, cu."lastContactAt", best.score::float8 AS score, best.matched,
           latest.id AS "latestConversationId"
    FROM best
    JOIN "Customer" cu ON cu.id = best."customerId"
    LEFT JOIN LATERAL (
      SELECT cv.id FROM "Conversation" cv
      WHERE cv."customerId" = cu.id AND ${conversationScopeSql(actor, Prisma.raw("cv"))}
      ORDER BY cv."lastMessageAt" DESC, cv.id DESC
      LIMIT 1
    ) latest ON true
    WHERE cu."workspaceId" = ${actor.workspaceId}::uuid AND cu."mergedIntoId" IS NULL ${reachable}
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
