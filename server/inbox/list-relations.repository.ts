import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { PREPARED, queryRows } from "../db/sql";
import type { ChannelKind } from "../db/generated/enums";

export type PageKeys = { id: string; channelId: string; customerId: string; assigneeId: string | null; teamId: string | null };

export type ListRelations = {
  channels: Map<string, { id: string; kind: ChannelKind; name: string }>;
  customers: Map<string, { id: string; name: string | null; email: string | null; vip: boolean }>;
  users: Map<string, { id: string; name: string }>;
  teams: Map<string, { id: string; name: string }>;
  /** per conversation, by tag name */
  tags: Map<string, { id: string; name: string; color: string }[]>;
  /** this member's read marks for the page's conversations */
  readAt: Map<string, Date>;
};

type Row = {
  channels: { id: string; kind: ChannelKind; name: string }[];
  customers: { id: string; name: string | null; email: string | null; vip: boolean }[];
  users: { id: string; name: string }[];
  teams: { id: string; name: string }[];
  tags: [string, string, string, string][];
  reads: [string, string][];
};

const ids = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))];

/**
 * Everything a list page shows beside the conversation's own columns — channel, customer, assignee, team, tags and
 * the member's read marks — in ONE primary-key-driven statement (Prisma's nested select issues one per relation:
 * six round trips and six result decodings per page, which cost more than the SQL itself), on pg directly.
 */
export async function loadListRelations(db: Db, page: PageKeys[], userId: string): Promise<ListRelations> {
  const empty: ListRelations = {
    channels: new Map(),
    customers: new Map(),
    users: new Map(),
    teams: new Map(),
    tags: new Map(),
    readAt: new Map(),
  };
  if (page.length === 0) return empty;
  const conversationIds = page.map((p) => p.id);
  const [row] = await queryRows<Row>(
    db,
    Prisma.sql`${PREPARED}
    SELECT
      (SELECT coalesce(json_agg(json_build_object('id', ch.id, 'kind', ch.kind, 'name', ch.name)), '[]')
         FROM "Channel" ch WHERE ch.id = ANY(${ids(page.map((p) => p.channelId))}::uuid[])) AS channels,
      (SELECT coalesce(json_agg(json_build_object('id', cu.id, 'name', cu.name, 'email', cu.email, 'vip', cu.vip)), '[]')
         FROM "Customer" cu WHERE cu.id = ANY(${ids(page.map((p) => p.customerId))}::uuid[])) AS customers,
      (SELECT coalesce(json_agg(json_build_object('id', u.id, 'name', u.name)), '[]')
         FROM "User" u WHERE u.id = ANY(${ids(page.map((p) => p.assigneeId))}::uuid[])) AS users,
      (SELECT coalesce(json_agg(json_build_object('id', t.id, 'name', t.name)), '[]')
         FROM "Team" t WHERE t.id = ANY(${ids(page.map((p) => p.teamId))}::uuid[])) AS teams,
      (SELECT coalesce(json_agg(json_build_array(ct."conversationId", t.id, t.name, t.color) ORDER BY t.name), '[]')
         FROM "ConversationTag" ct JOIN "Tag" t ON t.id = ct."tagId"
         WHERE ct."conversationId" = ANY(${conversationIds}::uuid[])) AS tags,
      (SELECT coalesce(json_agg(json_build_array(r."conversationId", r."lastReadAt")), '[]')
         FROM "ConversationRead" r
         WHERE r."conversationId" = ANY(${conversationIds}::uuid[]) AND r."userId" = ${userId}::uuid) AS reads`,
  );
  if (!row) return empty;
  const tags = new Map<string, { id: string; name: string; color: string }[]>();
  for (const [conversationId, id, name, color] of row.tags) {
    const list = tags.get(conversationId) ?? [];
    list.push({ id, name, color });
    tags.set(conversationId, list);
  }
  return {
    channels: new Map(row.channels.map((c) => [c.id, c])),
    customers: new Map(row.customers.map((c) => [c.id, c])),
    users: new Map(row.users.map((u) => [u.id, u])),
    teams: new Map(row.teams.map((t) => [t.id, t])),
    tags,
    // json timestamps come without a zone; they are UTC (timestamp(3) columns written in UTC)
    readAt: new Map(row.reads.map(([id, at]) => [id, new Date(at.endsWith("Z") ? at : `${at}Z`)])),
  };
}
