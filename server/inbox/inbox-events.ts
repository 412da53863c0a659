import type { Db } from "../db/client";
import { seesAllQueues, type Actor } from "../auth/actor";
import { subscribe, type BusEvent } from "../events/bus";
import type { DomainEventPayload } from "../events/types";

const BACKFILL_LIMIT = 500;

function visible(actor: Actor, e: BusEvent): boolean {
  if (e.type === "presence.changed") return false;
  return seesAllQueues(actor) || (e.teamId !== null && actor.teamIds.includes(e.teamId));
}

/**
 * The actor's live events. Subscribes first, then backfills what was committed after lastEventId
 * (a reconnecting browser misses nothing), then streams, skipping ids already sent.
 */
export async function* inboxEvents(
  db: Db,
  actor: Actor,
  lastEventId: string | null | undefined,
  signal: AbortSignal | undefined,
): AsyncGenerator<BusEvent> {
  const live = subscribe(actor.workspaceId, signal);
  const first = live.next(); // registers the listener before the backfill query
  let lastSent = 0n;
  if (lastEventId && /^\d+$/.test(lastEventId)) {
    const rows = await db.domainEvent.findMany({
      where: { workspaceId: actor.workspaceId, id: { gt: BigInt(lastEventId) } },
      orderBy: { id: "asc" },
      take: BACKFILL_LIMIT,
      select: { id: true, payload: true, createdAt: true },
    });
    for (const r of rows) {
      const e = { ...(r.payload as DomainEventPayload), id: String(r.id), workspaceId: actor.workspaceId, at: r.createdAt.toISOString() };
      lastSent = r.id;
      if (visible(actor, e)) yield e;
    }
  }
  let next = await first;
  while (!next.done) {
    const e = next.value;
    if (visible(actor, e) && (!/^\d+$/.test(e.id) || BigInt(e.id) > lastSent)) yield e;
    next = await live.next();
  }
}
