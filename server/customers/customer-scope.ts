import type { Prisma } from "../db/generated/client";
import { seesAllQueues, type Actor } from "../auth/actor";
import { conversationScope } from "../inbox/inbox.repository";

/**
 * Customers the actor may reach: any of the workspace's for members who see every queue; for volunteers only
 * those with a conversation in one of their teams' queues (they meet customers through their queue, nowhere else).
 */
export function customerScope(actor: Actor): Prisma.CustomerWhereInput {
  if (seesAllQueues(actor)) return { workspaceId: actor.workspaceId };
  return { workspaceId: actor.workspaceId, conversations: { some: conversationScope(actor) } };
}
