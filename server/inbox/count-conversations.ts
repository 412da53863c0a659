import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import type { ChannelKind, ConversationStatus } from "../db/generated/enums";
import { conversationScopeSql } from "./inbox.repository";

/**
 * Counts stop at COUNT_CAP: each one is an index(-only) range scan of at most COUNT_CAP + 1 entries, so the sidebar
 * costs the same for a workspace with 10 thousand conversations as for one with a million (where ~half are
 * resolved: counting them exactly read the whole workspace). A capped number is a lower bound, flagged in `capped`
 * (the UI shows "10k+").
 */
export const COUNT_CAP = 10_000;

const STATUSES = ["OPEN", "PENDING", "SNOOZED", "RESOLVED"] as const satisfies readonly ConversationStatus[];

export type ConversationCounts = {
  views: { all: number; mine: number; unassigned: number };
  /** open conversations per team (teams in the actor's scope with at least one) */
  teams: Record<string, number>;
  status: Record<ConversationStatus, number>;
  /** open conversations per channel kind (kinds with at least one) */
  channelKinds: Partial<Record<ChannelKind, number>>;
  /** which of the numbers above reached COUNT_CAP, i.e. are "COUNT_CAP or more" */
  capped: {
    views: Partial<Record<"all" | "mine" | "unassigned", true>>;
    teams: Record<string, true>;
    status: Partial<Record<ConversationStatus, true>>;
    channelKinds: Partial<Record<ChannelKind, true>>;
  };
};

type CountsRow = {
  status: Record<ConversationStatus, number>;
  mine: number;
  unassigned: number;
  teams: [string, number][];
  channels: [ChannelKind, number][];
};

/** Live counts for the views sidebar and status tabs (open conversations per view/team/channel kind; all statuses). */
export async function countConversations(db: Db, actor: Actor): Promise<ConversationCounts> {
  const [row] = await db.$queryRaw<CountsRow[]>(countsSql(actor));
  if (!row) throw new Error("counts query returned no row");
  const cap = (n: number) => Math.min(n, COUNT_CAP);
  const counts: ConversationCounts = {
    views: { all: cap(row.status.OPEN), mine: cap(row.mine), unassigned: cap(row.unassigned) },
    teams: {},
    status: {
      OPEN: cap(row.status.OPEN),
      PENDING: cap(row.status.PENDING),
      SNOOZED: cap(row.status.SNOOZED),
      RESOLVED: cap(row.status.RESOLVED),
    },
    channelKinds: {},
    capped: { views: {}, teams: {}, status: {}, channelKinds: {} },
  };
  const { capped } = counts;
  if (row.status.OPEN > COUNT_CAP) capped.views.all = true;
  if (row.mine > COUNT_CAP) capped.views.mine = true;
  if (row.unassigned > COUNT_CAP) capped.views.unassigned = true;
  for (const s of STATUSES) if (row.status[s] > COUNT_CAP) capped.status[s] = true;
  for (const [teamId, n] of row.teams) {
    if (n === 0) continue;
    counts.teams[teamId] = cap(n);
    if (n > COUNT_CAP) capped.teams[teamId] = true;
  }
  // several channels can share a kind: the sum of capped channel counts is a lower bound too
  for (const [kind, n] of row.channels) {
    if (n === 0) continue;
    counts.channelKinds[kind] = (counts.channelKinds[kind] ?? 0) + cap(n);
    if (n > COUNT_CAP) capped.channelKinds[kind] = true;
  }
  for (const [kind, n] of Object.entries(counts.channelKinds) as [ChannelKind, number][]) {
    if (n > COUNT_CAP) {
      counts.channelKinds[kind] = COUNT_CAP;
      capped.channelKinds[kind] = true;
    }
  }
  return counts;
}

/**
 * One statement: each count is `count(*)` over a `LIMIT COUNT_CAP + 1` subquery on a status-bearing index —
 * (workspaceId, status, …), (workspaceId, assigneeId, status, …), (workspaceId, teamId, status, …),
 * (workspaceId, channelId, status, …).
 */
function countsSql(actor: Actor): Prisma.Sql {
  const limit = COUNT_CAP + 1;
  const scope = conversationScopeSql(actor, Prisma.raw("c"));
  const count = (where: Prisma.Sql) =>
    Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM "Conversation" c WHERE ${scope} AND ${where} LIMIT ${limit}) x)`;
  const open = Prisma.sql`c.status = 'OPEN'::"ConversationStatus"`;
  return Prisma.sql`
    SELECT
      json_build_object(${Prisma.join(
        STATUSES.map((s) => Prisma.sql`${s}::text, ${count(Prisma.sql`c.status = ${s}::"ConversationStatus"`)}`),
      )}) AS status,
      ${count(Prisma.sql`${open} AND c."assigneeId" = ${actor.userId}::uuid`)} AS mine,
      ${count(Prisma.sql`${open} AND c."assigneeId" IS NULL`)} AS unassigned,
      (SELECT coalesce(json_agg(json_build_array(t.id, ${count(Prisma.sql`${open} AND c."teamId" = t.id`)})), '[]'::json)
         FROM "Team" t WHERE t."workspaceId" = ${actor.workspaceId}::uuid) AS teams,
      (SELECT coalesce(json_agg(json_build_array(ch.kind, ${count(Prisma.sql`${open} AND c."channelId" = ch.id`)})), '[]'::json)
         FROM "Channel" ch WHERE ch."workspaceId" = ${actor.workspaceId}::uuid) AS channels`;
}
