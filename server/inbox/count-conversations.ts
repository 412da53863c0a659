import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import type { ChannelKind, ConversationStatus } from "../db/generated/enums";
import { seesAllQueues } from "../auth/actor";

export type ConversationCounts = {
  views: { all: number; mine: number; unassigned: number };
  /** open conversations per team (teams in the actor's scope with at least one) */
  teams: Record<string, number>;
  status: Record<ConversationStatus, number>;
  /** open conversations per channel kind (kinds with at least one) */
  channelKinds: Partial<Record<ChannelKind, number>>;
};

type BucketRow = { status: ConversationStatus; teamId: string | null; kind: ChannelKind; unassigned: boolean; mine: boolean; n: number };

/**
 * Exact live counts for the views sidebar and status tabs, from the ConversationCount delta rows (kept by triggers,
 * folded by compactConversationCounts): one statement whose cost follows the number of (status, team, assignee,
 * channel) buckets plus the deltas since the last fold — the same for ten thousand conversations as for a million.
 */
export async function countConversations(db: Db, actor: Actor): Promise<ConversationCounts> {
  const scope = seesAllQueues(actor) ? Prisma.empty : Prisma.sql`AND cc."teamId" = ANY(${actor.teamIds}::uuid[])`;
  const rows = await db.$queryRaw<BucketRow[]>`
    SELECT cc.status, cc."teamId", ch.kind,
           cc."assigneeId" IS NULL AS unassigned,
           coalesce(cc."assigneeId" = ${actor.userId}::uuid, false) AS mine,
           sum(cc.n)::int AS n
    FROM "ConversationCount" cc JOIN "Channel" ch ON ch.id = cc."channelId"
    WHERE cc."workspaceId" = ${actor.workspaceId}::uuid ${scope}
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(cc.n) <> 0`;
  const counts: ConversationCounts = {
    views: { all: 0, mine: 0, unassigned: 0 },
    teams: {},
    status: { OPEN: 0, PENDING: 0, SNOOZED: 0, RESOLVED: 0 },
    channelKinds: {},
  };
  for (const r of rows) {
    counts.status[r.status] += r.n;
    if (r.status !== "OPEN") continue;
    counts.views.all += r.n;
    if (r.mine) counts.views.mine += r.n;
    if (r.unassigned) counts.views.unassigned += r.n;
    if (r.teamId) counts.teams[r.teamId] = (counts.teams[r.teamId] ?? 0) + r.n;
    counts.channelKinds[r.kind] = (counts.channelKinds[r.kind] ?? 0) + r.n;
  }
  return counts;
}

/**
 * Folds each workspace's delta rows into one row per non-empty bucket. One statement: rows inserted by transactions
 * that commit meanwhile are not visible to the DELETE and stay for the next fold, so no count is lost or doubled.
 */
export async function compactConversationCounts(db: Db): Promise<{ before: number; after: number }> {
  const [r] = await db.$queryRaw<{ before: number; after: number }[]>`
    WITH folded AS (DELETE FROM "ConversationCount" RETURNING *),
    kept AS (
      INSERT INTO "ConversationCount" ("workspaceId", status, "teamId", "assigneeId", "channelId", n)
      SELECT "workspaceId", status, "teamId", "assigneeId", "channelId", sum(n)::int
      FROM folded GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0
      RETURNING 1
    )
    SELECT (SELECT count(*)::int FROM folded) AS before, (SELECT count(*)::int FROM kept) AS after`;
  return r ?? { before: 0, after: 0 };
}
