import { z } from "zod";

export const ZMergeSuggestionsInput = z.object({ customerId: z.uuid() });
export const ZMergeHistoryInput = z.object({ customerId: z.uuid() });

/** `mergeId`'s rows move to `keepId`; `mergeId` is then marked merged into it. */
export const ZMergePairInput = z
  .object({ keepId: z.uuid(), mergeId: z.uuid() })
  .refine((v) => v.keepId !== v.mergeId, { message: "Pick two different customers", path: ["mergeId"] });
export type MergePairInput = z.output<typeof ZMergePairInput>;

/** Undo one merge (the CustomerMerge record's id). */
export const ZUnmergeInput = z.object({ mergeRecordId: z.uuid() });

/** The customer fields a merge may change on the kept record (empty ones are filled from the merged one). */
export const MERGE_FIELDS = ["name", "email", "phone", "avatarUrl", "locale", "timezone", "vip", "attributes", "lastContactAt"] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** Rows moved by id (one list per table) — CustomerTag rows are keyed by tagId (its key is (customerId, tagId)). */
export const MOVED_TABLES = [
  "CustomerIdentity",
  "Conversation",
  "Order",
  "Note",
  "Message",
  "SurveyResponse",
  "CampaignRecipient",
  "CustomerTag",
] as const;
export type MovedTable = (typeof MOVED_TABLES)[number];

const ZIds = z.array(z.string());
const ZFieldValues = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  locale: z.string().nullable(),
  timezone: z.string().nullable(),
  vip: z.boolean(),
  attributes: z.unknown(),
  /** ISO timestamps */
  lastContactAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type MergeFieldValues = z.infer<typeof ZFieldValues>;

/**
 * CustomerMerge.snapshot, version 1: everything unmerge needs to put every row back exactly — the kept record's
 * fields before and after, the merged record's updatedAt, the id of every moved row per table, and the full rows
 * a merge deleted as duplicates (to_jsonb of CustomerTag / CampaignRecipient rows, re-inserted as they were).
 */
export const ZMergeSnapshot = z.object({
  v: z.literal(1),
  kept: z.object({ before: ZFieldValues, after: ZFieldValues }),
  merged: z.object({ before: z.object({ updatedAt: z.string() }), after: z.object({ updatedAt: z.string() }) }),
  moved: z.object({
    CustomerIdentity: ZIds,
    Conversation: ZIds,
    Order: ZIds,
    Note: ZIds,
    Message: ZIds,
    SurveyResponse: ZIds,
    CampaignRecipient: ZIds,
    CustomerTag: ZIds,
  }),
  dropped: z.object({
    CustomerTag: z.array(z.record(z.string(), z.unknown())),
    CampaignRecipient: z.array(z.record(z.string(), z.unknown())),
  }),
  /** rows per table as merged (for the history; not used to restore) */
  counts: z.record(z.string(), z.number()),
});
export type MergeSnapshot = z.infer<typeof ZMergeSnapshot>;
