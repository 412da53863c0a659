import type { Prisma } from "../db/generated/client";
import { publishLocal, type BusEvent } from "./bus";
import { fanout } from "./fanout";
import type { DomainEventPayload } from "./types";

type Tx = Prisma.TransactionClient;

/**
 * Inside the write transaction: store the events (ordered ids for SSE resume). Publishing happens
 * only after commit (see publishCommitted), so a rolled-back write never reaches a browser.
 */
export async function recordEvents(tx: Tx, workspaceId: string, events: DomainEventPayload[]): Promise<BusEvent[]> {
  if (events.length === 0) return [];
  const rows = await tx.domainEvent.createManyAndReturn({
    data: events.map((e) => ({ workspaceId, type: e.type, payload: e })),
    select: { id: true, createdAt: true },
  });
  return events.map((e, i) => ({ ...e, id: String(rows[i]?.id ?? 0n), workspaceId, at: (rows[i]?.createdAt ?? new Date()).toISOString() }));
}

/** After commit: this instance's subscribers now, other instances through the fan-out (batched NOTIFY). */
export function publishCommitted(events: BusEvent[]): void {
  for (const e of events) publishLocal(e);
  if (events.length) fanout().send(events);
}
