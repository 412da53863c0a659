"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useToast } from "@/components/ui/toast";
import { useConversationCache } from "@/components/inbox/actions/use-conversation-cache";
import type { MessageItem } from "@/components/inbox/types";
import type { MessagesSnapshot, useThreadMessages } from "./use-thread-messages";

export type Conflict = { message: string; since: string | null | undefined; text: string };
type Author = { id: string; name: string };
type Ctx = { id: string; snapshot: MessagesSnapshot };

let seq = 0;
function optimisticMessage(kind: "MESSAGE" | "NOTE", text: string, author: Author, meta: MessageItem["meta"]): MessageItem {
  return {
    id: `optimistic:${++seq}`,
    direction: "OUT",
    kind,
    authorType: "AGENT",
    text,
    html: null,
    deliveryStatus: kind === "MESSAGE" ? "QUEUED" : null,
    deliveryError: null,
    attempts: 0,
    createdAt: new Date(),
    sentAt: null,
    meta,
    author,
    attachments: [],
  };
}

/**
 * Reply and note sending: the message shows at once (reply as QUEUED), is replaced by the server's on
 * success, and on failure disappears while `restore` puts the text back. A CONFLICT (someone else spoke
 * since `lastSeenMessageId`) becomes `conflict` instead of a toast; `force` sends anyway.
 */
export function useSend({
  conversationId,
  thread,
  author,
  restore,
}: {
  conversationId: string;
  thread: ReturnType<typeof useThreadMessages>;
  author: Author | undefined;
  restore: (mode: "reply" | "note", text: string) => void;
}) {
  const trpc = useTRPC();
  const toast = useToast();
  const cache = useConversationCache();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const me = author ?? { id: "", name: "You" };

  const fail = (mode: "reply" | "note", text: string, ctx: Ctx | undefined) => {
    if (ctx) thread.remove(ctx.id);
    restore(mode, text);
  };

  const reply = useMutation(
    trpc.conversation.reply.mutationOptions({
      onMutate: async (input): Promise<Ctx> => {
        setConflict(null);
        const message = optimisticMessage("MESSAGE", input.text, me, {});
        return { id: message.id, snapshot: await thread.insertOptimistic(message) };
      },
      onError: (err, input, ctx) => {
        fail("reply", input.text, ctx);
        if (err.data?.code === "CONFLICT") {
          setConflict({ message: err.message, since: input.lastSeenMessageId, text: input.text });
          void thread.refresh();
        } else toast.show({ tone: "error", message: `Reply not sent: ${err.message}` });
      },
      onSuccess: (message, _input, ctx) => thread.replace(ctx.id, message),
      onSettled: () => cache.refresh([conversationId]),
    }),
  );

  const note = useMutation(
    trpc.conversation.note.mutationOptions({
      onMutate: async (input): Promise<Ctx> => {
        const message = optimisticMessage("NOTE", input.text, me, { mentions: [] });
        return { id: message.id, snapshot: await thread.insertOptimistic(message) };
      },
      onError: (err, input, ctx) => {
        fail("note", input.text, ctx);
        toast.show({ tone: "error", message: `Note not added: ${err.message}` });
      },
      onSuccess: (message, _input, ctx) => thread.replace(ctx.id, message),
      onSettled: () => cache.refresh([conversationId]),
    }),
  );

  return {
    conflict,
    dismissConflict: () => setConflict(null),
    sendReply: (text: string, lastSeenMessageId: string | null | undefined, force = false) =>
      reply.mutate({ conversationId, text, lastSeenMessageId, force }),
    sendNote: (text: string, mentionUserIds: string[]) => note.mutate({ conversationId, text, mentionUserIds }),
    pending: reply.isPending || note.isPending,
  };
}
