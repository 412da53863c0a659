import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";

export type Tx = Prisma.TransactionClient;

/** Never selects configEncrypted: list/get rows cannot leak secrets by accident. */
export const channelSelect = {
  id: true,
  kind: true,
  name: true,
  address: true,
  active: true,
  settings: true,
  createdAt: true,
  updatedAt: true,
  ownerTeam: { select: { id: true, name: true } },
} satisfies Prisma.ChannelSelect;
export type ChannelRow = Prisma.ChannelGetPayload<{ select: typeof channelSelect }>;

export function findWorkspaceChannels(db: Db, workspaceId: string): Promise<ChannelRow[]> {
  return db.channel.findMany({
    where: { workspaceId },
    orderBy: [{ active: "desc" }, { kind: "asc" }, { name: "asc" }, { id: "asc" }],
    select: channelSelect,
  });
}

export function findWorkspaceChannel(db: Db | Tx, workspaceId: string, id: string): Promise<ChannelRow | null> {
  return db.channel.findFirst({ where: { id, workspaceId }, select: channelSelect });
}

/** The sealed config, for the domain to open and strip of secrets. */
export async function findSealedConfig(db: Db | Tx, workspaceId: string, id: string): Promise<string | null> {
  const row = await db.channel.findFirst({ where: { id, workspaceId }, select: { configEncrypted: true } });
  return row?.configEncrypted ?? null;
}

/**
 * The row for a read-modify-write of its config and settings, locked until the transaction ends so a concurrent
 * writer (the IMAP poller recording imapError / lastPolledAt) is not lost.
 */
export async function lockChannelForUpdate(
  tx: Tx,
  workspaceId: string,
  id: string,
): Promise<{
  id: string;
  kind: string;
  settings: unknown;
  configEncrypted: string | null;
  address: string | null;
  active: boolean;
} | null> {
  const rows = await tx.$queryRaw<
    { id: string; kind: string; settings: unknown; configEncrypted: string | null; address: string | null; active: boolean }[]
  >`SELECT id, kind::text AS kind, settings, "configEncrypted", address, active FROM "Channel"
    WHERE id = ${id}::uuid AND "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

/** Serialises address changes within a workspace (uniqueness among active email channels has no DB constraint). */
export async function lockWorkspaceEmailAddresses(tx: Tx, workspaceId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`channels:email-address:${workspaceId}`}))`;
}

export async function emailAddressTaken(tx: Tx, workspaceId: string, address: string, exceptId?: string): Promise<boolean> {
  const hit = await tx.channel.findFirst({
    where: {
      workspaceId,
      kind: "EMAIL",
      active: true,
      address: { equals: address, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  return hit !== null;
}

export async function teamInWorkspace(db: Db | Tx, workspaceId: string, teamId: string): Promise<boolean> {
  return (await db.team.findFirst({ where: { id: teamId, workspaceId }, select: { id: true } })) !== null;
}

export function insertChannel(tx: Tx, data: Prisma.ChannelUncheckedCreateInput): Promise<ChannelRow> {
  return tx.channel.create({ data, select: channelSelect });
}

export function updateChannel(tx: Tx, id: string, data: Prisma.ChannelUncheckedUpdateInput): Promise<ChannelRow> {
  return tx.channel.update({ where: { id }, data, select: channelSelect });
}

export async function insertAuditLog(
  tx: Tx,
  row: { workspaceId: string; actorId: string; action: string; targetId: string; data: Prisma.InputJsonObject },
): Promise<void> {
  await tx.auditLog.create({ data: { ...row, targetType: "Channel" }, select: { id: true } });
}
