import { Prisma } from "../../db/generated/client";
import { PREPARED, queryRows, type SqlRunner } from "../../db/sql";
import { applyOrderAutoTags } from "../../commerce/auto-tags";
import { uuid7 } from "../../lib/uuid7";
import { conversationFromMessageId, conversationFromReplyAddress } from "./message-id";
import type { IngestEmailInput } from "./types";

type Tx = SqlRunner;

export type ChannelRow = {
  id: string;
  workspaceId: string;
  address: string | null;
  ownerTeamId: string | null;
  settings: Prisma.JsonValue;
};

/** What ingest needs of the conversation a message continues (read unlocked; the write locks and re-checks it). */
export type ThreadConversation = {
  id: string;
  status: "OPEN" | "PENDING" | "SNOOZED" | "RESOLVED";
  resolvedAt: Date | null;
  teamId: string | null;
};

/** Both spellings, because a transport or an older adapter may have stored the Message-ID with its brackets. */
export const idVariants = (ids: string[]) => ids.flatMap((id) => [id, `<${id}>`]);

export function reopenWindowDays(settings: Prisma.JsonValue): number {
  const v = settings && typeof settings === "object" && !Array.isArray(settings) ? settings.reopenWindowDays : undefined;
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : 7;
}

/**
 * What may thread this email, in order of trust: the conversations our signed reply address and our signed Message-IDs
 * in In-Reply-To/References name (tokens), then any stored Message-ID of THIS channel (references). The lookup
 * (readIngestContext) only accepts a conversation of this workspace AND channel: the HMAC proves we issued the id, not
 * that this channel may write into it.
 */
export function threadKeys(input: IngestEmailInput): { tokens: string[]; references: string[] } {
  const { email } = input;
  const ids = [...email.inReplyTo, ...[...email.references].reverse()];
  const recipients = [...(input.recipients ?? []), ...email.to.map((a) => a.address), ...email.cc.map((a) => a.address)];
  const tokens = [...recipients.map(conversationFromReplyAddress), ...ids.map(conversationFromMessageId)].filter(
    (c): c is string => c !== null,
  );
  return { tokens: [...new Set(tokens)], references: ids.length ? idVariants(ids) : [] };
}

export async function createConversation(
  tx: Tx,
  channel: ChannelRow,
  data: { customerId: string; subject: string | null; threadKey: string | null; previousConversationId: string | null; at: Date },
): Promise<ThreadConversation> {
  // the number and the row in one statement; the Workspace row stays locked until COMMIT, so new threads of one
  // workspace queue here: ingest calls this last but one (before the message write) to keep that short
  const rows = await queryRows<ThreadConversation>(
    tx,
    Prisma.sql`${PREPARED}
    WITH seq AS (
      UPDATE "Workspace" SET "conversationSeq" = "conversationSeq" + 1 WHERE id = ${channel.workspaceId}::uuid RETURNING "conversationSeq"
    )
    INSERT INTO "Conversation" (id, "workspaceId", number, "channelId", "customerId", subject, status, "teamId", "externalThreadId",
      "previousConversationId", "lastMessageAt", "createdAt", "updatedAt")
    SELECT ${uuid7(data.at.getTime())}::uuid, ${channel.workspaceId}::uuid, seq."conversationSeq", ${channel.id}::uuid, ${data.customerId}::uuid,
      ${data.subject?.slice(0, 500) ?? null}::text, 'OPEN', ${channel.ownerTeamId}::uuid, ${data.threadKey}::text,
      ${data.previousConversationId}::uuid, ${data.at}::timestamp(3), ${data.at}::timestamp(3), ${data.at}::timestamp(3)
    FROM seq
    RETURNING id, status::text AS status, "resolvedAt", "teamId"`,
  );
  const conversation = rows[0];
  if (!conversation) throw new Error(`workspace ${channel.workspaceId} not found`);
  // tags from the customer's recent order (product types, delayed-order, backordered), in this transaction
  await applyOrderAutoTags(tx, {
    workspaceId: channel.workspaceId,
    conversationId: conversation.id,
    customerId: data.customerId,
    now: data.at,
  });
  return conversation;
}
