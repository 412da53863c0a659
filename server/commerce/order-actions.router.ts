import { authorizedProcedure, router } from "../trpc/init";
import { requestOrderAction } from "./order-actions";
import { listTrackingReplies, recordTrackingSent, renderOrderReply } from "./order-actions-tracking";
import { ZRecordTrackingSentInput, ZRenderOrderReplyInput, ZRequestOrderActionInput } from "./order-actions.schemas";

/** `commerce.*` order actions from the customer panel: requests (recorded, auditable) and tracking replies. */
export const orderActionsRouter = router({
  /** Refund / cancellation / address-change request → order timeline + audit + internal note in the conversation. */
  requestOrderAction: authorizedProcedure("orders.requestAction")
    .input(ZRequestOrderActionInput)
    .mutation(({ ctx, input }) => requestOrderAction(ctx.db, ctx.actor, input)),

  /** Saved replies that carry tracking ({{order.tracking_url}} / {{order.tracking_number}}), for "Resend tracking". */
  trackingReplies: authorizedProcedure("savedReplies.use").query(({ ctx }) => listTrackingReplies(ctx.db, ctx.actor)),

  /** → { text, missing, unknown }: a saved reply filled with THIS order's number and tracking. */
  renderOrderReply: authorizedProcedure("savedReplies.use")
    .input(ZRenderOrderReplyInput)
    .mutation(({ ctx, input }) => renderOrderReply(ctx.db, ctx.actor, input)),

  /** After a reply carrying an order's tracking was sent: TRACKING_SENT on that order's timeline (verified). */
  recordTrackingSent: authorizedProcedure("conversations.reply")
    .input(ZRecordTrackingSentInput)
    .mutation(({ ctx, input }) => recordTrackingSent(ctx.db, ctx.actor, input)),
});
