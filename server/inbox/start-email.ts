import type { Db } from "../db/client";
import { seesAllQueues, type Actor } from "../auth/actor";
import { resolveCustomer } from "../channels/email/identity";
import { applyOrderAutoTags } from "../commerce/auto-tags";
import { enqueue } from "../jobs/queue";
import { AppError } from "../lib/errors";
import { withEvents } from "./conversation-mutation";
import { claimUploads } from "../attachments/claim-uploads";

const PREVIEW = 140;
const preview = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, PREVIEW);

/** Where the actor can start an email from: active email channels of their workspace (their teams' only, if team-scoped). */
export async function listEmailChannels(db: Db, actor: Actor) {
  return db.channel.findMany({
    where: {
      workspaceId: actor.workspaceId,
      kind: "EMAIL",
      active: true,
      ...(seesAllQueues(actor) ? {} : { ownerTeamId: { in: actor.teamIds } }),
    },
    select: { id: true, name: true, address: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

/**
 * An agent writes first: a new conversation on an email channel, its first message QUEUED and the send job enqueued
 * in the same transaction (the worker sends it like any reply). The conversation lands in the channel's team queue,
 * assigned to the agent who wrote it, waiting for the customer's answer.
 */
export async function startEmail(
  db: Db,
  actor: Actor,
  input: { channelId: string; to: string; subject: string; text: string; attachmentIds?: string[] },
) {
  const channel = await db.channel.findFirst({
    where: { id: input.channelId, workspaceId: actor.workspaceId, kind: "EMAIL", active: true },
    select: { id: true, ownerTeamId: true },
  });
  // a team-scoped member (volunteer) could not even see the conversation afterwards: not their channel
  const reachable = channel && (seesAllQueues(actor) || (channel.ownerTeamId !== null && actor.teamIds.includes(channel.ownerTeamId)));
  if (!channel || !reachable) throw new AppError("NOT_FOUND", "Email channel not found");
  const address = input.to.trim().toLowerCase();
  // outside the transaction, retried on the unique identity: the same address never becomes two customers
  const customerId = await resolveCustomer(db, actor.workspaceId, { address });

  return withEvents(db, actor, async (tx, emit) => {
    const [seq] = await tx.$queryRaw<{ conversationSeq: number }[]>`
      UPDATE "Workspace" SET "conversationSeq" = "conversationSeq" + 1 WHERE id = ${actor.workspaceId}::uuid RETURNING "conversationSeq"`;
    if (!seq) throw new AppError("NOT_FOUND", "Workspace not found");
    const now = new Date();
    const needsApproval = actor.role === "VOLUNTEER" && actor.repliesNeedApproval;
    const conversation = await tx.conversation.create({
      data: {
        workspaceId: actor.workspaceId,
        number: seq.conversationSeq,
        channelId: channel.id,
        customerId,
        subject: input.subject,
        status: "PENDING",
        teamId: channel.ownerTeamId,
        assigneeId: actor.userId,
        lastMessageAt: now,
        lastOutboundAt: now,
        preview: preview(input.text),
        messageCount: 1,
        createdAt: now,
      },
      select: { id: true, number: true, teamId: true },
    });
    await applyOrderAutoTags(tx, { workspaceId: actor.workspaceId, conversationId: conversation.id, customerId, now });
    const attachments = await claimUploads(tx, actor, input.attachmentIds ?? []);
    const message = await tx.message.create({
      data: {
        workspaceId: actor.workspaceId,
        conversationId: conversation.id,
        channelId: channel.id,
        direction: "OUT",
        kind: "MESSAGE",
        authorType: "AGENT",
        authorUserId: actor.userId,
        text: input.text,
        deliveryStatus: needsApproval ? "AWAITING_APPROVAL" : "QUEUED",
        // the exact address the agent typed (a customer may have several)
        meta: { to: address },
        createdAt: now,
        attachments: { create: attachments },
      },
      select: { id: true },
    });
    await tx.customer.updateMany({
      where: { id: customerId, OR: [{ lastContactAt: null }, { lastContactAt: { lt: now } }] },
      data: { lastContactAt: now },
    });
    if (!needsApproval) await enqueue(tx, "send-message.v1", { messageId: message.id }, { jobKey: `send:${message.id}` });
    emit({ type: "conversation.created", conversationId: conversation.id, teamId: conversation.teamId });
    emit({ type: "message.created", conversationId: conversation.id, teamId: conversation.teamId, messageId: message.id });
    return { conversationId: conversation.id, number: conversation.number, messageId: message.id };
  });
}
