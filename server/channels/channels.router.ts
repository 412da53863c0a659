import { authorizedProcedure, router } from "../trpc/init";
import { createEmailChannel, getChannel, listChannels, rotateWebhookSecret, setChannelActive, updateEmailChannel } from "./email-channels";
import { ZChannelIdInput, ZCreateEmailChannelInput, ZSetChannelActiveInput, ZUpdateEmailChannelInput } from "./channels.schemas";

/** Channel settings (admins and leads). Outputs never carry a secret, except a freshly generated webhook secret, once. */
export const channelsRouter = router({
  /** → { items: every channel of the workspace (active first), smtpListenPort: the built-in listener's port or null } */
  list: authorizedProcedure("channels.read").query(({ ctx }) => listChannels(ctx.db, ctx.actor)),

  /** → the channel with its email settings for the form (passwords replaced by hasPassword) */
  get: authorizedProcedure("channels.read")
    .input(ZChannelIdInput)
    .query(({ ctx, input }) => getChannel(ctx.db, ctx.actor, input.id)),

  /** → { channel, webhookSecret (when the webhook is on: shown once) } */
  createEmail: authorizedProcedure("channels.manage")
    .input(ZCreateEmailChannelInput)
    .mutation(({ ctx, input }) => createEmailChannel(ctx.db, ctx.actor, input)),

  /** The whole form; an empty password keeps the stored one. → { channel, webhookSecret (when the webhook was just turned on) } */
  updateEmail: authorizedProcedure("channels.manage")
    .input(ZUpdateEmailChannelInput)
    .mutation(({ ctx, input }) => updateEmailChannel(ctx.db, ctx.actor, input)),

  /** → the channel's list row */
  setActive: authorizedProcedure("channels.manage")
    .input(ZSetChannelActiveInput)
    .mutation(({ ctx, input }) => setChannelActive(ctx.db, ctx.actor, input.id, input.active)),

  /** → { secret (shown once), path } */
  rotateWebhookSecret: authorizedProcedure("channels.manage")
    .input(ZChannelIdInput)
    .mutation(({ ctx, input }) => rotateWebhookSecret(ctx.db, ctx.actor, input.id)),
});
