import type { Db } from "../db/client";
import { type Prisma, type ImportKind, type ImportStatus } from "../db/generated/client";
import type { Keyset } from "../inbox/cursor";

export type Tx = Prisma.TransactionClient;

const summarySelect = {
  id: true,
  kind: true,
  filename: true,
  sizeBytes: true,
  status: true,
  totalRows: true,
  checkedRows: true,
  processedRows: true,
  errorCount: true,
  counts: true,
  failureReason: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.ImportJobSelect;
const jobSelect = { ...summarySelect, errors: true, preview: true } satisfies Prisma.ImportJobSelect;

export type ImportJobRow = Prisma.ImportJobGetPayload<{ select: typeof jobSelect }>;
export type ImportJobSummaryRow = Prisma.ImportJobGetPayload<{ select: typeof summarySelect }>;

export function insertImportJob(
  db: Db,
  data: {
    workspaceId: string;
    createdById: string;
    kind: ImportKind;
    filename: string;
    storageKey: string;
    sizeBytes: number;
    totalRows: number;
    errorCount: number;
    errors: Prisma.InputJsonValue;
    preview: Prisma.InputJsonValue;
  },
): Promise<ImportJobRow> {
  return db.importJob.create({ data: { ...data, status: "PREVIEWED" }, select: jobSelect });
}

/** Scoped by workspace: another workspace's import is simply not found. */
export function findImportJob(db: Db | Tx, workspaceId: string, id: string): Promise<ImportJobRow | null> {
  return db.importJob.findFirst({ where: { id, workspaceId }, select: jobSelect });
}

/** The file of an import of this workspace (for the errors download and the job). */
export function findImportFile(db: Db, workspaceId: string, id: string) {
  return db.importJob.findFirst({
    where: { id, workspaceId },
    select: { id: true, kind: true, status: true, storageKey: true, filename: true },
  });
}

/** Newest first, keyset on (createdAt, id) — the (workspaceId, createdAt DESC, id DESC) index. */
export function findImportJobs(db: Db, workspaceId: string, after: Keyset | null, take: number): Promise<ImportJobSummaryRow[]> {
  const keyset: Prisma.ImportJobWhereInput = after
    ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }
    : {};
  return db.importJob.findMany({
    where: { AND: [{ workspaceId }, keyset] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: summarySelect,
  });
}

/** PREVIEWED without errors → QUEUED; false when the import is not (or no longer) in that state. */
export async function markQueued(tx: Tx, workspaceId: string, id: string): Promise<boolean> {
  const { count } = await tx.importJob.updateMany({
    where: { id, workspaceId, status: "PREVIEWED", errorCount: 0 },
    data: { status: "QUEUED" },
  });
  return count === 1;
}

export async function markCancelled(tx: Tx, workspaceId: string, id: string): Promise<{ storageKey: string } | null> {
  const { count } = await tx.importJob.updateMany({
    where: { id, workspaceId, status: { in: ["PREVIEWED", "QUEUED"] } },
    data: { status: "CANCELLED", finishedAt: new Date() },
  });
  if (count !== 1) return null;
  return tx.importJob.findUnique({ where: { id }, select: { storageKey: true } });
}

/**
 * The job takes its import: QUEUED → RUNNING (or RUNNING again on a retry after a crash: its transaction rolled back);
 * null if cancelled or already done.
 */
export async function claimImportJob(db: Db, id: string, retry: boolean) {
  const { count } = await db.importJob.updateMany({
    where: { id, status: { in: retry ? ["QUEUED", "RUNNING"] : ["QUEUED"] } },
    data: { status: "RUNNING", startedAt: new Date(), checkedRows: 0, processedRows: 0, failureReason: null },
  });
  if (count !== 1) return null;
  return db.importJob.findUnique({ where: { id }, select: { id: true, workspaceId: true, kind: true, storageKey: true, totalRows: true } });
}

export async function setImportProgress(db: Db, id: string, p: { checkedRows?: number; processedRows?: number }): Promise<void> {
  await db.importJob.updateMany({ where: { id, status: "RUNNING" }, data: p });
}

export async function finishImportJob(
  db: Db,
  id: string,
  end: {
    status: Extract<ImportStatus, "SUCCEEDED" | "FAILED" | "QUEUED">;
    counts?: Prisma.InputJsonValue;
    errors?: Prisma.InputJsonValue;
    errorCount?: number;
    failureReason?: string | null;
    processedRows?: number;
  },
): Promise<void> {
  await db.importJob.updateMany({
    where: { id, status: "RUNNING" },
    data: { ...end, finishedAt: end.status === "QUEUED" ? null : new Date() },
  });
}

/** One import at a time per workspace: two imports creating the same new customers would otherwise race. */
export async function lockWorkspaceImports(tx: Tx, workspaceId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`csv-import:${workspaceId}`}, 0))`;
}

/** The workspace's CSV integration (orders created by imports point at it); created on first use. */
export async function csvIntegrationId(tx: Tx, workspaceId: string): Promise<string> {
  const found = await tx.commerceIntegration.findFirst({
    where: { workspaceId, kind: "CSV" },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (found) return found.id;
  const created = await tx.commerceIntegration.create({ data: { workspaceId, kind: "CSV", name: "CSV import" }, select: { id: true } });
  return created.id;
}

/** Which of these order numbers exist in the workspace (the fulfilments preview). One query per 10 000 numbers. */
export async function existingOrderNumbers(db: Db, workspaceId: string, numbers: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < numbers.length; i += 10_000) {
    const rows = await db.order.findMany({
      where: { workspaceId, number: { in: numbers.slice(i, i + 10_000) } },
      select: { number: true },
    });
    for (const r of rows) found.add(r.number);
  }
  return found;
}
