import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { ChannelKind } from "../db/generated/enums";

export const mergeCandidateSelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  locale: true,
  timezone: true,
  vip: true,
  mergedIntoId: true,
  lastContactAt: true,
  createdAt: true,
  identities: { select: { id: true, channelKind: true, address: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  _count: { select: { conversations: true, orders: true } },
} satisfies Prisma.CustomerSelect;
export type MergeCandidateRow = Prisma.CustomerGetPayload<{ select: typeof mergeCandidateSelect }>;

/** Customers of the workspace with their identities and counts (the suggestion's subject, the preview's pair). */
export function findMergeCandidates(db: Db, workspaceId: string, ids: string[]): Promise<MergeCandidateRow[]> {
  return db.customer.findMany({ where: { id: { in: ids }, workspaceId }, select: mergeCandidateSelect });
}

export type SuggestionRow = {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  vip: boolean;
  lastContactAt: Date | null;
  channelKinds: ChannelKind[];
  conversationCount: number;
  orderCount: number;
  reasons: { kind: "email" | "phone"; value: string }[];
};

/**
 * Other live customers sharing one of these e-mails or phones — in an identity (unique (workspaceId, channelKind,
 * address) btree) or on the record (Customer(workspaceId, lower(email)) and (workspaceId, phone) btrees). Every
 * branch is an equality lookup on a handful of keys, and the result is capped: bounded whatever the workspace.
 */
export function findSuggestions(
  db: Db,
  args: { workspaceId: string; customerId: string; emails: string[]; phones: string[]; take: number },
): Promise<SuggestionRow[]> {
  const ws = Prisma.sql`${args.workspaceId}::uuid`;
  return db.$queryRaw<SuggestionRow[]>`
    WITH hits AS (
      SELECT ci."customerId" AS id, 'email' AS kind, ci.address AS value FROM "CustomerIdentity" ci
      WHERE ci."workspaceId" = ${ws} AND ci."channelKind" = 'EMAIL' AND ci.address = ANY(${args.emails}::text[])
      UNION
      SELECT ci."customerId", 'phone', ci.address FROM "CustomerIdentity" ci
      WHERE ci."workspaceId" = ${ws} AND ci."channelKind" IN ('WHATSAPP', 'SMS') AND ci.address = ANY(${args.phones}::text[])
      UNION
      SELECT c.id, 'email', lower(c.email) FROM "Customer" c WHERE c."workspaceId" = ${ws} AND lower(c.email) = ANY(${args.emails}::text[])
      UNION
      SELECT c.id, 'phone', c.phone FROM "Customer" c WHERE c."workspaceId" = ${ws} AND c.phone = ANY(${args.phones}::text[])
    ),
    matches AS (
      SELECT c.id, c.name, c.email, c.phone, c.vip, c."lastContactAt",
        json_agg(DISTINCT jsonb_build_object('kind', h.kind, 'value', h.value)) AS reasons
      FROM hits h JOIN "Customer" c ON c.id = h.id
      WHERE c.id <> ${args.customerId}::uuid AND c."mergedIntoId" IS NULL AND c."workspaceId" = ${ws}
      GROUP BY c.id
      ORDER BY c."lastContactAt" DESC NULLS LAST, c.id
      LIMIT ${args.take}
    )
    SELECT m.*,
      coalesce((SELECT array_agg(DISTINCT ci."channelKind"::text) FROM "CustomerIdentity" ci WHERE ci."customerId" = m.id), '{}') AS "channelKinds",
      (SELECT count(*)::int FROM "Conversation" cv WHERE cv."customerId" = m.id) AS "conversationCount",
      (SELECT count(*)::int FROM "Order" o WHERE o."customerId" = m.id) AS "orderCount"
    FROM matches m
    ORDER BY m."lastContactAt" DESC NULLS LAST, m.id`;
}
