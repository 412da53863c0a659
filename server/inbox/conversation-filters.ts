import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { ChannelKind } from "../db/generated/enums";
import { seesAllQueues, type Actor } from "../auth/actor";
import { AppError } from "../lib/errors";
import { findConversationIdsByText } from "./inbox.repository";
import type { ConversationFilters } from "./inbox.schemas";

/** The text filter narrows to at most this many conversations (most relevant ones are not ranked: any match). */
export const TEXT_MATCH_CAP = 1000;
const DUE_SOON_MS = 60 * 60_000;

function slaFilter(state: NonNullable<ConversationFilters["sla"]>, now: Date): Prisma.ConversationWhereInput {
  const soon = new Date(now.getTime() + DUE_SOON_MS);
  switch (state) {
    case "breached":
      return { OR: [{ slaBreachedAt: { not: null } }, { slaDueAt: { lt: now } }] };
    case "due_soon":
      return { slaBreachedAt: null, slaDueAt: { gte: now, lte: soon } };
    case "ok":
      // the complement of the two above, so the three states partition the inbox
      return { slaBreachedAt: null, OR: [{ slaDueAt: null }, { slaDueAt: { gt: soon } }] };
  }
}

/**
 * A channel kind as the workspace's channel ids: with one channel of that kind (the usual case) the list is an
 * index range on (workspaceId, channelId, status, lastMessageAt, id) from the cursor; a join on Channel.kind would
 * walk the whole status index and test each row, which is slow exactly when the kind is rare.
 */
async function channelKindFilter(db: Db, workspaceId: string, kind: ChannelKind): Promise<Prisma.ConversationWhereInput> {
  const channels = await db.channel.findMany({ where: { workspaceId, kind }, select: { id: true } });
  const [only] = channels;
  if (channels.length === 1 && only) return { channelId: only.id };
  return { channelId: { in: channels.map((c) => c.id) } };
}

/** Volunteers only reach their teams' queues: filtering by another team is refused, not silently empty. */
export function assertTeamReachable(actor: Actor, teamId: string): void {
  if (!seesAllQueues(actor) && !actor.teamIds.includes(teamId)) throw new AppError("FORBIDDEN", "You are not in this team's queue");
}

/**
 * The `where` for a list's (or a saved view's) filters, status included. It does NOT scope by actor: callers
 * AND it with conversationScope(actor). Refuses a team the actor cannot reach, like the team view.
 */
export async function conversationFilter(
  db: Db,
  actor: Actor,
  f: ConversationFilters,
  now = new Date(),
): Promise<Prisma.ConversationWhereInput> {
  const filters: Prisma.ConversationWhereInput[] = [{ status: f.status }];
  switch (f.view) {
    case "mine":
      filters.push({ assigneeId: actor.userId });
      break;
    case "unassigned":
      filters.push({ assigneeId: null });
      break;
    case "team":
      if (!f.teamId) throw new AppError("BAD_REQUEST", "teamId is required for the team view");
      break;
    case "all":
      break;
  }
  if (f.teamId) {
    assertTeamReachable(actor, f.teamId);
    filters.push({ teamId: f.teamId });
  }
  if (f.channelKind) filters.push(await channelKindFilter(db, actor.workspaceId, f.channelKind));
  if (f.tagId) filters.push({ tags: { some: { tagId: f.tagId } } });
  if (f.priority) filters.push({ priority: f.priority });
  if (f.assigneeId) filters.push({ assigneeId: f.assigneeId });
  if (f.sla) filters.push(slaFilter(f.sla, now));
  if (f.waitingOver) filters.push({ waitingSince: { lt: new Date(now.getTime() - f.waitingOver * 60_000) } });
  if (f.vip !== undefined) filters.push({ customer: { vip: f.vip } });
  const text = f.text?.trim();
  if (text) {
    const ids = await findConversationIdsByText(db, actor, { q: text, status: f.status, take: TEXT_MATCH_CAP });
    filters.push({ id: { in: ids } });
  }
  return { AND: filters };
}
