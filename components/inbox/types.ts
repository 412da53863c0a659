import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/router";

type Out = inferRouterOutputs<AppRouter>;
type In = inferRouterInputs<AppRouter>;

export type ConversationItem = Out["inbox"]["list"]["items"][number];
export type ListPage = Out["inbox"]["list"];
export type InboxCounts = Out["inbox"]["counts"];
export type ConversationDetail = Out["conversation"]["get"];
export type ConversationInfo = ConversationDetail["conversation"];
export type CustomerInfo = ConversationDetail["customer"];
export type MessageItem = Out["conversation"]["messages"]["items"][number];
export type Member = Out["workspace"]["members"][number];
export type Me = Out["workspace"]["me"];
export type TagInfo = Out["conversation"]["tags"][number];
export type BulkChange = In["conversation"]["bulk"]["change"];
export type Priority = In["conversation"]["setPriority"]["priority"];
export type Status = In["conversation"]["setStatus"]["status"];
/** A change as returned in `previous` (to undo) — same shape as a bulk change minus tags. */
export type UndoableChange = NonNullable<Out["conversation"]["setStatus"]>["previous"];
