import { z } from "zod";
import type { Db } from "../../db/client";
import { adapterFor } from "../../channels/registry";
import { SendError, type RawChannelConfig } from "../../channels/types";
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
      meta: true,
      authorType: true,
      deliveryStatus: true,
      workspaceId: true,
      conversationId: true,
      author: { select: { name: true } },
      channel: { select: { id: true, kind: true, address: true, configEncrypted: true, settings: true } },
      attachments: {
        select: { id: true, filename: true, contentType: true, size: true, storageKey: true, contentId: true, inline: true },
        orderBy: { createdAt: "asc" },
      },
      conversation: {
        select: {
          subject: true,
          teamId: true,
          customer: { select: { email: true, phone: true, identities: { select: { channelKind: true, address: true } } } },
          // the customer's newest message: what we answer (threading) and where (e.g. its Reply-To in meta)
          messages: {
            where: { direction: "IN", kind: "MESSAGE" },
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            take: 1,
            select: { externalId: true, meta: true },
          },
        },
      },
    },
  });
  if (!msg || msg.deliveryStatus !== "QUEUED") return "skipped";
  const adapter = adapterFor(msg.channel.kind);
  if (!adapter) return "no-adapter"; // stays QUEUED; re-enqueued when the channel's adapter ships
  // claim this attempt: a duplicated or concurrent run for the same message (same or an older attempt) backs off
  const claim = await db.message.updateMany({
    where: { id: msg.id, deliveryStatus: "QUEUED", attempts: { lt: job.attempts } },
    data: { attempts: job.attempts },
  });
  if (claim.count === 0) return "skipped";
  // an address the agent picked for this message (a new outbound email) wins over the customer's identity
  const chosen = (msg.meta as { to?: unknown } | null)?.to;
  const to =
    typeof chosen === "string" ? chosen : msg.conversation.customer.identities.find((i) => i.channelKind === msg.channel.kind)?.address;
  // newest first: in a long thread the recent tail is what threading needs
  const recent = await db.message.findMany({
    where: { conversationId: msg.conversationId, kind: "MESSAGE", externalId: { not: null }, id: { not: msg.id } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { externalId: true },
    take: 50,
  });
  const thread = recent.toReversed();
  const latestIn = msg.conversation.messages[0];
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
    const config = adapter.parseConfig({
      id: msg.channel.id,
      address: msg.channel.address,
      encrypted: msg.channel.configEncrypted,
      settings: msg.channel.settings,
    } satisfies RawChannelConfig);
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
        automatic: msg.authorType !== "AGENT",
        latestInbound: latestIn ? { externalId: latestIn.externalId, meta: latestIn.meta } : null,
        attachments: msg.attachments,
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
