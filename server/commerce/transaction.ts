import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { publishCommitted, recordEvents } from "../events/emit";
import type { BusEvent } from "../events/bus";
import type { DomainEventPayload } from "../events/types";

type Tx = Prisma.TransactionClient;

/**
 * One transaction for a commerce write (no actor: the platform is writing) with its domain events stored inside it
 * and published only after commit, so a rolled-back sync never reaches a browser.
 */
export async function inCommerceTransaction<T>(
  db: Db,
  workspaceId: string,
  work: (tx: Tx, emit: (event: DomainEventPayload) => void) => Promise<T>,
): Promise<T> {
  let committed: BusEvent[] = [];
  const result = await db.$transaction(async (tx) => {
    const pending: DomainEventPayload[] = [];
    const value = await work(tx, (e) => pending.push(e));
    committed = await recordEvents(tx, workspaceId, dedupe(pending));
    return value;
  });
  publishCommitted(committed);
  return result;
}

/** One customer.updated per customer is enough for panels to refresh. */
function dedupe(events: DomainEventPayload[]): DomainEventPayload[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    if (e.type !== "customer.updated") return true;
    if (seen.has(e.customerId)) return false;
    seen.add(e.customerId);
    return true;
  });
}
