"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useToast } from "@/components/ui/toast";
import { formatFull } from "@/components/ui/relative-time";
import type { Priority, Status, UndoableChange } from "../types";
import { normalizeTagName, useConversationCache, type CacheSnapshot, type ConversationPatch } from "./use-conversation-cache";

export type Target = { id: string; number?: number };
type Ctx = { snapshot: CacheSnapshot };

const label = (t: Target) => (t.number ? `#${t.number}` : "conversation");
const PRIORITY_NAME: Record<Priority, string> = { NONE: "none", LOW: "low", NORMAL: "normal", HIGH: "high", URGENT: "urgent" };

/**
 * Status / assignee / priority / team / tag changes for one conversation: optimistic in every cache,
 * rolled back with an error toast on failure, and each change offers Undo (it applies `previous`).
 */
export function useConversationActions() {
  const trpc = useTRPC();
  const toast = useToast();
  const cache = useConversationCache();
  const members = useQuery(trpc.workspace.members.queryOptions());
  const me = useQuery(trpc.workspace.me.queryOptions());
  const tags = useQuery(trpc.conversation.tags.queryOptions());
  const lastUndo = useRef<(() => void) | null>(null);

  function optimistic<I extends { conversationId: string }>(
    toPatch: (input: I, c: { tags: { id: string; name: string; color: string }[] }) => ConversationPatch,
  ) {
    return {
      onMutate: async (input: I): Promise<Ctx> => ({ snapshot: await cache.patch([input.conversationId], (c) => toPatch(input, c)) }),
      onError: (err: { message: string }, _input: I, ctx: Ctx | undefined) => {
        cache.rollback(ctx?.snapshot);
        toast.show({ tone: "error", message: err.message });
      },
      onSettled: (_d: unknown, _e: unknown, input: I) => cache.refresh([input.conversationId]),
    };
  }

  const memberRef = (id: string | null) => {
    if (!id) return null;
    const m = members.data?.find((x) => x.id === id);
    return { id, name: m?.name ?? (id === me.data?.user.id ? me.data.user.name : "…") };
  };
  const teamRef = (id: string | null) => (id ? { id, name: me.data?.teams.find((t) => t.id === id)?.name ?? "…" } : null);

  const setStatus = useMutation(
    trpc.conversation.setStatus.mutationOptions(
      optimistic((i) => ({ status: i.status, snoozedUntil: i.snoozedUntil instanceof Date ? i.snoozedUntil : null })),
    ),
  );
  const assignM = useMutation(trpc.conversation.assign.mutationOptions(optimistic((i) => ({ assignee: memberRef(i.assigneeId) }))));
  const priorityM = useMutation(trpc.conversation.setPriority.mutationOptions(optimistic((i) => ({ priority: i.priority }))));
  const teamM = useMutation(trpc.conversation.moveTeam.mutationOptions(optimistic((i) => ({ team: teamRef(i.teamId) }))));
  const addTagM = useMutation(
    trpc.conversation.addTag.mutationOptions(
      optimistic((i, c) => {
        const name = normalizeTagName(i.name);
        if (c.tags.some((t) => t.name === name)) return {};
        const known = tags.data?.find((t) => t.name === name);
        return { tags: [...c.tags, known ?? { id: `new:${name}`, name, color: "#94a3b8" }] };
      }),
    ),
  );
  const removeTagM = useMutation(
    trpc.conversation.removeTag.mutationOptions(optimistic((i, c) => ({ tags: c.tags.filter((t) => t.id !== i.tagId) }))),
  );

  /** Applies a change; `announce` shows a toast (with Undo unless this already is an undo). */
  function apply(target: Target, change: UndoableChange, announce: string | null, isUndo = false) {
    const conversationId = target.id;
    const onSuccess = (res: { previous: UndoableChange } | undefined) => {
      if (!res || announce === null) return;
      const undo = isUndo ? null : () => apply(target, res.previous, `Undone`, true);
      lastUndo.current = undo;
      toast.show({ message: announce, tone: isUndo ? "default" : "success", action: undo ? { label: "Undo", onClick: undo } : undefined });
    };
    switch (change.type) {
      case "status":
        return setStatus.mutate({ conversationId, status: change.status, snoozedUntil: change.snoozedUntil }, { onSuccess });
      case "assign":
        return assignM.mutate({ conversationId, assigneeId: change.assigneeId }, { onSuccess });
      case "priority":
        return priorityM.mutate({ conversationId, priority: change.priority }, { onSuccess });
      case "team":
        return teamM.mutate({ conversationId, teamId: change.teamId }, { onSuccess });
    }
  }

  const myId = me.data?.user.id ?? null;
  return {
    setStatus(target: Target, status: Status, snoozedUntil?: Date) {
      const text =
        status === "RESOLVED"
          ? `Resolved ${label(target)}`
          : status === "SNOOZED" && snoozedUntil
            ? `Snoozed ${label(target)} until ${formatFull(snoozedUntil)}`
            : status === "OPEN"
              ? `Reopened ${label(target)}`
              : `Marked ${label(target)} pending`;
      apply(target, { type: "status", status, snoozedUntil }, text);
    },
    assign(target: Target, assigneeId: string | null) {
      const text =
        assigneeId === null
          ? `Unassigned ${label(target)}`
          : assigneeId === myId
            ? `You took ${label(target)}`
            : `Assigned ${label(target)} to ${memberRef(assigneeId)?.name ?? "…"}`;
      apply(target, { type: "assign", assigneeId }, text);
    },
    setPriority(target: Target, priority: Priority) {
      apply(target, { type: "priority", priority }, `Priority of ${label(target)} set to ${PRIORITY_NAME[priority]}`);
    },
    moveTeam(target: Target, teamId: string | null) {
      apply(
        target,
        { type: "team", teamId },
        teamId ? `Moved ${label(target)} to ${teamRef(teamId)?.name ?? "…"}` : `Removed the team from ${label(target)}`,
      );
    },
    addTag(target: Target, name: string) {
      addTagM.mutate({ conversationId: target.id, name });
    },
    removeTag(target: Target, tagId: string) {
      removeTagM.mutate({ conversationId: target.id, tagId });
    },
    /** The last change's Undo (the "z" shortcut), once. */
    undoLast() {
      const undo = lastUndo.current;
      lastUndo.current = null;
      undo?.();
      return undo !== null;
    },
  };
}
