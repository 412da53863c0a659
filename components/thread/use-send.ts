"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useToast } from "@/components/ui/toast";
import { useConversationCache } from "@/components/inbox/actions/use-conversation-cache";
import type { MessageItem } from "@/components/inbox/types";
import type { MessagesSnapshot, useThreadMessages } from "./use-thread-messages";
import type { ReadyUpload } from "./use-uploads";

export type Conflict = { message: string; since: string | null | undefined; text: string };
type Author = { id: string; name: string };
type Ctx = { id: string; snapshot: MessagesSnapshot };

let seq = 0;
function optimisticMessage(
  kind: "MESSAGE" | "NOTE",
  text: string,
  author: Author,
  meta: MessageItem["meta"],
  files: ReadyUpload[] = [],
): MessageItem {
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
    attachments: files.map((f) => ({ ...f, inline: false })),
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
  restore: (mode: "reply" | "note", text: string, files: ReadyUpload[]) => void;
}) {
  const trpc = useTRPC();
  const toast = useToast();
  const cache = useConversationCache();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const me = author ?? { id: "", name: "You" };
  // the uploads being sent, by id: shown on the optimistic message, handed back to the composer if the send fails
  const [files] = useState(() => new Map<string, ReadyUpload>());
  const filesOf = (ids: string[] | undefined) => (ids ?? []).flatMap((id) => files.get(id) ?? []);

  const fail = (mode: "reply" | "note", text: string, ctx: Ctx | undefined, ids?: string[]) => {
    if (ctx) thread.remove(ctx.id);
    restore(mode, text, filesOf(ids));
  };

  const reply = useMutation(
    trpc.conversation.reply.mutationOptions({
      onMutate: async (input): Promise<Ctx> => {
        setConflict(null);
        const message = optimisticMessage("MESSAGE", input.text, me, {}, filesOf(input.attachmentIds));
        return { id: message.id, snapshot: await thread.insertOptimistic(message) };
      },
      onError: (err, input, ctx) => {
        fail("reply", input.text, ctx, input.attachmentIds);
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
        const message = optimisticMessage("NOTE", input.text, me, { mentions: [] }, filesOf(input.attachmentIds));
        return { id: message.id, snapshot: await thread.insertOptimistic(message) };
      },
      onError: (err, input, ctx) => {
        fail("note", input.text, ctx, input.attachmentIds);
        toast.show({ tone: "error", message: `Note not added: ${err.message}` });
      },
      onSuccess: (message, _input, ctx) => thread.replace(ctx.id, message),
      onSettled: () => cache.refresh([conversationId]),
    }),
  );

  return {
    conflict,
    dismissConflict: () => setConflict(null),
    sendReply: (text: string, lastSeenMessageId: string | null | undefined, force = false, attached: ReadyUpload[] = []) => {
      for (const f of attached) files.set(f.id, f);
      reply.mutate({ conversationId, text, lastSeenMessageId, force, attachmentIds: attached.map((f) => f.id) });
    },
    sendNote: (text: string, mentionUserIds: string[], attached: ReadyUpload[] = []) => {
      for (const f of attached) files.set(f.id, f);
      note.mutate({ conversationId, text, mentionUserIds, attachmentIds: attached.map((f) => f.id) });
    },
    pending: reply.isPending || note.isPending,
  };
}
