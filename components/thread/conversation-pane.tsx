"use client";

import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useConversationActions } from "@/components/inbox/actions/use-conversation-actions";
import { useInboxCommand, type InboxCommand } from "@/components/inbox/commands";
import type { ConversationDetail } from "@/components/inbox/types";
import { ConversationCustomerAside } from "@/components/customers/panel/conversation-customer-aside";
import { Composer, type ComposerHandle } from "./composer";
import type { PickerKind } from "./control-popover";
import type { HeaderActions } from "./header-controls";
import { PaneMessage, PaneSkeleton } from "./pane-states";
import { ThreadHeader } from "./thread-header";
import { Timeline } from "./timeline";
import { useThreadMessages } from "./use-thread-messages";
import { useConversationEvents, usePresence } from "./use-thread-realtime";

const PICKER_COMMANDS: Partial<Record<InboxCommand, PickerKind>> = {
  assign: "assign",
  team: "team",
  snooze: "snooze",
  tag: "tag",
  priority: "priority",
};

/** The third pane: header with actions, the thread, the composer, and the customer beside them. */
export function ConversationPane({ conversationId, onLeaveList }: { conversationId: string; onLeaveList?: () => void }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.conversation.get.queryOptions({ conversationId }));
  const me = useQuery(trpc.workspace.me.queryOptions());
  useConversationEvents(conversationId);

  if (detail.isPending) return <PaneSkeleton />;
  if (detail.isError) {
    // a malformed id (BAD_REQUEST) is as unreachable as a foreign one
    if (detail.error.data?.code === "NOT_FOUND" || detail.error.data?.code === "BAD_REQUEST")
      return <PaneMessage title="Conversation not found" body="This conversation doesn't exist or is outside your queues." />;
    return (
      <PaneMessage tone="error" title="Couldn't load this conversation" body={detail.error.message} onRetry={() => void detail.refetch()} />
    );
  }
  return <LoadedPane conversationId={conversationId} detail={detail.data} me={me.data} onLeaveList={onLeaveList} />;
}

function LoadedPane({
  conversationId,
  detail,
  me,
  onLeaveList,
}: {
  conversationId: string;
  detail: ConversationDetail;
  /** called when an action takes the conversation out of the list being worked (resolve, snooze): open the next one */
  onLeaveList?: () => void;
  me: { user: { id: string; name: string }; permissions: string[]; teams: { id: string; name: string }[] } | undefined;
}) {
  const trpc = useTRPC();
  // presence starts once the conversation is known to be reachable
  const presence = usePresence(conversationId, me?.user.id);
  const permissions = new Set(me?.permissions ?? []);
  const can = (p: string) => permissions.has(p);
  const members = useQuery(trpc.workspace.members.queryOptions());
  const tags = useQuery({ ...trpc.conversation.tags.queryOptions(), enabled: can("conversations.tag") });
  const thread = useThreadMessages(conversationId);
  const actions = useConversationActions();
  const composer = useRef<ComposerHandle>(null);
  const [openPicker, setOpenPicker] = useState<PickerKind | null>(null);
  const c = detail.conversation;
  const target = { id: c.id, number: c.number };
  const customerName = detail.customer.name ?? detail.customer.email ?? "Unknown customer";
  const memberName = (id: string) => members.data?.find((m) => m.id === id)?.name;

  const act: HeaderActions = {
    assign: (id) => actions.assign(target, id),
    moveTeam: (id) => actions.moveTeam(target, id),
    setStatus: (status, until) => {
      // like Front/Help Scout: resolving or snoozing moves on to the next conversation in the list
      if (status !== c.status && (status === "RESOLVED" || status === "SNOOZED")) onLeaveList?.();
      actions.setStatus(target, status, until);
    },
    setPriority: (p) => actions.setPriority(target, p),
    addTag: (name) => actions.addTag(target, name),
    removeTag: (id) => actions.removeTag(target, id),
  };

  useInboxCommand((command) => {
    const picker = PICKER_COMMANDS[command];
    if (picker) return setOpenPicker(picker);
    switch (command) {
      case "reply":
      case "note":
        return composer.current?.focus(command);
      case "resolve":
        if (can("conversations.updateStatus")) act.setStatus(c.status === "RESOLVED" ? "OPEN" : "RESOLVED");
        return;
      case "claim":
        if (me && c.assigneeId !== me.user.id && can("conversations.assign")) act.assign(me.user.id);
        return;
      case "savedReply":
        return composer.current?.openSavedReplies();
    }
  });

  return (
    <div data-testid="conversation-pane" data-conversation-id={conversationId} className="@container flex min-h-0 min-w-0 flex-1">
      <div className="flex min-w-0 flex-1 flex-col">
        <ThreadHeader
          detail={detail}
          pickers={{ open: openPicker, setOpen: setOpenPicker }}
          act={act}
          viewers={presence.viewers}
          members={members.data ?? []}
          teams={me?.teams ?? []}
          allTags={tags.data ?? []}
          myId={me?.user.id}
          can={can}
        />
        <Timeline thread={thread} customerName={customerName} memberName={memberName} myId={me?.user.id} />
        <Composer
          ref={composer}
          conversationId={conversationId}
          thread={thread}
          me={me?.user}
          members={members.data ?? []}
          customerName={customerName}
          channelName={c.channel.name}
          typing={presence.typing}
          onKeystroke={presence.onKeystroke}
          can={can}
        />
      </div>
      <ConversationCustomerAside
        customerId={detail.customer.id}
        conversationId={conversationId}
        onInsertReply={(text) => composer.current?.insert(text)}
      />
    </div>
  );
}
