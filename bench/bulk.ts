// The bulk statements of the generator: INSERT … SELECT … FROM generate_series, one chunk per statement.
import { buildCorpus, ORDER_TOKEN, TRACKING_TOKEN } from "./corpus";
import {
  bind,
  customerOf,
  H,
  messageCount,
  orderNumber,
  pickIndex,
  sqlTimestamp,
  sqlUuid,
  trackingNumber,
  uid,
  type ArrayParams,
  type Bound,
  type IdSpace,
} from "./sql";

export type BulkContext = {
  workspaceId: string;
  ids: IdSpace;
  now: Date;
  customers: number;
  conversations: number;
  messages: number;
  /** 100 weighted slots: the channel of a conversation, its owner team (or null) and whether it is email */
  channelSlots: { channelId: string; teamId: string | null; email: boolean }[];
  /** members conversations get assigned to (the volunteer only gets Returns conversations) */
  agentIds: string[];
  volunteerId: string;
  returnsTeamId: string;
  tagIds: string[];
};

const corpus = buildCorpus();

function arrays(ctx: BulkContext): ArrayParams {
  return {
    firstNames: { value: corpus.firstNames, type: "text[]" },
    lastNames: { value: corpus.lastNames, type: "text[]" },
    firstSlugs: { value: corpus.firstSlugs, type: "text[]" },
    lastSlugs: { value: corpus.lastSlugs, type: "text[]" },
    domains: { value: corpus.emailDomains, type: "text[]" },
    carriers: { value: corpus.carriers, type: "text[]" },
    bodies: { value: corpus.bodies, type: "text[]" },
    subjects: { value: corpus.subjects, type: "text[]" },
    chan: { value: ctx.channelSlots.map((s) => s.channelId), type: "uuid[]" },
    chanTeam: { value: ctx.channelSlots.map((s) => s.teamId), type: "uuid[]" },
    chanEmail: { value: ctx.channelSlots.map((s) => s.email), type: "boolean[]" },
    agents: { value: ctx.agentIds, type: "uuid[]" },
    tags: { value: ctx.tagIds, type: "uuid[]" },
  };
}

const nFirst = corpus.firstNames.length;
const nLast = corpus.lastNames.length;

export function customersChunk(ctx: BulkContext, lo: number, hi: number): Bound {
  const ws = sqlUuid(ctx.workspaceId);
  const sql = `
WITH cust AS (
  INSERT INTO "Customer" (id, "workspaceId", name, email, phone, vip, locale, timezone, "createdAt", "updatedAt")
  SELECT ${uid(ctx.ids, "c01", "c")}, ${ws}, {{firstNames}}[fi] || ' ' || {{lastNames}}[li],
    CASE WHEN ${H("c", 1)} < 0.9 THEN {{firstSlugs}}[fi] || '.' || {{lastSlugs}}[li] || c || '@' || {{domains}}[1 + c % ${corpus.emailDomains.length}] END,
    CASE WHEN ${H("c", 2)} < 0.6 THEN '+1555' || lpad(c::text, 7, '0') END,
    ${H("c", 3)} < 0.03, 'en-US', 'America/New_York',
    ${sqlTimestamp(ctx.now)} - make_interval(secs => 200 * 86400 + ${H("c", 4)} * 365 * 86400), ${sqlTimestamp(ctx.now)}
  FROM (SELECT c, 1 + c % ${nFirst} AS fi, 1 + (c / ${nFirst}) % ${nLast} AS li FROM generate_series(${lo}, ${hi}) c) x
  RETURNING id, name, email, phone, "createdAt"
)
INSERT INTO "CustomerIdentity" (id, "workspaceId", "customerId", "channelKind", address, "displayName", verified, "createdAt")
SELECT overlay(id::text placing 'c02' from 16 for 3)::uuid, ${ws}, id, 'EMAIL'::"ChannelKind", email, name, true, "createdAt" FROM cust WHERE email IS NOT NULL
UNION ALL
SELECT overlay(id::text placing 'c03' from 16 for 3)::uuid, ${ws}, id, 'WHATSAPP'::"ChannelKind", phone, name, false, "createdAt" FROM cust WHERE phone IS NOT NULL`;
  return bind(sql, arrays(ctx));
}

const FULFILLMENT = `CASE WHEN fr < 0.5 THEN 'DELIVERED' WHEN fr < 0.7 THEN 'IN_TRANSIT' WHEN fr < 0.8 THEN 'LABEL_CREATED' WHEN fr < 0.85 THEN 'EXCEPTION' ELSE 'UNFULFILLED' END`;

/** ~60% of customers have an order (#100000+c), every 10th a second one; shipped orders get a fulfillment. */
export function ordersChunk(ctx: BulkContext, lo: number, hi: number): Bound {
  const ws = sqlUuid(ctx.workspaceId);
  const now = sqlTimestamp(ctx.now);
  const sql = `
WITH r AS (
  SELECT c, n, ${H("c * 2 + n", 41)} AS fr,
    ${now} - make_interval(secs => ${H("c * 2 + n", 40)} * 150 * 86400) AS placed,
    1500 + ${pickIndex("c * 2 + n", 42, 20000)} AS sub
  FROM generate_series(${lo}, ${hi}) c, generate_series(1, 2) n
  WHERE c % 5 < 3 AND (n = 1 OR c % 10 = 0)
), o AS (
  SELECT r.*, CASE WHEN n = 1 THEN ${uid(ctx.ids, "d01", "c")} ELSE ${uid(ctx.ids, "d02", "c")} END AS oid, ${FULFILLMENT} AS fs FROM r
), ins AS (
  INSERT INTO "Order" (id, "workspaceId", "customerId", number, status, "financialStatus", "fulfillmentStatus", "subtotalCents", "shippingCents", "taxCents", "totalCents", "placedAt", "createdAt", "updatedAt")
  SELECT oid, ${ws}, ${uid(ctx.ids, "c01", "c")},
    CASE WHEN n = 1 THEN ${orderNumber("c")} ELSE ${orderNumber("c")} || '-2' END,
    (CASE WHEN fr < 0.5 THEN 'CLOSED' ELSE 'OPEN' END)::"OrderStatus", 'PAID'::"FinancialStatus", fs::"FulfillmentStatus",
    sub, 595, (sub * 0.08)::int, sub + 595 + (sub * 0.08)::int, placed, placed, ${now}
  FROM o
)
INSERT INTO "Fulfillment" (id, "workspaceId", "orderId", status, carrier, "trackingNumber", "shippedAt", eta, delayed, "deliveredAt", "createdAt", "updatedAt")
SELECT overlay(oid::text placing CASE WHEN n = 1 THEN 'd03' ELSE 'd04' END from 16 for 3)::uuid, ${ws}, oid, fs::"FulfillmentStatus", {{carriers}}[1 + ${pickIndex("c", 43, corpus.carriers.length)}],
  ${trackingNumber("c")}, placed + interval '1 day', placed + interval '5 days', fs = 'EXCEPTION',
  CASE WHEN fs = 'DELIVERED' THEN placed + interval '4 days' END, placed + interval '1 day', ${now}
FROM o WHERE fs <> 'UNFULFILLED'`;
  return bind(sql, arrays(ctx));
}

/** One row per conversation j in [lo, hi] with every derived attribute both statements below need. */
function conversationRows(ctx: BulkContext, lo: number, hi: number): string {
  const now = sqlTimestamp(ctx.now);
  return `
a AS (
  SELECT j, ${customerOf("j", ctx.customers)} AS c, ${messageCount("j", ctx.conversations, ctx.messages)} AS cnt,
    ${now} - make_interval(secs => ${H("j", 13)} * 120 * 86400) AS last_at,
    make_interval(mins => 5 + ${pickIndex("j", 14, 175)}) AS gap,
    CASE WHEN ${H("j", 10)} < 0.35 THEN 'OPEN' WHEN ${H("j", 10)} < 0.5 THEN 'PENDING' WHEN ${H("j", 10)} < 0.55 THEN 'SNOOZED' ELSE 'RESOLVED' END AS status,
    CASE WHEN ${H("j", 22)} < 0.6 THEN 'NONE' WHEN ${H("j", 22)} < 0.7 THEN 'LOW' WHEN ${H("j", 22)} < 0.85 THEN 'NORMAL' WHEN ${H("j", 22)} < 0.95 THEN 'HIGH' ELSE 'URGENT' END AS prio,
    1 + ${pickIndex("j", 17, ctx.channelSlots.length)} AS ch
  FROM generate_series(${lo}, ${hi}) j
), g AS (
  SELECT a.*, status <> 'RESOLVED' AND ${H("j", 11)} < 0.4 AS waiting, {{chanEmail}}[ch] AS is_email,
    CASE WHEN ${H("j", 18)} < 0.1 THEN NULL ELSE {{chanTeam}}[ch] END AS team
  FROM a
), conv AS (
  SELECT g.*, CASE WHEN ${H("j", 19)} < 0.5 THEN
    CASE WHEN team = ${sqlUuid(ctx.returnsTeamId)} AND ${H("j", 21)} < 0.25 THEN ${sqlUuid(ctx.volunteerId)} ELSE {{agents}}[1 + ${pickIndex("j", 20, ctx.agentIds.length)}] END
  END AS assignee
  FROM g
)`;
}

/** Message s of conversation j: a template body with the customer's order/tracking, email-formatted on email. */
function messageText(j: string, s: string, inbound: string, note: string): string {
  const n = `(${j})::bigint * 64 + (${s})`;
  const body = `replace(replace({{bodies}}[1 + ${pickIndex(n, 16, corpus.bodies.length)}], '${ORDER_TOKEN}', ${orderNumber("c")}), '${TRACKING_TOKEN}', ${trackingNumber("c")})`;
  const first = `{{firstNames}}[1 + c % ${nFirst}]`;
  return `CASE WHEN NOT is_email OR ${note} THEN ${body}
    WHEN ${inbound} THEN ${body} || E'\\n\\nThanks,\\n' || ${first}
    ELSE 'Hi ' || ${first} || E',\\n\\n' || ${body} || E'\\n\\nBest,\\nDemo Store Customer Care' END`;
}

export function conversationsChunk(ctx: BulkContext, lo: number, hi: number): Bound {
  const ws = sqlUuid(ctx.workspaceId);
  const sql = `
WITH ${conversationRows(ctx, lo, hi)}
INSERT INTO "Conversation" (id, "workspaceId", number, "channelId", "customerId", subject, status, priority, "assigneeId", "teamId",
  "lastMessageAt", "lastInboundAt", "lastOutboundAt", "waitingSince", "firstResponseAt", "resolvedAt", "slaDueAt", "snoozedUntil",
  preview, "messageCount", "createdAt", "updatedAt")
SELECT ${uid(ctx.ids, "e01", "j")}, ${ws}, j, {{chan}}[ch], ${uid(ctx.ids, "c01", "c")},
  CASE WHEN is_email THEN replace({{subjects}}[1 + ${pickIndex("j", 24, corpus.subjects.length)}], '${ORDER_TOKEN}', ${orderNumber("c")}) END,
  status::"ConversationStatus", prio::"Priority", assignee, team, last_at,
  CASE WHEN waiting THEN last_at WHEN cnt > 1 THEN last_at - gap END,
  CASE WHEN NOT waiting THEN last_at WHEN cnt > 1 THEN last_at - gap END,
  CASE WHEN waiting THEN last_at END,
  CASE WHEN cnt > 1 THEN last_at - (cnt - 2) * gap END,
  CASE WHEN status = 'RESOLVED' THEN last_at + interval '10 minutes' END,
  CASE WHEN waiting THEN last_at + interval '4 hours' END,
  CASE WHEN status = 'SNOOZED' THEN ${sqlTimestamp(ctx.now)} + (1 + ${pickIndex("j", 23, 72)}) * interval '1 hour' END,
  left(regexp_replace(${messageText("j", "cnt", "waiting", "false")}, '\\s+', ' ', 'g'), 140),
  cnt, last_at - (cnt - 1) * gap, last_at
FROM conv`;
  return bind(sql, arrays(ctx));
}

export function messagesChunk(ctx: BulkContext, lo: number, hi: number): Bound {
  const ws = sqlUuid(ctx.workspaceId);
  const sql = `
WITH ${conversationRows(ctx, lo, hi)}, m AS (
  SELECT conv.*, s, ((cnt - s) % 2 = 0) = waiting AS inbound, s < cnt AND ${H("j * 64 + s", 15)} < 0.08 AS note
  FROM conv, generate_series(1, cnt) s
), mm AS (SELECT m.*, inbound AND NOT note AS cust FROM m)
INSERT INTO "Message" (id, "workspaceId", "conversationId", "channelId", direction, kind, "authorType", "authorUserId", "customerId",
  text, "externalId", "deliveryStatus", "sentAt", "deliveredAt", "createdAt")
SELECT ${uid(ctx.ids, "f01", "j * 64 + s")}, ${ws}, ${uid(ctx.ids, "e01", "j")}, {{chan}}[ch],
  (CASE WHEN cust THEN 'IN' ELSE 'OUT' END)::"MessageDirection",
  (CASE WHEN note THEN 'NOTE' ELSE 'MESSAGE' END)::"MessageKind",
  (CASE WHEN cust THEN 'CUSTOMER' ELSE 'AGENT' END)::"AuthorType",
  CASE WHEN NOT cust THEN coalesce(assignee, {{agents}}[1]) END,
  CASE WHEN cust THEN ${uid(ctx.ids, "c01", "c")} END,
  ${messageText("j", "s", "inbound", "note")},
  CASE WHEN cust THEN 'bench-${ctx.ids.salt}-' || (j * 64 + s) END,
  (CASE WHEN NOT cust AND NOT note THEN 'DELIVERED' END)::"DeliveryStatus",
  CASE WHEN NOT cust AND NOT note THEN last_at - (cnt - s) * gap END,
  CASE WHEN NOT cust AND NOT note THEN last_at - (cnt - s) * gap + interval '2 seconds' END,
  last_at - (cnt - s) * gap
FROM mm`;
  return bind(sql, arrays(ctx));
}

/** ~30% of conversations carry one tag (the list query loads tags). */
export function tagsChunk(ctx: BulkContext, lo: number, hi: number): Bound {
  const sql = `
INSERT INTO "ConversationTag" ("conversationId", "tagId", "workspaceId", "createdAt")
SELECT ${uid(ctx.ids, "e01", "j")}, {{tags}}[1 + ${pickIndex("j", 31, ctx.tagIds.length)}], ${sqlUuid(ctx.workspaceId)}, ${sqlTimestamp(ctx.now)}
FROM generate_series(${lo}, ${hi}) j WHERE ${H("j", 30)} < 0.3`;
  return bind(sql, arrays(ctx));
}

export function lastContactUpdate(ctx: BulkContext): Bound {
  return {
    text: `UPDATE "Customer" cu SET "lastContactAt" = x.m FROM (
      SELECT "customerId", max("lastMessageAt") AS m FROM "Conversation" WHERE "workspaceId" = ${sqlUuid(ctx.workspaceId)} GROUP BY 1) x
      WHERE cu.id = x."customerId"`,
    values: [],
  };
}
