import type { Db } from "../db/client";
import type { ConversationStatus, Priority } from "../db/generated/enums";
import { seesAllQueues, type Actor } from "../auth/actor";
import { enqueue } from "../jobs/queue";
import { AppError } from "../lib/errors";
import { eventMessage, lockConversations, withEvents, type MutableConversation, type Tx } from "./conversation-mutation";
import { insertNotifications } from "../notifications/notifications.repository";

export type ConversationChange =
  | { type: "assign"; assigneeId: string | null }
  | { type: "team"; teamId: string | null }
  | { type: "priority"; priority: Priority }
  | { type: "status"; status: ConversationStatus; snoozedUntil?: Date };

/** What a change replaced, so the UI can undo it by applying `previous` back. */
export type ChangeResult = { conversationId: string; previous: ConversationChange };

async function memberName(tx: Tx, actor: Actor, userId: string): Promise<string> {
  const m = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: actor.workspaceId, userId } },
    select: { active: true, accessUntil: true, user: { select: { name: true } } },
  });
  if (!m || !m.active || (m.accessUntil && m.accessUntil <= new Date()))
    throw new AppError("BAD_REQUEST", "That person is not an active member of this workspace");
  return m.user.name;
}

async function applyOne(
  tx: Tx,
  actor: Actor,
  c: MutableConversation,
  change: ConversationChange,
): Promise<{ previous: ConversationChange; text: string | null }> {
  switch (change.type) {
    case "assign": {
      // volunteers may claim a conversation or hand it back, not assign others
      if (!seesAllQueues(actor) && change.assigneeId !== null && change.assigneeId !== actor.userId) {
        throw new AppError("FORBIDDEN", "Volunteers can only assign conversations to themselves");
      }
      const name = change.assigneeId ? await memberName(tx, actor, change.assigneeId) : null;
      await tx.conversation.update({ where: { id: c.id }, data: { assigneeId: change.assigneeId }, select: { id: true } });
      const text =
        name === null
          ? `${actor.name} unassigned this conversation`
          : change.assigneeId === actor.userId
            ? `${actor.name} took this conversation`
            : `${actor.name} assigned this to ${name}`;
      return { previous: { type: "assign", assigneeId: c.assigneeId }, text: c.assigneeId === change.assigneeId ? null : text };
    }
    case "team": {
      if (!seesAllQueues(actor)) throw new AppError("FORBIDDEN", "Volunteers cannot move conversations between teams");
      const team = change.teamId
        ? await tx.team.findFirst({ where: { id: change.teamId, workspaceId: actor.workspaceId }, select: { name: true } })
        : null;
      if (change.teamId && !team) throw new AppError("NOT_FOUND", "Team not found");
      await tx.conversation.update({ where: { id: c.id }, data: { teamId: change.teamId }, select: { id: true } });
      return {
        previous: { type: "team", teamId: c.teamId },
        text: c.teamId === change.teamId ? null : team ? `${actor.name} moved this to ${team.name}` : `${actor.name} removed the team`,
      };
    }
    case "priority": {
      await tx.conversation.update({ where: { id: c.id }, data: { priority: change.priority }, select: { id: true } });
      return {
        previous: { type: "priority", priority: c.priority },
        text: c.priority === change.priority ? null : `${actor.name} set priority to ${change.priority.toLowerCase()}`,
      };
    }
    case "status": {
      const now = new Date();
      const snoozedUntil = change.status === "SNOOZED" ? (change.snoozedUntil ?? null) : null;
      const waiting = c.lastInboundAt && (!c.lastOutboundAt || c.lastInboundAt > c.lastOutboundAt) ? c.lastInboundAt : null;
      await tx.conversation.update({
        where: { id: c.id },
        data: {
          status: change.status,
          snoozedUntil,
          resolvedAt: change.status === "RESOLVED" ? now : null,
          waitingSince: change.status === "RESOLVED" ? null : waiting,
        },
        select: { id: true },
      });
      if (snoozedUntil)
        await enqueue(tx, "wake-conversation.v1", { conversationId: c.id }, { jobKey: `wake:${c.id}`, runAt: snoozedUntil });
      const verb = {
        OPEN: "reopened",
        PENDING: "marked this pending",
        SNOOZED: `snoozed this until ${snoozedUntil?.toISOString() ?? ""}`,
        RESOLVED: "resolved this",
      }[change.status];
      const previous: ConversationChange = {
        type: "status",
        status: c.status,
        ...(c.snoozedUntil && c.snoozedUntil > now ? { snoozedUntil: c.snoozedUntil } : {}),
      };
      return { previous, text: c.status === change.status && change.status !== "SNOOZED" ? null : `${actor.name} ${verb}` };
    }
  }
}

/** Applies one change to one or many conversations (bulk) atomically; events after commit. */
export async function changeConversations(
  db: Db,
  actor: Actor,
  conversationIds: string[],
  change: ConversationChange,
): Promise<ChangeResult[]> {
  return withEvents(db, actor, async (tx, emit) => {
    const rows = await lockConversations(tx, actor, conversationIds);
    const results: ChangeResult[] = [];
    const lines = [];
    const notifications = [];
    for (const c of rows) {
      const { previous, text } = await applyOne(tx, actor, c, change);
      results.push({ conversationId: c.id, previous });
      if (text) lines.push(eventMessage(actor, c, text, { ...change }));
      // the assignee hears about it, unless they took it themselves (or already had it)
      if (change.type === "assign" && change.assigneeId && change.assigneeId !== actor.userId && change.assigneeId !== c.assigneeId) {
        notifications.push({
          workspaceId: actor.workspaceId,
          userId: change.assigneeId,
          kind: "ASSIGNED" as const,
          data: { conversationId: c.id, by: actor.name },
        });
      }
      const teamId = change.type === "team" ? change.teamId : c.teamId;
      if (change.type === "assign") emit({ type: "conversation.assigned", conversationId: c.id, teamId, assigneeId: change.assigneeId });
      else emit({ type: "conversation.updated", conversationId: c.id, teamId, changes: [change.type] });
      // a move out of a team must also reach the old team's viewers
      if (change.type === "team" && c.teamId !== change.teamId)
        emit({ type: "conversation.updated", conversationId: c.id, teamId: c.teamId, changes: ["team"] });
    }
    if (lines.length) await tx.message.createMany({ data: lines });
    await insertNotifications(tx, notifications);
    return results;
  });
}
