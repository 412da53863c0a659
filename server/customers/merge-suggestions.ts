import type { Db } from "../db/client";
import { assertCan, type Actor } from "../auth/actor";
import { AppError } from "../lib/errors";
import { normalizeEmail, normalizePhone } from "./identity-keys";
import { countCustomerRows, findMergeHistory } from "./merge.repository";
import { findMergeCandidates, findSuggestions, type MergeCandidateRow, type SuggestionRow } from "./merge-suggestions.repository";
import type { MergePairInput } from "./merge.schemas";

export const MAX_SUGGESTIONS = 10;
const PHONE_KINDS = new Set(["WHATSAPP", "SMS"]);

/** The e-mails and phones a customer is known by, in their stored (lower-case, E.164) and raw forms. */
export function contactKeys(c: Pick<MergeCandidateRow, "email" | "phone" | "identities">): { emails: string[]; phones: string[] } {
  const emails = new Set<string>();
  const phones = new Set<string>();
  const addEmail = (raw: string | null) => {
    const e = normalizeEmail(raw);
    if (e) emails.add(e);
  };
  const addPhone = (raw: string | null) => {
    if (!raw?.trim()) return;
    phones.add(raw.trim());
    const p = normalizePhone(raw);
    if (p) phones.add(p);
  };
  addEmail(c.email);
  addPhone(c.phone);
  for (const i of c.identities) {
    if (i.channelKind === "EMAIL") addEmail(i.address);
    else if (PHONE_KINDS.has(i.channelKind)) addPhone(i.address);
    // a chat visitor who gave an e-mail is keyed by it
    else if (i.channelKind === "CHAT") addEmail(i.address);
  }
  return { emails: [...emails], phones: [...phones] };
}

/** Possible duplicates: other live customers sharing an e-mail or phone with this one (none for a merged-away record). */
export async function mergeSuggestions(db: Db, actor: Actor, customerId: string): Promise<SuggestionRow[]> {
  assertCan(actor, "customers.merge");
  const [customer] = await findMergeCandidates(db, actor.workspaceId, [customerId]);
  if (!customer) throw new AppError("NOT_FOUND", "Customer not found");
  if (customer.mergedIntoId) return [];
  const { emails, phones } = contactKeys(customer);
  if (emails.length === 0 && phones.length === 0) return [];
  return findSuggestions(db, { workspaceId: actor.workspaceId, customerId, emails, phones, take: MAX_SUGGESTIONS });
}

const PREVIEW_FIELDS = ["name", "email", "phone", "locale", "timezone"] as const;

function side(c: MergeCandidateRow) {
  const { _count, mergedIntoId: _merged, ...rest } = c;
  return { ...rest, conversationCount: _count.conversations, orderCount: _count.orders };
}

/** What a merge would do: rows that move (per kind), duplicates dropped, and which value each field keeps. */
export async function previewMerge(db: Db, actor: Actor, input: MergePairInput) {
  assertCan(actor, "customers.merge");
  const rows = await findMergeCandidates(db, actor.workspaceId, [input.keepId, input.mergeId]);
  const keep = rows.find((r) => r.id === input.keepId);
  const merge = rows.find((r) => r.id === input.mergeId);
  if (!keep || !merge) throw new AppError("NOT_FOUND", "Customer not found");
  if (keep.mergedIntoId || merge.mergedIntoId)
    throw new AppError("CONFLICT", "One of these customers has already been merged into another");
  const counts = await countCustomerRows(db, actor.workspaceId, merge.id, keep.id);
  const fields = PREVIEW_FIELDS.map((field) => {
    const k = keep[field];
    const m = merge[field];
    return { field, keep: k, merge: m, result: k ?? m, conflict: k !== null && m !== null && k !== m, filled: k === null && m !== null };
  });
  return {
    keep: side(keep),
    merge: side(merge),
    moves: {
      identities: counts.CustomerIdentity,
      conversations: counts.Conversation,
      orders: counts.Order,
      notes: counts.Note,
      tags: counts.CustomerTag - counts.sharedTags,
      messages: counts.Message,
      surveyResponses: counts.SurveyResponse,
      campaignRecipients: counts.CampaignRecipient - counts.sharedCampaigns,
    },
    duplicates: { tags: counts.sharedTags, campaigns: counts.sharedCampaigns },
    vip: keep.vip || merge.vip,
    fields,
  };
}
export type MergePreview = Awaited<ReturnType<typeof previewMerge>>;

export const HISTORY_LIMIT = 20;

/** Merges this customer took part in (kept or merged), newest first, with whether each can be undone now. */
export async function mergeHistory(db: Db, actor: Actor, customerId: string) {
  assertCan(actor, "customers.merge");
  const rows = await findMergeHistory(db, actor.workspaceId, customerId, HISTORY_LIMIT);
  return rows.map(({ counts, ...r }) => ({
    ...r,
    counts: (counts && typeof counts === "object" ? counts : {}) as Record<string, number>,
    canUndo: r.undoneAt === null && r.blockedById === null,
  }));
}
export type MergeHistoryItem = Awaited<ReturnType<typeof mergeHistory>>[number];
