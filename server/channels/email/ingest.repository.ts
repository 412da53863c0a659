import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type { BusEvent } from "../../events/bus";
import type { DomainEventPayload } from "../../events/types";
import type { ChannelRow } from "./thread";
import { PREPARED, queryRows, type SqlRunner } from "../../db/sql";

/**
 * The statements of the email ingest hot path. Each message costs one read (channel, sender identity, duplicate check
 * and thread, together) and one write (event, message, attachments, conversation, customer and domain events, as one
 * statement with data-modifying CTEs, so it commits on its own); a new thread wraps the write in a transaction with the
 * conversation it creates. Through Prisma every statement costs ~0.5 ms of CPU before PostgreSQL sees it, which is
 * why these are a few wide statements instead of many small ones, run on pg directly outside a transaction and as
 * named prepared statements (planning them was most of PostgreSQL's time per message): server/db/sql.ts.
 */
type Runner = Db | Prisma.TransactionClient;

export type SenderIdentity = { customerId: string; name: string | null; email: string | null; mergedIntoId: string | null };

export type IngestContext = {
  channel: ChannelRow;
  identity: SenderIdentity | null;
  /** an inbound event with this Message-ID exists already: this delivery is a duplicate (stored, failed or in flight) */
  seen: boolean;
  /** a message of this channel that already has this Message-ID (e.g. our own outbound copy via IMAP) */
  taken: { id: string; conversationId: string } | null;
  /** the conversation of the newest stored message of this channel that the email references (unchecked: the write
   * locks it and checks workspace, channel and status) */
  referencedConversationId: string | null;
};

type ContextRow = {
  id: string;
  workspaceId: string;
  address: string | null;
  ownerTeamId: string | null;
  settings: Prisma.JsonValue;
  customerId: string | null;
  customerName: string | null;
  customerEmail: string | null;
  mergedIntoId: string | null;
  seen: boolean;
  takenId: string | null;
  takenConversationId: string | null;
  referencedConversationId: string | null;
};

/**
 * Everything ingest needs to know before writing, in one round trip. The conversation itself is not read here: the
 * write locks and checks it anyway, and a join with Conversation (eleven indexes to weigh) doubles this statement's
 * planning time, which is most of its cost.
 */
export async function readIngestContext(
  db: SqlRunner,
  p: { channelId: string; address: string | null; externalId: string; externalIds: string[]; references: string[] },
): Promise<IngestContext | null> {
  const referenced = p.references.length
    ? Prisma.sql`(SELECT m."conversationId" FROM "Message" m
        WHERE m."channelId" = ch.id AND m."workspaceId" = ch."workspaceId" AND m."externalId" = ANY(${p.references}::text[])
        ORDER BY m."createdAt" DESC, m.id DESC
        LIMIT 1)`
    : Prisma.sql`NULL::uuid`;
  const rows = await queryRows<ContextRow>(
    db,
    Prisma.sql`${PREPARED}
    SELECT ch.id, ch."workspaceId", ch.address, ch."ownerTeamId", ch.settings,
      idn."customerId", idn."customerName", idn."customerEmail", idn."mergedIntoId",
      EXISTS (SELECT 1 FROM "InboundEvent" e
        WHERE e."workspaceId" = ch."workspaceId" AND e.provider = 'email' AND e."externalId" = ${p.externalId}) AS seen,
      tk.id AS "takenId", tk."conversationId" AS "takenConversationId", ${referenced} AS "referencedConversationId"
    FROM "Channel" ch
    LEFT JOIN LATERAL (
      SELECT c.id AS "customerId", c.name AS "customerName", c.email AS "customerEmail", c."mergedIntoId"
      FROM "CustomerIdentity" i JOIN "Customer" c ON c.id = i."customerId"
      WHERE i."workspaceId" = ch."workspaceId" AND i."channelKind" = 'EMAIL' AND i.address = ${p.address}::text
    ) idn ON true
    LEFT JOIN LATERAL (
      SELECT m.id, m."conversationId" FROM "Message" m
      WHERE m."channelId" = ch.id AND m."externalId" = ANY(${p.externalIds}::text[])
      LIMIT 1
    ) tk ON true
    WHERE ch.id = ${p.channelId}::uuid AND ch.kind = 'EMAIL'`,
  );
  const r = rows[0];
  if (!r) return null;
  return {
    channel: { id: r.id, workspaceId: r.workspaceId, address: r.address, ownerTeamId: r.ownerTeamId, settings: r.settings },
    identity: r.customerId
      ? { customerId: r.customerId, name: r.customerName, email: r.customerEmail, mergedIntoId: r.mergedIntoId }
      : null,
    seen: r.seen,
    taken: r.takenId && r.takenConversationId ? { id: r.takenId, conversationId: r.takenConversationId } : null,
    referencedConversationId: r.referencedConversationId,
  };
}

/** How the write claims the inbound event: a new one is inserted (a duplicate delivery inserts nothing), a stored one
 * (crash, retry) is taken over from RECEIVED/FAILED under its row lock. */
export type EventClaim = { mode: "insert"; id: string; externalId: string; payload: string } | { mode: "claim"; id: string };

export type InboundMessageWrite = {
  workspaceId: string;
  channelId: string;
  conversationId: string;
  /** the conversation was created in this transaction (conversation.created, never a reopen) */
  created: boolean;
  /** a RESOLVED conversation resolved before this takes no more messages (the write then stores nothing) */
  reopenNotBefore: Date | null;
  customerId: string;
  /** fills the customer's empty name/email from the sender (never overwrites what an agent typed) */
  fill: { name: string | null; email: string } | null;
  event: EventClaim;
  message: { id: string; text: string; html: string | null; externalId: string; meta: string };
  /** JSON array of { id, filename, contentType, size, storageKey, sha256, contentId, inline } */
  attachments: string;
  preview: string;
  at: Date;
};

export type InboundMessageOutcome = {
  /** the conversation exists in this workspace and channel */
  found: boolean;
  /** …and takes the message (not resolved before reopenNotBefore) */
  accepts: boolean;
  /** the message was stored (false: the event was a duplicate or already processed) */
  stored: boolean;
  priorStatus: string | null;
  events: BusEvent[];
};

type OutcomeRow = {
  found: number;
  accepts: number;
  stored: number;
  priorStatus: string | null;
  events: { id: string; at: string; payload: DomainEventPayload }[];
};

/**
 * The message and everything that changes with it, as one statement (atomic without a transaction of its own). The
 * conversation row is locked first — FOR NO KEY UPDATE serialises messages into one conversation with each other and
 * with agents' writes, while inserts that merely reference it (foreign keys) need not wait — and nothing is written
 * unless it is in this workspace and channel, takes the message (reopen window) and the event is ours to store.
 */
export async function writeInboundMessage(db: SqlRunner, w: InboundMessageWrite): Promise<InboundMessageOutcome> {
  const ev =
    w.event.mode === "insert"
      ? Prisma.sql`
        INSERT INTO "InboundEvent" (id, "workspaceId", "channelId", provider, "externalId", status, payload, attempts, "receivedAt", "processedAt")
        SELECT ${w.event.id}::uuid, ${w.workspaceId}::uuid, ${w.channelId}::uuid, 'email', ${w.event.externalId}, 'PROCESSED',
          ${w.event.payload}::jsonb, 0, ${w.at}::timestamp(3), ${w.at}::timestamp(3)
        FROM ok
        ON CONFLICT ("workspaceId", provider, "externalId") DO NOTHING
        RETURNING id`
      : Prisma.sql`
        UPDATE "InboundEvent" SET status = 'PROCESSED', "processedAt" = ${w.at}::timestamp(3), error = NULL
        WHERE id = ${w.event.id}::uuid AND status IN ('RECEIVED', 'FAILED') AND EXISTS (SELECT 1 FROM ok)
        RETURNING id`;
  const attachments =
    w.attachments === "[]"
      ? Prisma.empty
      : Prisma.sql`, att AS (
      INSERT INTO "Attachment" (id, "workspaceId", "messageId", filename, "contentType", size, "storageKey", sha256, "contentId", inline, "createdAt")
      SELECT a.id, ${w.workspaceId}::uuid, msg.id, a.filename, a."contentType", a.size, a."storageKey", a.sha256, a."contentId", a.inline, ${w.at}::timestamp(3)
      FROM msg, jsonb_to_recordset(${w.attachments}::jsonb)
        AS a(id uuid, filename text, "contentType" text, size int, "storageKey" text, sha256 text, "contentId" text, inline boolean)
    )`;
  const fill = w.fill
    ? Prisma.sql`, name = coalesce(c.name, ${w.fill.name}::text), email = coalesce(c.email, ${w.fill.email}::text)`
    : Prisma.empty;
  // conversation.updated only when the message reopens a conversation that was not OPEN (decided on the locked row)
  const events = w.created ? ["conversation.created", "message.created"] : ["message.created", "conversation.updated"];
  const rows = await queryRows<OutcomeRow>(
    db,
    Prisma.sql`${PREPARED}
    WITH conv AS (
      SELECT id, status, "resolvedAt", "teamId" FROM "Conversation"
      WHERE id = ${w.conversationId}::uuid AND "workspaceId" = ${w.workspaceId}::uuid AND "channelId" = ${w.channelId}::uuid
      FOR NO KEY UPDATE
    ), ok AS (
      SELECT * FROM conv
      WHERE status <> 'RESOLVED' OR ${w.reopenNotBefore}::timestamp(3) IS NULL OR "resolvedAt" >= ${w.reopenNotBefore}::timestamp(3)
    ), ev AS (${ev}
    ), msg AS (
      INSERT INTO "Message" (id, "workspaceId", "conversationId", "channelId", direction, kind, "authorType", "customerId", text, html, "externalId", meta, "createdAt")
      SELECT ${w.message.id}::uuid, ${w.workspaceId}::uuid, ${w.conversationId}::uuid, ${w.channelId}::uuid, 'IN', 'MESSAGE', 'CUSTOMER',
        ${w.customerId}::uuid, ${w.message.text}, ${w.message.html}, ${w.message.externalId}, ${w.message.meta}::jsonb, ${w.at}::timestamp(3)
      FROM ev
      RETURNING id
    )${attachments}, upd AS (
      UPDATE "Conversation" c SET
        "lastMessageAt" = ${w.at}::timestamp(3), "lastInboundAt" = ${w.at}::timestamp(3),
        "waitingSince" = coalesce(c."waitingSince", ${w.at}::timestamp(3)), preview = ${w.preview},
        "messageCount" = c."messageCount" + 1, "updatedAt" = ${w.at}::timestamp(3),
        status = 'OPEN',
        "resolvedAt" = CASE WHEN c.status = 'OPEN' THEN c."resolvedAt" END,
        "snoozedUntil" = CASE WHEN c.status = 'OPEN' THEN c."snoozedUntil" END
      FROM msg WHERE c.id = ${w.conversationId}::uuid
    ), cust AS (
      UPDATE "Customer" c SET "lastContactAt" = ${w.at}::timestamp(3), "updatedAt" = ${w.at}::timestamp(3)${fill}
      FROM msg WHERE c.id = ${w.customerId}::uuid
    ), de AS (
      INSERT INTO "DomainEvent" ("workspaceId", type, payload)
      SELECT ${w.workspaceId}::uuid, e.type, jsonb_build_object('type', e.type, 'conversationId', ok.id, 'teamId', ok."teamId")
        || CASE e.type WHEN 'message.created' THEN jsonb_build_object('messageId', msg.id::text)
             WHEN 'conversation.updated' THEN '{"changes":["status"]}'::jsonb ELSE '{}'::jsonb END
      FROM msg, ok, unnest(${events}::text[]) WITH ORDINALITY AS e(type, ord)
      WHERE e.type <> 'conversation.updated' OR ok.status <> 'OPEN'
      ORDER BY e.ord
      RETURNING id, "createdAt", payload
    )
    SELECT (SELECT count(*)::int FROM conv) AS found, (SELECT count(*)::int FROM ok) AS accepts,
      (SELECT count(*)::int FROM msg) AS stored, (SELECT status::text FROM conv) AS "priorStatus",
      (SELECT coalesce(json_agg(json_build_object('id', de.id::text, 'at', de."createdAt" AT TIME ZONE 'UTC', 'payload', de.payload) ORDER BY de.id), '[]')
        FROM de) AS events`,
  );
  const r = rows[0];
  if (!r) throw new Error("the ingest write returned no row");
  return {
    found: r.found > 0,
    accepts: r.accepts > 0,
    stored: r.stored > 0,
    priorStatus: r.priorStatus,
    // the same shape recordEvents gives (server/events/emit.ts), for publishCommitted after the commit
    events: r.events.map((e) => ({ ...e.payload, id: e.id, workspaceId: w.workspaceId, at: new Date(e.at).toISOString() })),
  };
}

/**
 * Records an event that stores no message: a duplicate of a message the channel has, or a failure kept for the retry
 * job. A stored event is updated (FAILED counts an attempt); a new one is inserted unless it exists. False when nothing
 * was written (the event exists already, or is no longer RECEIVED/FAILED).
 */
export async function recordInboundEvent(
  db: Runner,
  p: { workspaceId: string; channelId: string; event: EventClaim; status: "PROCESSED" | "FAILED" | "RECEIVED"; error: string | null },
): Promise<boolean> {
  const processedAt = p.status === "PROCESSED" ? new Date() : null;
  const attempts = p.status === "FAILED" ? 1 : 0;
  const n =
    p.event.mode === "insert"
      ? await db.$executeRaw`
        INSERT INTO "InboundEvent" (id, "workspaceId", "channelId", provider, "externalId", status, payload, error, attempts, "processedAt")
        VALUES (${p.event.id}::uuid, ${p.workspaceId}::uuid, ${p.channelId}::uuid, 'email', ${p.event.externalId},
          ${p.status}::"InboundEventStatus", ${p.event.payload}::jsonb, ${p.error}, ${attempts}, ${processedAt}::timestamp(3))
        ON CONFLICT ("workspaceId", provider, "externalId") DO NOTHING`
      : await db.$executeRaw`
        UPDATE "InboundEvent" SET status = ${p.status}::"InboundEventStatus", error = ${p.error},
          attempts = attempts + ${attempts}, "processedAt" = ${processedAt}::timestamp(3)
        WHERE id = ${p.event.id}::uuid AND status IN ('RECEIVED', 'FAILED')`;
  return n > 0;
}

/** The stored inbound message a duplicate delivery is a copy of (either spelling of its Message-ID). */
export async function findInboundMessage(
  db: Runner,
  workspaceId: string,
  externalIds: string[],
): Promise<{ id: string; conversationId: string } | null> {
  return db.message.findFirst({
    where: { workspaceId, externalId: { in: externalIds }, direction: "IN" },
    select: { id: true, conversationId: true },
  });
}
