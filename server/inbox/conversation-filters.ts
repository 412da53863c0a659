import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { queryRows } from "../db/sql";
import type { ChannelKind } from "../db/generated/enums";
import { seesAllQueues, type Actor } from "../auth/actor";
import { AppError } from "../lib/errors";
import { findConversationIdsByText } from "./inbox.repository";
import type { ConversationFilters } from "./inbox.schemas";

/** The text filter narrows to at most this many conversations (most relevant ones are not ranked: any match). */
export const TEXT_MATCH_CAP = 1000;
const DUE_SOON_MS = 60 * 60_000;

function slaFilter(state: NonNullable<ConversationFilters["sla"]>, now: Date): Prisma.Sql {
  const soon = new Date(now.getTime() + DUE_SOON_MS);
  switch (state) {
    case "breached":
      return Prisma.sql`(c."slaBreachedAt" IS NOT NULL OR c."slaDueAt" < ${now})`;
    case "due_soon":
      return Prisma.sql`c."slaBreachedAt" IS NULL AND c."slaDueAt" >= ${now} AND c."slaDueAt" <= ${soon}`;
    case "ok":
      // the complement of the two above, so the three states partition the inbox
      return Prisma.sql`c."slaBreachedAt" IS NULL AND (c."slaDueAt" IS NULL OR c."slaDueAt" > ${soon})`;
  }
}

/**
 * A channel kind as the workspace's channel ids: with one channel of that kind (the usual case) the list is an
 * index range on (workspaceId, channelId, status, lastMessageAt, id) from the cursor; a join on Channel.kind would
 * walk the whole status index and test each row, which is slow exactly when the kind is rare.
 */
async function channelKindFilter(db: Db, workspaceId: string, kind: ChannelKind): Promise<Prisma.Sql> {
  const channels = await queryRows<{ id: string }>(
    db,
    Prisma.sql`SELECT id FROM "Channel" WHERE "workspaceId" = ${workspaceId}::uuid AND kind = ${kind}::"ChannelKind"`,
  );
  const [only] = channels;
  if (channels.length === 1 && only) return Prisma.sql`c."channelId" = ${only.id}::uuid`;
  return Prisma.sql`c."channelId" = ANY(${channels.map((ch) => ch.id)}::uuid[])`;
}

/** Volunteers only reach their teams' queues: filtering by another team is refused, not silently empty. */
export function assertTeamReachable(actor: Actor, teamId: string): void {
  if (!seesAllQueues(actor) && !actor.teamIds.includes(teamId)) throw new AppError("FORBIDDEN", "You are not in this team's queue");
}

/**
 * The condition on "Conversation" c for a list's (or a saved view's) filters, status included. It does NOT scope
 * by actor: callers AND it with conversationScopeSql(actor). Refuses a team the actor cannot reach, like the team
 * view. Every value is a bound parameter.
 */
export async function conversationFilter(db: Db, actor: Actor, f: ConversationFilters, now = new Date()): Promise<Prisma.Sql> {
  const filters: Prisma.Sql[] = [Prisma.sql`c.status = ${f.status}::"ConversationStatus"`];
  switch (f.view) {
    case "mine":
      filters.push(Prisma.sql`c."assigneeId" = ${actor.userId}::uuid`);
      break;
    case "unassigned":
      filters.push(Prisma.sql`c."assigneeId" IS NULL`);
      break;
    case "team":
      if (!f.teamId) throw new AppError("BAD_REQUEST", "teamId is required for the team view");
      break;
    case "all":
      break;
  }
  if (f.teamId) {
    assertTeamReachable(actor, f.teamId);
    filters.push(Prisma.sql`c."teamId" = ${f.teamId}::uuid`);
  }
  if (f.channelKind) filters.push(await channelKindFilter(db, actor.workspaceId, f.channelKind));
  if (f.tagId) {
    filters.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "ConversationTag" ct WHERE ct."conversationId" = c.id AND ct."tagId" = ${f.tagId}::uuid)`,
    );
  }
  if (f.priority) filters.push(Prisma.sql`c.priority = ${f.priority}::"Priority"`);
  if (f.assigneeId) filters.push(Prisma.sql`c."assigneeId" = ${f.assigneeId}::uuid`);
  if (f.sla) filters.push(slaFilter(f.sla, now));
  if (f.waitingOver) filters.push(Prisma.sql`c."waitingSince" < ${new Date(now.getTime() - f.waitingOver * 60_000)}`);
  if (f.vip !== undefined) {
    filters.push(Prisma.sql`EXISTS (SELECT 1 FROM "Customer" cu WHERE cu.id = c."customerId" AND cu.vip = ${f.vip})`);
  }
  const text = f.text?.trim();
  if (text) {
    const ids = await findConversationIdsByText(db, actor, { q: text, status: f.status, take: TEXT_MATCH_CAP });
    filters.push(Prisma.sql`c.id = ANY(${ids}::uuid[])`);
  }
  return Prisma.join(filters, " AND ");
}
