"use client";

import { useSearchParams } from "next/navigation";
import type { ChannelKindValue } from "./channel-icon";
import type { Priority } from "./types";

export const STATUSES = ["OPEN", "PENDING", "SNOOZED", "RESOLVED"] as const;
export type StatusValue = (typeof STATUSES)[number];
export const SORTS = ["newest", "oldest", "waiting", "priority"] as const;
export type SortValue = (typeof SORTS)[number];
const VIEWS = ["all", "mine", "unassigned", "team"] as const;
const CHANNELS: readonly ChannelKindValue[] = ["EMAIL", "CHAT", "MESSENGER", "INSTAGRAM", "WHATSAPP", "TELEGRAM", "SMS"];
const PRIORITIES: readonly Priority[] = ["URGENT", "HIGH", "NORMAL", "LOW", "NONE"];

export type InboxViewState = {
  view: (typeof VIEWS)[number];
  teamId?: string;
  status: StatusValue;
  sort: SortValue;
  channelKind?: ChannelKindValue;
  tagId?: string;
  priority?: Priority;
};

export const SORT_LABEL: Record<SortValue, string> = { newest: "Newest activity", oldest: "Oldest activity", waiting: "Longest waiting", priority: "Priority" };
export const STATUS_LABEL: Record<StatusValue, string> = { OPEN: "Open", PENDING: "Pending", SNOOZED: "Snoozed", RESOLVED: "Resolved" };

const pick = <T extends string>(list: readonly T[], v: string | null): T | undefined => list.find((x) => x === v);

export function readState(params: URLSearchParams): InboxViewState {
  const view = pick(VIEWS, params.get("view")) ?? "all";
  const base: InboxViewState = {
    view,
    status: pick(STATUSES, params.get("status")) ?? "OPEN",
    sort: pick(SORTS, params.get("sort")) ?? "newest",
    channelKind: pick(CHANNELS, params.get("channel")),
    tagId: params.get("tag") ?? undefined,
    priority: pick(PRIORITIES, params.get("priority")),
  };
  const teamId = params.get("team") ?? undefined;
  return view === "team" && teamId ? { ...base, teamId } : { ...base, view: view === "team" ? "all" : view };
}

/** A stable key for "the list being looked at" (selection and focus reset when it changes). */
export function viewKey(s: InboxViewState): string {
  return [s.view, s.teamId, s.status, s.sort, s.channelKind, s.tagId, s.priority].map((v) => v ?? "").join(":");
}

/** The list query's input for a view. */
export function listInput(s: InboxViewState) {
  return { view: s.view, teamId: s.teamId, status: s.status, sort: s.sort, channelKind: s.channelKind, tagId: s.tagId, priority: s.priority, limit: 50 };
}

function toQuery(state: InboxViewState, openId: string | null): string {
  const q = new URLSearchParams();
  if (state.view !== "all") q.set("view", state.view);
  if (state.teamId) q.set("team", state.teamId);
  if (state.channelKind) q.set("channel", state.channelKind);
  if (state.tagId) q.set("tag", state.tagId);
  if (state.priority) q.set("priority", state.priority);
  if (state.status !== "OPEN") q.set("status", state.status);
  if (state.sort !== "newest") q.set("sort", state.sort);
  if (openId) q.set("c", openId);
  return q.toString();
}

function write(state: InboxViewState, openId: string | null, push: boolean) {
  const qs = toQuery(state, openId);
  const url = qs ? `${window.location.pathname}?${qs}` : window.location.pathname;
  // native history calls are synced into useSearchParams by Next without a server round trip
  if (push) window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

/** The inbox's URL state: ?view=&team=&channel=&tag=&priority=&status=&sort=&c=<open conversation> (reload keeps it all). */
export function useInboxUrl() {
  const params = useSearchParams();
  const state = readState(new URLSearchParams(params.toString()));
  const openId = params.get("c");
  return {
    state,
    openId,
    /** a new view: the open conversation stays open */
    setState: (next: InboxViewState) => write(next, openId, true),
    openConversation: (id: string | null) => write(state, id, false),
  };
}
