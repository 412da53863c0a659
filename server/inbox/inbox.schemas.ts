import { z } from "zod";

export const ZConversationStatus = z.enum(["OPEN", "PENDING", "SNOOZED", "RESOLVED"]);
export const ZInboxView = z.enum(["all", "mine", "unassigned", "team"]);

export const ZInboxSort = z.enum(["newest", "oldest", "waiting", "priority", "sla"]);
export const ZSlaState = z.enum(["breached", "due_soon", "ok"]);

const ZFilterFields = z.object({
  view: ZInboxView.default("all"),
  /** required for the team view; with any other view it narrows to that team (same access check) */
  teamId: z.uuid().optional(),
  status: ZConversationStatus.default("OPEN"),
  channelKind: z.enum(["EMAIL", "CHAT", "MESSENGER", "INSTAGRAM", "WHATSAPP", "TELEGRAM", "SMS"]).optional(),
  tagId: z.uuid().optional(),
  priority: z.enum(["NONE", "LOW", "NORMAL", "HIGH", "URGENT"]).optional(),
  /** a specific teammate */
  assigneeId: z.uuid().optional(),
  /** breached: breach recorded or due date passed · due_soon: due within the next hour · ok: neither (incl. no SLA) */
  sla: ZSlaState.optional(),
  /** the customer has been waiting for a reply for more than this many minutes */
  waitingOver: z.number().int().min(1).max(525_600).optional(),
  /** the customer is (true) / is not (false) a VIP */
  vip: z.boolean().optional(),
  /** words in the subject or any message/note (English stemming, web-search syntax); empty = no filter */
  text: z.string().trim().max(200).optional(),
});

const hasTeamForTeamView = (v: { view: string; teamId?: string }) => v.view !== "team" || !!v.teamId;
const teamViewError = () => ({ message: "teamId is required for the team view", path: ["teamId"] });

/** The filter part of inbox.list: what a saved view stores (pass it straight into inbox.list). */
export const ZConversationFilters = ZFilterFields.refine(hasTeamForTeamView, teamViewError());
export type ConversationFilters = z.output<typeof ZConversationFilters>;
export type ConversationFiltersInput = z.input<typeof ZConversationFilters>;

export const ZListConversationsInput = ZFilterFields.extend({
  /** newest/oldest activity, longest waiting for a reply (waiting ones only), priority then newest, SLA due first (none last) */
  sort: ZInboxSort.default("newest"),
  limit: z.number().int().min(1).max(100).default(50),
  /** opaque keyset cursor returned as nextCursor */
  cursor: z.string().max(200).nullish(),
}).refine(hasTeamForTeamView, teamViewError());
export type ListConversationsInput = z.input<typeof ZListConversationsInput>;

export const ZEventsInput = z.object({ lastEventId: z.string().nullish() }).optional();
