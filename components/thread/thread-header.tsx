"use client";

import { Avatar } from "@/components/ui/avatar";
import { CheckCircleIcon, ReopenIcon } from "@/components/ui/icons";
import { ChannelIcon } from "@/components/inbox/channel-icon";
import type { ConversationDetail, Member, TagInfo } from "@/components/inbox/types";
import {
  AssigneeControl,
  PriorityControl,
  SnoozeControl,
  StatusControl,
  TagsControl,
  TeamControl,
  type HeaderActions,
} from "./header-controls";
import type { PickerState } from "./control-popover";
import type { Viewer } from "./use-thread-realtime";

export function Viewers({ viewers }: { viewers: Viewer[] }) {
  const names = viewers.map((v) => `${v.name}${v.typing ? " (typing)" : ""}`).join(", ");
  return (
    <div
      data-testid="viewers"
      aria-label={viewers.length ? `Also viewing: ${names}` : "No one else is viewing"}
      title={names || undefined}
      className="flex items-center"
    >
      {viewers.length > 0 && (
        <>
          <span className="mr-1.5 hidden text-[11px] text-slate-400 lg:inline">Also here</span>
          <span className="flex -space-x-1.5">
            {viewers.slice(0, 4).map((v) => (
              <span key={v.userId} className="relative rounded-full ring-2 ring-white">
                <Avatar name={v.name} size="sm" />
                <span className="absolute -right-0.5 -bottom-0.5 h-2 w-2 rounded-full bg-emerald-500 ring-2 ring-white" />
              </span>
            ))}
          </span>
          {viewers.length > 4 && <span className="ml-1 text-xs text-slate-500">+{viewers.length - 4}</span>}
        </>
      )}
    </div>
  );
}

export function ThreadHeader({
  detail,
  pickers,
  act,
  viewers,
  members,
  teams,
  allTags,
  myId,
  can,
}: {
  detail: ConversationDetail;
  pickers: PickerState;
  act: HeaderActions;
  viewers: Viewer[];
  members: Member[];
  teams: { id: string; name: string }[];
  allTags: TagInfo[];
  myId: string | undefined;
  can: (permission: string) => boolean;
}) {
  const c = detail.conversation;
  const customer = detail.customer.name ?? detail.customer.email ?? "Unknown customer";
  const resolved = c.status === "RESOLVED";
  const canStatus = can("conversations.updateStatus");
  return (
    <header className="@container border-b border-slate-200 bg-white px-5 pt-3 pb-2.5">
      <div className="flex items-start gap-3">
        <ChannelIcon kind={c.channel.kind} className="mt-0.5" />
        <div className="min-w-0 flex-1">
          <h2
            className="line-clamp-2 text-[15px] leading-6 font-semibold [overflow-wrap:anywhere] text-slate-900"
            title={c.subject ?? undefined}
          >
            {c.subject ?? customer}
          </h2>
          <p className="truncate text-xs text-slate-500">
            {c.subject && (
              <>
                <span className="font-medium text-slate-700">{customer}</span>
                <span className="mx-1.5 text-slate-300">·</span>
              </>
            )}
            #{c.number}
            <span className="mx-1.5 text-slate-300">·</span>
            {c.channel.name}
          </p>
        </div>
        <Viewers viewers={viewers} />
        <SnoozeControl c={c} pickers={pickers} act={act} disabled={!canStatus} />
        <button
          type="button"
          disabled={!canStatus}
          onClick={() => act.setStatus(resolved ? "OPEN" : "RESOLVED")}
          title={resolved ? "Reopen (e)" : "Resolve (e)"}
          aria-label={resolved ? "Reopen" : "Resolve"}
          className={
            resolved
              ? "inline-flex h-7 items-center gap-1.5 rounded-md border border-slate-200 bg-white px-2.5 text-xs font-semibold text-slate-700 hover:bg-slate-50 disabled:opacity-60"
              : "inline-flex h-7 items-center gap-1.5 rounded-md bg-emerald-600 px-2.5 text-xs font-semibold text-white hover:bg-emerald-700 disabled:opacity-60"
          }
        >
          {resolved ? <ReopenIcon className="h-3.5 w-3.5" /> : <CheckCircleIcon className="h-3.5 w-3.5" />}
          <span className="hidden @sm:inline">{resolved ? "Reopen" : "Resolve"}</span>
        </button>
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-1.5 @2xl:pl-9">
        <AssigneeControl c={c} pickers={pickers} act={act} members={members} myId={myId} disabled={!can("conversations.assign")} />
        <TeamControl c={c} pickers={pickers} act={act} teams={teams} disabled={!can("conversations.assign")} />
        <StatusControl c={c} pickers={pickers} act={act} disabled={!canStatus} />
        <PriorityControl c={c} pickers={pickers} act={act} disabled={!canStatus} />
        <TagsControl c={c} pickers={pickers} act={act} allTags={allTags} disabled={!can("conversations.tag")} />
      </div>
    </header>
  );
}
