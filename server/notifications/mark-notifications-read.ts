import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { markOwnRead } from "./notifications.repository";
import type { MarkReadInput } from "./notifications.schemas";

/** Marks some (or all) of the caller's unread notifications read; ids of other users' rows are ignored. */
export async function markNotificationsRead(db: Db, actor: Actor, input: MarkReadInput): Promise<{ updated: number }> {
  return { updated: await markOwnRead(db, actor, "all" in input ? "all" : input.ids, new Date()) };
}
