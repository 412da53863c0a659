import type { Db } from "../db/client";
import { seesAllQueues, type Actor } from "../auth/actor";
import type { ChannelKind } from "../db/generated/enums";

const CHANNEL_ORDER: ChannelKind[] = ["EMAIL", "CHAT", "WHATSAPP", "MESSENGER", "INSTAGRAM", "TELEGRAM", "SMS"];

/** Teams the actor can open as queues: all of them for agents and up, their own for volunteers. */
export async function getWorkspaceOverview(db: Db, actor: Actor) {
  const [teams, channels] = await Promise.all([
    db.team.findMany({
      where: { workspaceId: actor.workspaceId, ...(seesAllQueues(actor) ? {} : { id: { in: actor.teamIds } }) },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.channel.findMany({
      where: { workspaceId: actor.workspaceId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, kind: true },
    }),
  ]);
  // channel kinds present, in a fixed order, for the "by channel" views
  const kinds = [...new Set(channels.map((c) => c.kind))].sort((a, b) => CHANNEL_ORDER.indexOf(a) - CHANNEL_ORDER.indexOf(b));
  return { teams: teams.map((t) => ({ ...t, isMember: actor.teamIds.includes(t.id) })), channelKinds: kinds };
}

export async function listMembers(db: Db, actor: Actor) {
  const now = new Date();
  const rows = await db.membership.findMany({
    where: { workspaceId: actor.workspaceId, active: true, OR: [{ accessUntil: null }, { accessUntil: { gt: now } }] },
    select: { role: true, user: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
    take: 1000,
  });
  return rows.map((r) => ({ id: r.user.id, name: r.user.name, role: r.role }));
}
