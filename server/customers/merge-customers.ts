import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { assertCan, type Actor } from "../auth/actor";
import { publishCommitted, recordEvents } from "../events/emit";
import type { BusEvent } from "../events/bus";
import type { DomainEventPayload } from "../events/types";
import { AppError } from "../lib/errors";
import { insertCustomerAudit } from "./directory.repository";
import {
  findLaterMerge,
  insertMergeRecord,
  lockMergePair,
  lockMergeRecord,
  markMergeUndone,
  moveCustomerRows,
  restoreCustomerRows,
  updateCustomerForMerge,
  type MergeCustomerRow,
  type Tx,
} from "./merge.repository";
import {
  MERGE_FIELDS,
  MOVED_TABLES,
  ZMergeSnapshot,
  type MergeFieldValues,
  type MergePairInput,
  type MergeSnapshot,
} from "./merge.schemas";

type Attributes = Record<string, unknown>;
const asObject = (v: unknown): Attributes => (v && typeof v === "object" && !Array.isArray(v) ? (v as Attributes) : {});

export function fieldValues(c: MergeCustomerRow): MergeFieldValues {
  return {
    name: c.name,
    email: c.email,
    phone: c.phone,
    avatarUrl: c.avatarUrl,
    locale: c.locale,
    timezone: c.timezone,
    vip: c.vip,
    attributes: c.attributes,
    lastContactAt: c.lastContactAt?.toISOString() ?? null,
    updatedAt: c.updatedAt.toISOString(),
  };
}

/**
 * The kept record after a merge: its own values win; empty ones are filled from the merged record; VIP if
 * either was; attributes are the union (kept wins per key); the later last contact.
 */
export function mergedFieldValues(keep: MergeCustomerRow, merge: MergeCustomerRow): Omit<MergeFieldValues, "updatedAt"> {
  const last = [keep.lastContactAt, merge.lastContactAt].filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0];
  return {
    name: keep.name ?? merge.name,
    email: keep.email ?? merge.email,
    phone: keep.phone ?? merge.phone,
    avatarUrl: keep.avatarUrl ?? merge.avatarUrl,
    locale: keep.locale ?? merge.locale,
    timezone: keep.timezone ?? merge.timezone,
    vip: keep.vip || merge.vip,
    attributes: { ...asObject(merge.attributes), ...asObject(keep.attributes) },
    lastContactAt: last?.toISOString() ?? null,
  };
}

/** JSON with sorted keys: attribute objects compare by content, not key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Attributes)[k])}`)
      .join(",")}}`;
  return JSON.stringify(v ?? null);
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** Field values → Prisma update data (timestamps back to Dates). */
function fieldData(v: Partial<MergeFieldValues>): Prisma.CustomerUncheckedUpdateInput {
  const { lastContactAt, updatedAt, attributes, ...rest } = v;
  return {
    ...rest,
    ...(attributes !== undefined ? { attributes: attributes as Prisma.InputJsonValue } : {}),
    ...(lastContactAt !== undefined ? { lastContactAt: lastContactAt === null ? null : new Date(lastContactAt) } : {}),
    ...(updatedAt !== undefined ? { updatedAt: new Date(updatedAt) } : {}),
  };
}

/** Runs the write and its events in one transaction; publishes the events after commit. */
async function withCustomerEvents<T>(
  db: Db,
  actor: Actor,
  work: (tx: Tx, emit: (e: DomainEventPayload) => void) => Promise<T>,
): Promise<T> {
  let committed: BusEvent[] = [];
  const result = await db.$transaction(
    async (tx) => {
      const pending: DomainEventPayload[] = [];
      const value = await work(tx, (e) => pending.push(e));
      committed = await recordEvents(tx, actor.workspaceId, pending);
      return value;
    },
    // a customer with years of history moves thousands of message rows
    { timeout: 120_000 },
  );
  publishCommitted(committed);
  return result;
}

export type MergeResult = { mergeRecordId: string; keptId: string; mergedId: string; counts: Record<string, number> };

/**
 * Merges `mergeId` into `keepId` in ONE transaction: every row of the merged customer moves to the kept one
 * (duplicates of a tag or campaign the kept one already has are dropped), empty kept fields are filled, the
 * merged record is marked merged into the kept one, and a CustomerMerge row keeps a snapshot of every moved,
 * changed and dropped row so unmerge can restore them exactly. Audited; inboxes refresh after commit.
 */
export async function mergeCustomers(db: Db, actor: Actor, input: MergePairInput): Promise<MergeResult> {
  assertCan(actor, "customers.merge");
  const { keepId, mergeId } = input;
  return withCustomerEvents(db, actor, async (tx, emit) => {
    const pair = await lockMergePair(tx, actor.workspaceId, [keepId, mergeId]);
    const keep = pair.get(keepId);
    const merge = pair.get(mergeId);
    if (!keep || !merge) throw new AppError("NOT_FOUND", "Customer not found");
    if (keep.mergedIntoId || merge.mergedIntoId)
      throw new AppError("CONFLICT", "One of these customers has already been merged into another");

    const now = new Date();
    const { moved, dropped, conversations } = await moveCustomerRows(tx, actor.workspaceId, mergeId, keepId);
    const after = { ...mergedFieldValues(keep, merge), updatedAt: now.toISOString() };
    await updateCustomerForMerge(tx, keepId, fieldData(after));
    await updateCustomerForMerge(tx, mergeId, { mergedIntoId: keepId, updatedAt: now });

    const counts = Object.fromEntries([
      ...MOVED_TABLES.map((t) => [t, moved[t].length] as const),
      ["droppedTags", dropped.CustomerTag.length] as const,
      ["droppedCampaignRecipients", dropped.CampaignRecipient.length] as const,
    ]);
    const snapshot: MergeSnapshot = {
      v: 1,
      kept: { before: fieldValues(keep), after },
      merged: { before: { updatedAt: merge.updatedAt.toISOString() }, after: { updatedAt: now.toISOString() } },
      moved,
      dropped,
      counts,
    };
    const record = await insertMergeRecord(tx, {
      workspaceId: actor.workspaceId,
      keptId: keepId,
      mergedId: mergeId,
      actorId: actor.userId,
      snapshot: snapshot as unknown as Prisma.InputJsonObject,
      createdAt: now,
    });
    await insertCustomerAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "customers.merge",
      targetId: keepId,
      data: { mergeRecordId: record.id, keptId: keepId, mergedId: mergeId, counts },
    });
    for (const c of conversations) emit({ type: "conversation.updated", conversationId: c.id, teamId: c.teamId, changes: ["customer"] });
    emit({ type: "customer.updated", customerId: keepId, conversationId: null, teamId: null, changes: ["merged"] });
    emit({ type: "customer.updated", customerId: mergeId, conversationId: null, teamId: null, changes: ["merged"] });
    return { mergeRecordId: record.id, keptId: keepId, mergedId: mergeId, counts };
  });
}

/**
 * Undoes a merge from its record: the moved rows go back (those still on the kept customer), dropped duplicates
 * are re-inserted as they were, the kept record's fields return to their prior values where the merge set them
 * (a value edited since is left alone), and the merged record is live again. Refused when already undone, or
 * while a later merge of either customer is active (undo that one first: it may have moved these rows again).
 */
export async function unmergeCustomers(
  db: Db,
  actor: Actor,
  input: { mergeRecordId: string },
): Promise<{ keptId: string; mergedId: string }> {
  assertCan(actor, "customers.merge");
  return withCustomerEvents(db, actor, async (tx, emit) => {
    const record = await lockMergeRecord(tx, actor.workspaceId, input.mergeRecordId);
    if (record.undoneAt) throw new AppError("CONFLICT", "This merge has already been undone");
    const later = await findLaterMerge(tx, actor.workspaceId, record.id);
    if (later) {
      throw new AppError(
        "CONFLICT",
        `A later merge (${later.mergedName ?? "a customer"} into ${later.keptName ?? "a customer"}) depends on this one: undo it first`,
      );
    }
    const parsed = ZMergeSnapshot.safeParse(record.snapshot);
    if (!parsed.success) throw new AppError("INTERNAL", "This merge's record cannot be read, so it cannot be undone");
    const snap = parsed.data;
    const pair = await lockMergePair(tx, actor.workspaceId, [record.keptId, record.mergedId]);
    const kept = pair.get(record.keptId);
    const merged = pair.get(record.mergedId);
    if (!kept || !merged) throw new AppError("NOT_FOUND", "Customer not found");
    if (merged.mergedIntoId !== kept.id) throw new AppError("CONFLICT", "The merged customer is no longer part of this merge");

    const { conversations } = await restoreCustomerRows(tx, actor.workspaceId, kept.id, merged.id, snap);

    const now = new Date();
    const current = fieldValues(kept);
    const restore: Partial<MergeFieldValues> = {};
    for (const f of MERGE_FIELDS) if (same(current[f], snap.kept.after[f])) Object.assign(restore, { [f]: snap.kept.before[f] });
    // untouched since the merge: its timestamp comes back too, so the record is exactly as before
    restore.updatedAt = current.updatedAt === snap.kept.after.updatedAt ? snap.kept.before.updatedAt : now.toISOString();
    await updateCustomerForMerge(tx, kept.id, fieldData(restore));
    const mergedUpdatedAt = merged.updatedAt.toISOString() === snap.merged.after.updatedAt ? new Date(snap.merged.before.updatedAt) : now;
    await updateCustomerForMerge(tx, merged.id, { mergedIntoId: null, updatedAt: mergedUpdatedAt });
    await markMergeUndone(tx, record.id, now);

    await insertCustomerAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "customers.unmerge",
      targetId: merged.id,
      data: { mergeRecordId: record.id, keptId: kept.id, mergedId: merged.id, restoredConversations: conversations.length },
    });
    for (const c of conversations) emit({ type: "conversation.updated", conversationId: c.id, teamId: c.teamId, changes: ["customer"] });
    emit({ type: "customer.updated", customerId: kept.id, conversationId: null, teamId: null, changes: ["unmerged"] });
    emit({ type: "customer.updated", customerId: merged.id, conversationId: null, teamId: null, changes: ["unmerged"] });
    return { keptId: kept.id, mergedId: merged.id };
  });
}
