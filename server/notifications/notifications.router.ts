import { authorizedProcedure, router } from "../trpc/init";
import { listNotifications, unreadCount } from "./list-notifications";
import { markNotificationsRead } from "./mark-notifications-read";
import { ZListNotificationsInput, ZMarkReadInput } from "./notifications.schemas";

/** The caller's own notifications (mentions, assignments) in the current workspace. */
export const notificationsRouter = router({
  /** → { items: [{ id, kind, createdAt, readAt, by, conversation: { id, number, subject } | null, excerpt }], nextCursor } */
  list: authorizedProcedure("notifications.read")
    .input(ZListNotificationsInput)
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.actor, input)),

  /** → { count (≤ 99), capped } */
  unreadCount: authorizedProcedure("notifications.read").query(({ ctx }) => unreadCount(ctx.db, ctx.actor)),

  /** { ids } or { all: true } → { updated }; only ever the caller's own rows */
  markRead: authorizedProcedure("notifications.read")
    .input(ZMarkReadInput)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx.actor, input)),
});
