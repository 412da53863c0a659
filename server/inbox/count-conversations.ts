import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import type { ChannelKind } from "../db/generated/enums";
import { conversationScope } from "./inbox.repository";

/** Live counts for the views sidebar and status tabs (open conversations per view/team; all statuses). */
export async function countConversations(db: Db, actor: Actor) {
  const scope = conversationScope(actor);
  const open = { AND: [scope, { status: "OPEN" as const }] };
  const [byStatus, mine, unassigned, byTeam, byChannel, channels] = await Promise.all([
    db.conversation.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    db.conversation.count({ where: { AND: [open, { assigneeId: actor.userId }] } }),
    db.conversation.count({ where: { AND: [open, { assigneeId: null }] } }),
    db.conversation.groupBy({ by: ["teamId"], where: open, _count: { _all: true } }),
    db.conversation.groupBy({ by: ["channelId"], where: open, _count: { _all: true } }),
    db.channel.findMany({ where: { workspaceId: actor.workspaceId }, select: { id: true, kind: true } }),
  ]);
  const status = { OPEN: 0, PENDING: 0, SNOOZED: 0, RESOLVED: 0 };
  for (const row of byStatus) status[row.status] = row._count._all;
  const teams: Record<string, number> = {};
  for (const row of byTeam) if (row.teamId) teams[row.teamId] = row._count._all;
  const kindOf = new Map(channels.map((c) => [c.id, c.kind]));
  const channelKinds: Partial<Record<ChannelKind, number>> = {};
  for (const row of byChannel) {
    const kind = kindOf.get(row.channelId);
    if (kind) channelKinds[kind] = (channelKinds[kind] ?? 0) + row._count._all;
  }
  return { views: { all: status.OPEN, mine, unassigned }, teams, status, channelKinds };
}
