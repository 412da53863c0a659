import { z } from "zod";

export const MAX_NOTIFICATIONS_PAGE = 50;
/** The bell shows "99+" beyond this; counting further would scan for nothing. */
export const UNREAD_COUNT_CAP = 99;
/** How much of a note a notification shows. */
export const EXCERPT_LENGTH = 140;

export const ZListNotificationsInput = z.object({
  limit: z.number().int().min(1).max(MAX_NOTIFICATIONS_PAGE).default(20),
  /** opaque keyset cursor returned as nextCursor */
  cursor: z.string().max(200).nullish(),
});

/** Either some of the caller's notifications by id, or all of them. */
export const ZMarkReadInput = z.union([z.object({ ids: z.array(z.uuid()).min(1).max(100) }), z.object({ all: z.literal(true) })]);

export const ZNotificationKind = z.enum(["MENTION", "ASSIGNED", "APPROVAL_REQUESTED", "SLA_WARNING"]);

export const ZNotificationItem = z.object({
  id: z.uuid(),
  kind: ZNotificationKind,
  createdAt: z.date(),
  readAt: z.date().nullable(),
  /** who caused it (their name when it happened) */
  by: z.string().nullable(),
  /** null when the caller can no longer open the conversation (or it is gone): nothing of it is shown */
  conversation: z.object({ id: z.uuid(), number: z.number().int(), subject: z.string().nullable() }).nullable(),
  /** the start of the note (mentions), ≤ 140 characters; null when hidden or not applicable */
  excerpt: z.string().nullable(),
});

export const ZListNotificationsOutput = z.object({ items: z.array(ZNotificationItem), nextCursor: z.string().nullable() });
export const ZUnreadCountOutput = z.object({ count: z.number().int(), capped: z.boolean() });

export type ListNotificationsInput = z.output<typeof ZListNotificationsInput>;
export type MarkReadInput = z.output<typeof ZMarkReadInput>;
export type NotificationItem = z.output<typeof ZNotificationItem>;
export type NotificationPage = z.output<typeof ZListNotificationsOutput>;
