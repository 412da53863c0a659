import { z } from "zod";
import { authorizedProcedure, router } from "../trpc/init";
import { fanout } from "../events/fanout";
import { findConversationForActor } from "../inbox/conversation.repository";
import { updatePresence, watchPresence } from "./presence";

const ZConversation = z.object({ conversationId: z.uuid() });

export const presenceRouter = router({
  /** Call every ~5 s while a conversation is open, and when typing starts or stops. */
  heartbeat: authorizedProcedure("conversations.read")
    .input(ZConversation.extend({ typing: z.boolean().default(false) }))
    .mutation(async ({ ctx, input }) => {
      await findConversationForActor(ctx.db, ctx.actor, input.conversationId);
      return {
        viewers: updatePresence(ctx.actor.workspaceId, input.conversationId, {
          userId: ctx.actor.userId,
          name: ctx.actor.name,
          typing: input.typing,
        }),
      };
    }),

  leave: authorizedProcedure("conversations.read")
    .input(ZConversation)
    .mutation(({ ctx, input }) => {
      updatePresence(ctx.actor.workspaceId, input.conversationId, { userId: ctx.actor.userId, name: ctx.actor.name, typing: false }, true);
      return { ok: true as const };
    }),

  watch: authorizedProcedure("conversations.read")
    .input(ZConversation)
    .subscription(async function* ({ ctx, input, signal }) {
      await findConversationForActor(ctx.db, ctx.actor, input.conversationId);
      await fanout().listen();
      for await (const viewers of watchPresence(ctx.actor.workspaceId, input.conversationId, signal)) yield { viewers };
    }),
});
