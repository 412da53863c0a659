import type { Db } from "../db/client";
import { Prisma, type InboundEventStatus } from "../db/generated/client";

type Tx = Prisma.TransactionClient;

/**
 * The idempotency ledger of commerce deliveries (InboundEvent): every verified delivery is stored with its raw payload
 * before it is processed, keyed by the sender's delivery id (X-Shopify-Webhook-Id, Idempotency-Key). A PROCESSED or
 * IGNORED duplicate is acknowledged without work; a RECEIVED (crashed) or FAILED one is processed again.
 */
export type CommerceProvider = "shopify" | "api";

export type RecordedEvent = {
  id: string;
  status: InboundEventStatus;
  /** an earlier delivery with the same id exists */
  duplicate: boolean;
  /** the stored payload's body hash (the API refuses a reused Idempotency-Key with a different body) */
  sha256: string | null;
};

const isUnique = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

/** Delivery ids are the sender's: scoped by integration, so two shops (or two API clients) never collide. */
export const deliveryKey = (integrationId: string, deliveryId: string) => `${integrationId}:${deliveryId}`;

export async function recordInboundEvent(
  db: Db,
  row: {
    workspaceId: string;
    integrationId: string;
    provider: CommerceProvider;
    deliveryId: string;
    topic: string;
    payload: Prisma.InputJsonObject & { sha256: string };
  },
): Promise<RecordedEvent> {
  const externalId = deliveryKey(row.integrationId, row.deliveryId);
  try {
    const created = await db.inboundEvent.create({
      data: {
        workspaceId: row.workspaceId,
        integrationId: row.integrationId,
        provider: row.provider,
        externalId,
        topic: row.topic,
        payload: row.payload,
        status: "RECEIVED",
      },
      select: { id: true },
    });
    return { id: created.id, status: "RECEIVED", duplicate: false, sha256: row.payload.sha256 };
  } catch (err) {
    if (!isUnique(err)) throw err;
  }
  // only the hash, not the (possibly large) payload
  const [existing] = await db.$queryRaw<{ id: string; status: InboundEventStatus; sha256: string | null }[]>`
    SELECT id, status, payload->>'sha256' AS sha256 FROM "InboundEvent"
    WHERE "workspaceId" = ${row.workspaceId}::uuid AND provider = ${row.provider} AND "externalId" = ${externalId}`;
  if (!existing) throw new Error(`inbound event ${externalId} vanished`);
  return { ...existing, duplicate: true };
}

/** Locks the event row for the transaction and proves it still needs work (a concurrent duplicate may have done it). */
export async function claimInboundEvent(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM "InboundEvent" WHERE id = ${id}::uuid FOR UPDATE`;
  return rows[0]?.status === "RECEIVED" || rows[0]?.status === "FAILED";
}

export async function finishInboundEvent(db: Db | Tx, id: string, status: "PROCESSED" | "IGNORED", note: string | null = null) {
  await db.inboundEvent.update({
    where: { id },
    data: { status, processedAt: new Date(), error: note?.slice(0, 2000) ?? null, attempts: { increment: 1 } },
    select: { id: true },
  });
}

/** Outside any transaction (the processing one rolled back): the error is what Settings shows. */
export async function failInboundEvent(db: Db, id: string, error: string): Promise<void> {
  await db.inboundEvent
    .update({
      where: { id },
      data: { status: "FAILED", error: error.slice(0, 2000), attempts: { increment: 1 }, processedAt: null },
      select: { id: true },
    })
    .catch(() => undefined);
}
