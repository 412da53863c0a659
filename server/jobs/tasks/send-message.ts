import { z } from "zod";
import type { Db } from "../../db/client";
import { adapterFor } from "../../channels/registry";
import { SendError } from "../../channels/types";
import { recordEvents, publishCommitted } from "../../events/emit";

const ZPayload = z.object({ messageId: z.uuid() });

export type JobInfo = { attempts: number; maxAttempts: number };

/**
 * Sends one QUEUED outbound message through its channel's adapter. Idempotent: a message that is no
 * longer QUEUED (sent, failed, deleted) is skipped, so a retried or duplicated job never sends twice
 * after the first success was recorded.
 */
export async function sendMessageTask(db: Db, rawPayload: unknown, job: JobInfo): Promise<"sent" | "skipped" | "no-adapter" | "failed"> {
  const { messageId } = ZPayload.parse(rawPayload);
  const msg = await db.message.findUnique({
    where: { id: messageId },
    select: {
      id: true,
      text: true,
      html: true,
      deliveryStatus: true,
      workspaceId: true,
      conversationId: true,
      author: { select: { name: true } },
      channel: { select: { kind: true, configEncrypted: true, settings: true } },
      conversation: {
        select: {
          subject: true,
          teamId: true,
          customer: { select: { email: true, phone: true, identities: { select: { channelKind: true, address: true } } } },
        },
      },
    },
  });
  if (!msg || msg.deliveryStatus !== "QUEUED") return "skipped";
  const adapter = adapterFor(msg.channel.kind);
  if (!adapter) return "no-adapter"; // stays QUEUED; re-enqueued when the channel's adapter ships
  const to = msg.conversation.customer.identities.find((i) => i.channelKind === msg.channel.kind)?.address;
  const thread = await db.message.findMany({
    where: { conversationId: msg.conversationId, kind: "MESSAGE", externalId: { not: null }, id: { not: msg.id } },
    orderBy: { createdAt: "asc" },
    select: { externalId: true },
    take: 50,
  });
  const finish = async (data: { deliveryStatus: "SENT" | "FAILED"; externalId?: string; deliveryError?: string }) => {
    const events = await db.$transaction(async (tx) => {
      await tx.message.update({
        where: { id: msg.id },
        data: { ...data, attempts: job.attempts, sentAt: data.deliveryStatus === "SENT" ? new Date() : null },
        select: { id: true },
      });
      return recordEvents(tx, msg.workspaceId, [
        { type: "message.updated", conversationId: msg.conversationId, teamId: msg.conversation.teamId, messageId: msg.id },
      ]);
    });
    publishCommitted(events);
  };
  try {
    if (!to) throw new SendError(`The customer has no ${msg.channel.kind.toLowerCase()} address`, true);
    const config = adapter.parseConfig({ encrypted: msg.channel.configEncrypted, settings: msg.channel.settings });
    const { externalId } = await adapter.send(
      {
        messageId: msg.id,
        conversationId: msg.conversationId,
        text: msg.text,
        html: msg.html,
        to,
        subject: msg.conversation.subject,
        thread: thread.flatMap((t) => (t.externalId ? [t.externalId] : [])),
        authorName: msg.author?.name ?? null,
      },
      config,
    );
    await finish({ deliveryStatus: "SENT", externalId });
    return "sent";
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const permanent = err instanceof SendError && err.permanent;
    if (permanent || job.attempts >= job.maxAttempts) {
      await finish({ deliveryStatus: "FAILED", deliveryError: reason });
      return "failed";
    }
    await db.message.update({ where: { id: msg.id }, data: { attempts: job.attempts, deliveryError: reason }, select: { id: true } });
    throw err; // the queue retries with exponential backoff
  }
}
