import { tracked } from "@trpc/server";
import { authorizedProcedure, router } from "../trpc/init";
import { inboxEvents } from "./inbox-events";
import { fanout } from "../events/fanout";
import { listConversations } from "./list-conversations";
import { countConversations } from "./count-conversations";
import { ZEventsInput, ZListConversationsInput } from "./inbox.schemas";

export const inboxRouter = router({
  list: authorizedProcedure("conversations.read")
    .input(ZListConversationsInput)
    .query(({ ctx, input }) => listConversations(ctx.db, ctx.actor, input)),

  counts: authorizedProcedure("conversations.read").query(({ ctx }) => countConversations(ctx.db, ctx.actor)),

  /** Live inbox events for the actor's scope (SSE). */
  events: authorizedProcedure("conversations.read")
    .input(ZEventsInput)
    .subscription(async function* ({ ctx, input, signal }) {
      await fanout().listen();
      for await (const event of inboxEvents(ctx.db, ctx.actor, input?.lastEventId, signal)) yield tracked(event.id, event);
    }),
});
