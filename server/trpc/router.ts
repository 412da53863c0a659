import { router, createCallerFactory } from "./init";
import { inboxRouter } from "../inbox/inbox.router";
import { conversationRouter } from "../inbox/conversation.router";
import { presenceRouter } from "../realtime/presence.router";
import { savedRepliesRouter } from "../automation/saved-replies.router";
import { workspacesRouter } from "../workspaces/workspaces.router";
import { searchRouter } from "../search/search.router";
import { viewsRouter } from "../views/views.router";
import { notificationsRouter } from "../notifications/notifications.router";
import { channelsRouter } from "../channels/channels.router";
import { customersRouter } from "../customers/customers.router";
import { commerceRouter } from "../commerce/commerce.router";

export const appRouter = router({
  workspace: workspacesRouter,
  inbox: inboxRouter,
  conversation: conversationRouter,
  presence: presenceRouter,
  savedReplies: savedRepliesRouter,
  search: searchRouter,
  views: viewsRouter,
  notifications: notificationsRouter,
  channels: channelsRouter,
  customers: customersRouter,
  commerce: commerceRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
