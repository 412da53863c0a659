import { z } from "zod";
import { authorizedProcedure, router } from "../trpc/init";
import { listSavedReplies, renderSavedReply } from "./saved-replies";

export const savedRepliesRouter = router({
  list: authorizedProcedure("savedReplies.use")
    .input(z.object({ q: z.string().max(100).optional() }).optional())
    .query(({ ctx, input }) => listSavedReplies(ctx.db, ctx.actor, input?.q)),

  /** → { text, missing: ["order.tracking_url", …], unknown: [...] } */
  render: authorizedProcedure("savedReplies.use")
    .input(z.object({ savedReplyId: z.uuid(), conversationId: z.uuid() }))
    .mutation(({ ctx, input }) => renderSavedReply(ctx.db, ctx.actor, input)),
});
