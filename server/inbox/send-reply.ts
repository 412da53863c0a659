import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { enqueue } from "../jobs/queue";
import { AppError } from "../lib/errors";
import { lockConversations, withEvents, type Tx } from "./conversation-mutation";
import { messageSelect } from "./conversation.repository";
import { unfilledVariables, VARIABLES } from "../automation/saved-reply-variables";
import { claimUploads } from "../attachments/claim-uploads";

const PREVIEW = 140;
const preview = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, PREVIEW);

/** Soft lock: messages the agent has not seen (someone else replied, or the customer wrote again). */
async function unseenMessages(tx: Tx, conversationId: string, lastSeenMessageId: string | null | undefined, actor: Actor) {
  const seen = lastSeenMessageId
    ? await tx.message.findFirst({ where: { id: lastSeenMessageId, conversationId }, select: { createdAt: true, id: true } })
    : null;
  return tx.message.findMany({
    where: {
      conversationId,
      kind: "MESSAGE",
      deletedAt: null,
      NOT: { authorUserId: actor.userId },
      ...(seen ? { OR: [{ createdAt: { gt: seen.createdAt } }, { createdAt: seen.createdAt, id: { gt: seen.id } }] } : {}),
    },
    select: { id: true, direction: true, author: { select: { name: true } } },
    take: 5,
  });
}

export async function sendReply(
  db: Db,
  actor: Actor,
  input: {
    conversationId: string;
    text: string;
    lastSeenMessageId?: string | null;
    force: boolean;
    thenStatus?: "OPEN" | "PENDING" | "RESOLVED";
    /** the agent's uploads: claimed in this transaction (the send job reads their bytes from the store) */
    attachmentIds?: string[];
  },
) {
  return withEvents(db, actor, async (tx, emit) => {
    const [c] = await lockConversations(tx, actor, [input.conversationId]);
    if (!c) throw new AppError("NOT_FOUND", "Conversation not found");
    // a customer must never receive "{{order.number}}": saved-reply placeholders must be filled first
    const unfilled = unfilledVariables(input.text).filter((v) => (VARIABLES as readonly string[]).includes(v));
    if (unfilled.length) throw new AppError("BAD_REQUEST", `Fill in ${unfilled.map((v) => `{{${v}}}`).join(", ")} before sending`);
    if (!input.force && input.lastSeenMessageId !== undefined) {
      const unseen = await unseenMessages(tx, c.id, input.lastSeenMessageId, actor);
      if (unseen.length) {
        const who = unseen.find((m) => m.direction === "OUT")?.author?.name;
        throw new AppError(
          "CONFLICT",
          who
            ? `${who} replied while you were typing. Read it before sending.`
            : "The customer wrote again while you were typing. Read it before sending.",
        );
      }
    }
    const now = new Date();
    const needsApproval = actor.role === "VOLUNTEER" && actor.repliesNeedApproval;
    const attachments = await claimUploads(tx, actor, input.attachmentIds ?? []);
    const message = await tx.message.create({
      data: {
        workspaceId: actor.workspaceId,
        conversationId: c.id,
        channelId: c.channelId,
        direction: "OUT",
        kind: "MESSAGE",
        authorType: "AGENT",
        authorUserId: actor.userId,
        text: input.text,
        deliveryStatus: needsApproval ? "AWAITING_APPROVAL" : "QUEUED",
        createdAt: now,
        attachments: { create: attachments },
      },
      select: messageSelect,
    });
    const status = input.thenStatus ?? c.status;
    await tx.conversation.update({
      where: { id: c.id },
      data: {
        lastMessageAt: now,
        lastOutboundAt: now,
        waitingSince: null,
        // the reply answers the customer: the reply-time clock stops (a breach, if any, stays on record)
        slaDueAt: null,
        preview: preview(input.text),
        messageCount: { increment: 1 },
        status,
        resolvedAt: status === "RESOLVED" ? now : null,
        ...(status !== "SNOOZED" ? { snoozedUntil: null } : {}),
      },
      select: { id: true },
    });
    await tx.conversation.updateMany({ where: { id: c.id, firstResponseAt: null }, data: { firstResponseAt: now } });
    if (!needsApproval) await enqueue(tx, "send-message.v1", { messageId: message.id }, { jobKey: `send:${message.id}` });
    emit({ type: "message.created", conversationId: c.id, teamId: c.teamId, messageId: message.id });
    if (status !== c.status) emit({ type: "conversation.updated", conversationId: c.id, teamId: c.teamId, changes: ["status"] });
    return message;
  });
}

export async function addNote(
  db: Db,
  actor: Actor,
  input: { conversationId: string; text: string; mentionUserIds: string[]; attachmentIds?: string[] },
) {
  return withEvents(db, actor, async (tx, emit) => {
    const [c] = await lockConversations(tx, actor, [input.conversationId]);
    if (!c) throw new AppError("NOT_FOUND", "Conversation not found");
    const mentioned = input.mentionUserIds.length
      ? await tx.membership.findMany({
          where: { workspaceId: actor.workspaceId, userId: { in: input.mentionUserIds }, active: true },
          select: { userId: true, user: { select: { name: true } } },
        })
      : [];
    if (mentioned.length !== new Set(input.mentionUserIds).size)
      throw new AppError("BAD_REQUEST", "You can only mention members of this workspace");
    const attachments = await claimUploads(tx, actor, input.attachmentIds ?? []);
    const message = await tx.message.create({
      data: {
        workspaceId: actor.workspaceId,
        conversationId: c.id,
        channelId: c.channelId,
        direction: "OUT",
        kind: "NOTE",
        authorType: "AGENT",
        authorUserId: actor.userId,
        text: input.text,
        meta: { mentions: mentioned.map((m) => ({ id: m.userId, name: m.user.name })) },
        attachments: { create: attachments },
      },
      select: messageSelect,
    });
    if (mentioned.length) {
      await tx.notification.createMany({
        data: mentioned
          .filter((m) => m.userId !== actor.userId)
          .map((m) => ({
            workspaceId: actor.workspaceId,
            userId: m.userId,
            kind: "MENTION" as const,
            messageId: message.id,
            data: { conversationId: c.id, by: actor.name },
          })),
      });
    }
    emit({ type: "message.created", conversationId: c.id, teamId: c.teamId, messageId: message.id });
    return message;
  });
}

/** A FAILED message goes back to the queue (agent pressed Retry). */
export async function retryMessage(db: Db, actor: Actor, messageId: string) {
  return withEvents(db, actor, async (tx, emit) => {
    const msg = await tx.message.findFirst({
      where: { id: messageId, workspaceId: actor.workspaceId, kind: "MESSAGE", direction: "OUT" },
      select: { id: true, conversationId: true, deliveryStatus: true },
    });
    if (!msg) throw new AppError("NOT_FOUND", "Message not found");
    const [c] = await lockConversations(tx, actor, [msg.conversationId]);
    if (msg.deliveryStatus !== "FAILED") throw new AppError("CONFLICT", "Only failed messages can be retried");
    await tx.message.update({
      where: { id: msg.id },
      data: { deliveryStatus: "QUEUED", deliveryError: null, attempts: 0 },
      select: { id: true },
    });
    await enqueue(tx, "send-message.v1", { messageId: msg.id }, { jobKey: `send:${msg.id}` });
    emit({ type: "message.updated", conversationId: msg.conversationId, teamId: c?.teamId ?? null, messageId: msg.id });
    return { ok: true as const };
  });
}
