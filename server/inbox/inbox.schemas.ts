import { z } from "zod";

export const ZConversationStatus = z.enum(["OPEN", "PENDING", "SNOOZED", "RESOLVED"]);
export const ZInboxView = z.enum(["all", "mine", "unassigned", "team"]);

export const ZListConversationsInput = z
  .object({
    view: ZInboxView.default("all"),
    teamId: z.uuid().optional(),
    status: ZConversationStatus.default("OPEN"),
    /** newest/oldest activity, longest waiting for a reply (waiting ones only), priority then newest */
    sort: z.enum(["newest", "oldest", "waiting", "priority"]).default("newest"),
    channelKind: z.enum(["EMAIL", "CHAT", "MESSENGER", "INSTAGRAM", "WHATSAPP", "TELEGRAM", "SMS"]).optional(),
    tagId: z.uuid().optional(),
    priority: z.enum(["NONE", "LOW", "NORMAL", "HIGH", "URGENT"]).optional(),
    limit: z.number().int().min(1).max(100).default(50),
    /** opaque keyset cursor returned as nextCursor */
    cursor: z.string().max(200).nullish(),
  })
  .refine((v) => v.view !== "team" || v.teamId, { message: "teamId is required for the team view", path: ["teamId"] });
export type ListConversationsInput = z.input<typeof ZListConversationsInput>;

export const ZEventsInput = z.object({ lastEventId: z.string().nullish() }).optional();
