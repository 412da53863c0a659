import { authorizedProcedure, router } from "../trpc/init";
import { countViews } from "./count-views";
import { createView, deleteView, listViews, reorderViews, updateView } from "./saved-views";
import { ZCreateViewInput, ZReorderViewsInput, ZUpdateViewInput, ZViewIdInput } from "./views.schemas";

/** Saved custom views of the inbox list: personal ones and workspace-shared ones (leads/admins manage those). */
export const viewsRouter = router({
  /** shared views first, then the caller's own, each by position */
  list: authorizedProcedure("conversations.read").query(({ ctx }) => listViews(ctx.db, ctx.actor)),

  /** → [{ id, count, capped }] per visible view (count stops at 1,000: capped = more) */
  counts: authorizedProcedure("conversations.read").query(({ ctx }) => countViews(ctx.db, ctx.actor)),

  create: authorizedProcedure("views.manage")
    .input(ZCreateViewInput)
    .mutation(({ ctx, input }) => createView(ctx.db, ctx.actor, input)),

  update: authorizedProcedure("views.manage")
    .input(ZUpdateViewInput)
    .mutation(({ ctx, input }) => updateView(ctx.db, ctx.actor, input)),

  delete: authorizedProcedure("views.manage")
    .input(ZViewIdInput)
    .mutation(({ ctx, input }) => deleteView(ctx.db, ctx.actor, input.id)),

  /** → the full list, reordered */
  reorder: authorizedProcedure("views.manage")
    .input(ZReorderViewsInput)
    .mutation(({ ctx, input }) => reorderViews(ctx.db, ctx.actor, input.ids)),
});
