import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { recordEvents, publishCommitted } from "../events/emit";
import type { BusEvent } from "../events/bus";
import type { DomainEventPayload } from "../events/types";
import { AppError } from "../lib/errors";
import { conversationScope } from "./inbox.repository";

export type Tx = Prisma.TransactionClient;

export const mutableSelect = {
  id: true,
  workspaceId: true,
  channelId: true,
  customerId: true,
  status: true,
  priority: true,
  assigneeId: true,
  teamId: true,
  snoozedUntil: true,
  lastInboundAt: true,
  lastOutboundAt: true,
} satisfies Prisma.ConversationSelect;
export type MutableConversation = Prisma.ConversationGetPayload<{ select: typeof mutableSelect }>;

/** Row-locks the conversations (in scope) for the rest of the transaction; NOT_FOUND if any is out of reach. */
export async function lockConversations(tx: Tx, actor: Actor, ids: string[]): Promise<MutableConversation[]> {
  const unique = [...new Set(ids)];
  // FOR UPDATE serialises concurrent actions on the same conversation (two agents assigning at once)
  await tx.$queryRaw`SELECT id FROM "Conversation" WHERE id = ANY(${unique}::uuid[]) AND "workspaceId" = ${actor.workspaceId}::uuid ORDER BY id FOR UPDATE`;
  const rows = await tx.conversation.findMany({
    where: { AND: [conversationScope(actor), { id: { in: unique } }] },
    select: mutableSelect,
  });
  if (rows.length !== unique.length)
    throw new AppError("NOT_FOUND", unique.length > 1 ? "Some conversations were not found" : "Conversation not found");
  return rows;
}

/** A system line in the thread ("Ana assigned this to Sam"): not a message, never sent anywhere. */
export function eventMessage(
  actor: Actor,
  c: MutableConversation,
  text: string,
  meta: Record<string, unknown>,
): Prisma.MessageCreateManyInput {
  return {
    workspaceId: actor.workspaceId,
    conversationId: c.id,
    channelId: c.channelId,
    direction: "OUT",
    kind: "EVENT",
    authorType: "AGENT",
    authorUserId: actor.userId,
    text,
    meta: meta as Prisma.InputJsonValue,
  };
}

/** Runs the write and its events in one transaction, then publishes the events after commit. */
export async function withEvents<T>(db: Db, actor: Actor, work: (tx: Tx, emit: (e: DomainEventPayload) => void) => Promise<T>): Promise<T> {
  let committed: BusEvent[] = [];
  const result = await db.$transaction(async (tx) => {
    const pending: DomainEventPayload[] = [];
    const value = await work(tx, (e) => pending.push(e));
    committed = await recordEvents(tx, actor.workspaceId, pending);
    return value;
  });
  publishCommitted(committed);
  return result;
}
