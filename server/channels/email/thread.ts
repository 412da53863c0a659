import type { Prisma } from "../../db/generated/client";
import { conversationFromMessageId, conversationFromReplyAddress } from "./message-id";
import type { IngestEmailInput } from "./types";

type Tx = Prisma.TransactionClient;

export type ChannelRow = {
  id: string;
  workspaceId: string;
  address: string | null;
  ownerTeamId: string | null;
  settings: Prisma.JsonValue;
};

export const threadConversationSelect = {
  id: true,
  workspaceId: true,
  channelId: true,
  status: true,
  resolvedAt: true,
  waitingSince: true,
  teamId: true,
  customerId: true,
} satisfies Prisma.ConversationSelect;
export type ThreadConversation = Prisma.ConversationGetPayload<{ select: typeof threadConversationSelect }>;

/** Both spellings, because a transport or an older adapter may have stored the Message-ID with its brackets. */
export const idVariants = (ids: string[]) => ids.flatMap((id) => [id, `<${id}>`]);

export function reopenWindowDays(settings: Prisma.JsonValue): number {
  const v = settings && typeof settings === "object" && !Array.isArray(settings) ? settings.reopenWindowDays : undefined;
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : 7;
}

/**
 * The conversation this email continues, in order of trust: our signed reply address, our signed Message-IDs in
 * In-Reply-To/References, then any stored Message-ID of THIS channel. A match in another workspace or channel is no
 * match (the HMAC proves we issued the id, not that this channel may write into it).
 */
export async function findThread(tx: Tx, channel: ChannelRow, input: IngestEmailInput): Promise<ThreadConversation | null> {
  const { email } = input;
  const ids = [...email.inReplyTo, ...[...email.references].reverse()];
  const recipients = [...(input.recipients ?? []), ...email.to.map((a) => a.address), ...email.cc.map((a) => a.address)];
  const candidates = [...recipients.map(conversationFromReplyAddress), ...ids.map(conversationFromMessageId)].filter(
    (c): c is string => c !== null,
  );
  for (const id of new Set(candidates)) {
    const c = await lock(tx, channel, id);
    if (c) return c;
  }
  if (!ids.length) return null;
  const stored = await tx.message.findFirst({
    where: { channelId: channel.id, workspaceId: channel.workspaceId, externalId: { in: idVariants(ids) } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { conversationId: true },
  });
  return stored ? lock(tx, channel, stored.conversationId) : null;
}

async function lock(tx: Tx, channel: ChannelRow, conversationId: string): Promise<ThreadConversation | null> {
  // serialises concurrent messages into the same conversation (counts, status) with agents' actions
  await tx.$queryRaw`SELECT id FROM "Conversation" WHERE id = ${conversationId}::uuid AND "workspaceId" = ${channel.workspaceId}::uuid FOR UPDATE`;
  return tx.conversation.findFirst({
    where: { id: conversationId, workspaceId: channel.workspaceId, channelId: channel.id },
    select: threadConversationSelect,
  });
}

export async function createConversation(
  tx: Tx,
  channel: ChannelRow,
  data: { customerId: string; subject: string | null; threadKey: string | null; previousConversationId: string | null; at: Date },
): Promise<ThreadConversation> {
  const rows = await tx.$queryRaw<{ conversationSeq: number }[]>`
    UPDATE "Workspace" SET "conversationSeq" = "conversationSeq" + 1 WHERE id = ${channel.workspaceId}::uuid RETURNING "conversationSeq"`;
  const number = rows[0]?.conversationSeq;
  if (number === undefined) throw new Error(`workspace ${channel.workspaceId} not found`);
  return tx.conversation.create({
    data: {
      workspaceId: channel.workspaceId,
      number,
      channelId: channel.id,
      customerId: data.customerId,
      subject: data.subject?.slice(0, 500) ?? null,
      status: "OPEN",
      teamId: channel.ownerTeamId,
      externalThreadId: data.threadKey,
      previousConversationId: data.previousConversationId,
      lastMessageAt: data.at,
      createdAt: data.at,
    },
    select: threadConversationSelect,
  });
}
