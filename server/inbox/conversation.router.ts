import { authorizedProcedure, router } from "../trpc/init";
import { getConversation, listMessages, markRead } from "./get-conversation";
import { changeConversations } from "./update-conversation";
import { addTag, listTags, removeTag } from "./tag-conversation";
import { addNote, retryMessage, sendReply } from "./send-reply";
import { listEmailChannels, startEmail } from "./start-email";
import {
  ZAssignInput,
  ZBulkInput,
  ZConversationId,
  ZListMessagesInput,
  ZMoveTeamInput,
  ZNoteInput,
  ZReplyInput,
  ZRetryInput,
  ZSetPriorityInput,
  ZSetStatusInput,
  ZStartEmailInput,
  ZTagInput,
} from "./conversation.schemas";
import { z } from "zod";

export const conversationRouter = router({
  get: authorizedProcedure("conversations.read")
    .input(ZConversationId)
    .query(({ ctx, input }) => getConversation(ctx.db, ctx.actor, input.conversationId)),

  /** The member has seen the conversation up to now (clears its unread dot for them only). */
  markRead: authorizedProcedure("conversations.read")
    .input(ZConversationId)
    .mutation(({ ctx, input }) => markRead(ctx.db, ctx.actor, input.conversationId)),

  messages: authorizedProcedure("conversations.read")
    .input(ZListMessagesInput)
    .query(({ ctx, input }) => listMessages(ctx.db, ctx.actor, input)),

  assign: authorizedProcedure("conversations.assign")
    .input(ZAssignInput)
    .mutation(
      async ({ ctx, input }) =>
        (await changeConversations(ctx.db, ctx.actor, [input.conversationId], { type: "assign", assigneeId: input.assigneeId }))[0],
    ),

  moveTeam: authorizedProcedure("conversations.assign")
    .input(ZMoveTeamInput)
    .mutation(
      async ({ ctx, input }) =>
        (await changeConversations(ctx.db, ctx.actor, [input.conversationId], { type: "team", teamId: input.teamId }))[0],
    ),

  setPriority: authorizedProcedure("conversations.updateStatus")
    .input(ZSetPriorityInput)
    .mutation(
      async ({ ctx, input }) =>
        (await changeConversations(ctx.db, ctx.actor, [input.conversationId], { type: "priority", priority: input.priority }))[0],
    ),

  setStatus: authorizedProcedure("conversations.updateStatus")
    .input(ZSetStatusInput)
    .mutation(
      async ({ ctx, input }) =>
        (
          await changeConversations(ctx.db, ctx.actor, [input.conversationId], {
            type: "status",
            status: input.status,
            snoozedUntil: input.snoozedUntil,
          })
        )[0],
    ),

  addTag: authorizedProcedure("conversations.tag")
    .input(ZTagInput)
    .mutation(({ ctx, input }) => addTag(ctx.db, ctx.actor, [input.conversationId], input.name)),

  removeTag: authorizedProcedure("conversations.tag")
    .input(z.object({ conversationId: z.uuid(), tagId: z.uuid() }))
    .mutation(({ ctx, input }) => removeTag(ctx.db, ctx.actor, [input.conversationId], input.tagId)),

  tags: authorizedProcedure("conversations.tag").query(({ ctx }) => listTags(ctx.db, ctx.actor)),

  reply: authorizedProcedure("conversations.reply")
    .input(ZReplyInput)
    .mutation(({ ctx, input }) => sendReply(ctx.db, ctx.actor, input)),

  note: authorizedProcedure("conversations.note")
    .input(ZNoteInput)
    .mutation(({ ctx, input }) => addNote(ctx.db, ctx.actor, input)),

  /** One change to a selection (≤ 200), atomically. */
  bulk: authorizedProcedure("conversations.bulk")
    .input(ZBulkInput)
    .mutation(async ({ ctx, input }) => {
      const { change, conversationIds } = input;
      if (change.type === "addTag") return { count: (await addTag(ctx.db, ctx.actor, conversationIds, change.name)).added };
      return { count: (await changeConversations(ctx.db, ctx.actor, conversationIds, change)).length };
    }),

  retry: authorizedProcedure("conversations.reply")
    .input(ZRetryInput)
    .mutation(({ ctx, input }) => retryMessage(ctx.db, ctx.actor, input.messageId)),

  /** A new outbound email to a customer (found or created by address). */
  startEmail: authorizedProcedure("conversations.reply")
    .input(ZStartEmailInput)
    .mutation(({ ctx, input }) => startEmail(ctx.db, ctx.actor, input)),

  /** → [{ id, name, address }]: the email channels the member can start an email from */
  emailChannels: authorizedProcedure("conversations.reply").query(({ ctx }) => listEmailChannels(ctx.db, ctx.actor)),
});
