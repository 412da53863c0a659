import type { Db } from "../db/client";
import type { InboundEventStatus, IntegrationKind, Prisma } from "../db/generated/client";
import type { Keyset } from "../inbox/cursor";

export type Tx = Prisma.TransactionClient;

/** For the public endpoints: an active integration with its sealed secret (only ever opened to verify a request). */
export function findActiveIntegration(
  db: Db,
  id: string,
): Promise<{ id: string; workspaceId: string; kind: IntegrationKind; secretEncrypted: string | null } | null> {
  return db.commerceIntegration.findFirst({
    where: { id, active: true },
    select: { id: true, workspaceId: true, kind: true, secretEncrypted: true },
  });
}

export type IntegrationRow = {
  id: string;
  kind: IntegrationKind;
  name: string;
  active: boolean;
  createdAt: Date;
  hasSecret: boolean;
  orderCount: number;
  lastEventAt: Date | null;
};

/** Every integration of the workspace with its order count and last delivery: one statement, no secret selected. */
export async function findWorkspaceIntegrations(db: Db, workspaceId: string): Promise<IntegrationRow[]> {
  const rows = await db.$queryRaw<(Omit<IntegrationRow, "orderCount"> & { orderCount: bigint })[]>`
    SELECT i.id, i.kind::text AS kind, i.name, i.active, i."createdAt",
      i."secretEncrypted" IS NOT NULL AS "hasSecret",
      (SELECT count(*) FROM "Order" o WHERE o."integrationId" = i.id) AS "orderCount",
      (SELECT max(e."receivedAt") FROM "InboundEvent" e WHERE e."integrationId" = i.id) AS "lastEventAt"
    FROM "CommerceIntegration" i
    WHERE i."workspaceId" = ${workspaceId}::uuid
    ORDER BY i.active DESC, i."createdAt" ASC, i.id ASC`;
  return rows.map((r) => ({ ...r, orderCount: Number(r.orderCount) }));
}

export async function integrationInWorkspace(db: Db | Tx, workspaceId: string, id: string): Promise<boolean> {
  return (await db.commerceIntegration.findFirst({ where: { id, workspaceId }, select: { id: true } })) !== null;
}

/** The sealed secret, row-locked for the rest of the transaction (reveal and rotate do not interleave). */
export async function lockIntegrationSecret(
  tx: Tx,
  workspaceId: string,
  id: string,
): Promise<{ id: string; name: string; secretEncrypted: string | null } | null> {
  const rows = await tx.$queryRaw<{ id: string; name: string; secretEncrypted: string | null }[]>`
    SELECT id, name, "secretEncrypted" FROM "CommerceIntegration"
    WHERE id = ${id}::uuid AND "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

export async function storeIntegrationSecret(tx: Tx, id: string, secretEncrypted: string): Promise<void> {
  await tx.commerceIntegration.update({ where: { id }, data: { secretEncrypted }, select: { id: true } });
}

export async function insertIntegrationAudit(
  tx: Tx,
  row: { workspaceId: string; actorId: string; action: string; targetId: string; data: Prisma.InputJsonObject },
): Promise<void> {
  await tx.auditLog.create({ data: { ...row, targetType: "CommerceIntegration" }, select: { id: true } });
}

export type InboundEventRow = {
  id: string;
  provider: string;
  topic: string | null;
  externalId: string;
  status: InboundEventStatus;
  error: string | null;
  attempts: number;
  receivedAt: Date;
  processedAt: Date | null;
};

/** Newest first, keyset on (receivedAt, id) over the (integrationId, receivedAt DESC, id DESC) index; no payloads. */
export function findIntegrationEvents(db: Db, integrationId: string, after: Keyset | null, take: number): Promise<InboundEventRow[]> {
  const keyset: Prisma.InboundEventWhereInput = after
    ? { OR: [{ receivedAt: { lt: after.at } }, { receivedAt: after.at, id: { lt: after.id } }] }
    : {};
  return db.inboundEvent.findMany({
    where: { AND: [{ integrationId }, keyset] },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      provider: true,
      topic: true,
      externalId: true,
      status: true,
      error: true,
      attempts: true,
      receivedAt: true,
      processedAt: true,
    },
  });
}
