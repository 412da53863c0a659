"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { useToast } from "@/components/ui/toast";
import type { BulkChange } from "../types";
import { normalizeTagName, useConversationCache, type CacheSnapshot, type ConversationPatch } from "./use-conversation-cache";

const plural = (n: number) => `${n} conversation${n === 1 ? "" : "s"}`;

function describe(change: BulkChange, n: number, names: { member: (id: string) => string; team: (id: string) => string }): string {
  switch (change.type) {
    case "assign":
      return change.assigneeId ? `Assigned ${plural(n)} to ${names.member(change.assigneeId)}` : `Unassigned ${plural(n)}`;
    case "status":
      return { OPEN: "Reopened", PENDING: "Marked pending:", SNOOZED: "Snoozed", RESOLVED: "Resolved" }[change.status] + ` ${plural(n)}`;
    case "priority":
      return `Set priority of ${plural(n)} to ${change.priority.toLowerCase()}`;
    case "team":
      return change.teamId ? `Moved ${plural(n)} to ${names.team(change.teamId)}` : `Removed the team from ${plural(n)}`;
    case "addTag":
      return `Tagged ${plural(n)} ${normalizeTagName(change.name)}`;
  }
}

/** One change to the selected conversations (conversation.bulk), optimistic on the list rows. */
export function useBulkActions(onDone: () => void) {
  const trpc = useTRPC();
  const toast = useToast();
  const cache = useConversationCache();
  const members = useQuery(trpc.workspace.members.queryOptions());
  const me = useQuery(trpc.workspace.me.queryOptions());
  const tags = useQuery(trpc.conversation.tags.queryOptions());
  const names = {
    member: (id: string) => members.data?.find((m) => m.id === id)?.name ?? "…",
    team: (id: string) => me.data?.teams.find((t) => t.id === id)?.name ?? "…",
  };

  function toPatch(change: BulkChange, current: { tags: { id: string; name: string; color: string }[] }): ConversationPatch {
    switch (change.type) {
      case "assign":
        return { assignee: change.assigneeId ? { id: change.assigneeId, name: names.member(change.assigneeId) } : null };
      case "status":
        return { status: change.status, snoozedUntil: change.snoozedUntil instanceof Date ? change.snoozedUntil : null };
      case "priority":
        return { priority: change.priority };
      case "team":
        return { team: change.teamId ? { id: change.teamId, name: names.team(change.teamId) } : null };
      case "addTag": {
        const name = normalizeTagName(change.name);
        if (current.tags.some((t) => t.name === name)) return {};
        return { tags: [...current.tags, tags.data?.find((t) => t.name === name) ?? { id: `new:${name}`, name, color: "#94a3b8" }] };
      }
    }
  }

  const bulk = useMutation(
    trpc.conversation.bulk.mutationOptions({
      onMutate: async (input): Promise<{ snapshot: CacheSnapshot }> => ({
        snapshot: await cache.patch(input.conversationIds, (c) => toPatch(input.change, c)),
      }),
      onError: (err, _input, ctx) => {
        cache.rollback(ctx?.snapshot);
        toast.show({ tone: "error", message: err.message });
      },
      onSuccess: (res, input) => {
        toast.show({ tone: "success", message: describe(input.change, res.count, names) });
        onDone();
      },
      onSettled: (_d, _e, input) => cache.refresh(input.conversationIds),
    }),
  );

  return {
    pending: bulk.isPending,
    apply: (conversationIds: string[], change: BulkChange) => bulk.mutate({ conversationIds, change }),
  };
}
