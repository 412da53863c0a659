import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/router";

type Out = inferRouterOutputs<AppRouter>;
export type TimelinePage = Out["customers"]["timeline"];
export type TimelineEntry = TimelinePage["items"][number];
export type TimelineConversation = Extract<TimelineEntry, { type: "conversation" }>["conversation"];
export type TimelineOrderEvent = Extract<TimelineEntry, { type: "orderEvent" }>["event"];
export type CustomerSummary = Out["customers"]["summary"];
