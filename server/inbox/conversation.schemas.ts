import { z } from "zod";

export const ZConversationId = z.object({ conversationId: z.uuid() });

/** Files per message; their total size is limited by ATTACHMENT_MESSAGE_MAX_BYTES (checked when they are claimed). */
export const MAX_MESSAGE_ATTACHMENTS = 10;
/** Uploads (POST /api/attachments) the member made for this message: claimed, in this order, when it is stored. */
export const ZAttachmentIds = z
  .array(z.uuid())
  .max(MAX_MESSAGE_ATTACHMENTS, `At most ${MAX_MESSAGE_ATTACHMENTS} files per message`)
  .default([]);

export const ZListMessagesInput = z.object({
  conversationId: z.uuid(),
  /** keyset cursor for OLDER messages (the thread loads newest first and scrolls back) */
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const ZAssignInput = z.object({ conversationId: z.uuid(), assigneeId: z.uuid().nullable() });
export const ZMoveTeamInput = z.object({ conversationId: z.uuid(), teamId: z.uuid().nullable() });
export const ZSetPriorityInput = z.object({ conversationId: z.uuid(), priority: z.enum(["NONE", "LOW", "NORMAL", "HIGH", "URGENT"]) });
export const ZSetStatusInput = z
  .object({
    conversationId: z.uuid(),
    status: z.enum(["OPEN", "PENDING", "SNOOZED", "RESOLVED"]),
    snoozedUntil: z.coerce.date().optional(),
  })
  .refine((v) => v.status !== "SNOOZED" || (v.snoozedUntil && v.snoozedUntil.getTime() > Date.now()), {
    message: "Snoozing needs a time in the future",
    path: ["snoozedUntil"],
  });
export const ZTagInput = z.object({
  conversationId: z.uuid(),
  /** an existing tag's name, or a new one (created on the fly) */
  name: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[^,<>]+$/, "Tags cannot contain , < or >"),
});

export const ZReplyInput = z.object({
  conversationId: z.uuid(),
  text: z.string().trim().min(1, "Write a message first").max(20_000),
  /** the newest message the agent had seen: a newer one means someone else spoke (soft lock) */
  lastSeenMessageId: z.uuid().nullish(),
  /** send even though newer messages arrived (after the agent saw the warning) */
  force: z.boolean().default(false),
  /** then set this status (send & resolve, send & pending) */
  thenStatus: z.enum(["OPEN", "PENDING", "RESOLVED"]).optional(),
  attachmentIds: ZAttachmentIds,
});

export const ZNoteInput = z.object({
  conversationId: z.uuid(),
  text: z.string().trim().min(1, "Write a note first").max(20_000),
  /** users @mentioned (they get a notification) */
  mentionUserIds: z.array(z.uuid()).max(20).default([]),
  attachmentIds: ZAttachmentIds,
});

export const ZRetryInput = z.object({ messageId: z.uuid() });

export const ZBulkChange = z.discriminatedUnion("type", [
  z.object({ type: z.literal("assign"), assigneeId: z.uuid().nullable() }),
  z.object({
    type: z.literal("status"),
    status: z.enum(["OPEN", "PENDING", "SNOOZED", "RESOLVED"]),
    snoozedUntil: z.coerce.date().optional(),
  }),
  z.object({ type: z.literal("priority"), priority: z.enum(["NONE", "LOW", "NORMAL", "HIGH", "URGENT"]) }),
  z.object({ type: z.literal("team"), teamId: z.uuid().nullable() }),
  z.object({ type: z.literal("addTag"), name: ZTagInput.shape.name }),
]);

export const ZBulkInput = z
  .object({ conversationIds: z.array(z.uuid()).min(1).max(200), change: ZBulkChange })
  .refine(
    (v) =>
      v.change.type !== "status" ||
      v.change.status !== "SNOOZED" ||
      (v.change.snoozedUntil && v.change.snoozedUntil.getTime() > Date.now()),
    {
      message: "Snoozing needs a time in the future",
      path: ["change", "snoozedUntil"],
    },
  );

/** A new outbound email to a customer (who is found or created by address). */
export const ZStartEmailInput = z.object({
  channelId: z.uuid(),
  to: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")).pipe(z.string().max(320)),
  subject: z.string().trim().min(1, "Add a subject").max(300),
  text: z.string().trim().min(1, "Write a message first").max(20_000),
  attachmentIds: ZAttachmentIds,
});
