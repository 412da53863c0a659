"use client";

import { useSearchParams } from "next/navigation";
import type { ChannelKindValue } from "./channel-icon";
import type { Priority } from "./types";

export const STATUSES = ["OPEN", "PENDING", "SNOOZED", "RESOLVED"] as const;
export type StatusValue = (typeof STATUSES)[number];
export const SORTS = ["newest", "oldest", "waiting", "priority", "sla"] as const;
export const SLA_STATES = ["breached", "due_soon", "ok"] as const;
export type SlaState = (typeof SLA_STATES)[number];
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
  assigneeId?: string;
  sla?: SlaState;
  /** minutes the customer has been waiting for a reply, at least */
  waitingOver?: number;
  vip?: boolean;
  text?: string;
  /** the saved view these filters came from (highlight + title); dropped when the filters change */
  savedId?: string;
};

/** The filters beyond view/team/status/sort that the filter popover edits (and chips show). */
export const EXTRA_FILTERS = ["channelKind", "tagId", "priority", "assigneeId", "sla", "waitingOver", "vip", "text"] as const;
export const activeFilterCount = (s: InboxViewState) => EXTRA_FILTERS.filter((k) => s[k] !== undefined).length;

export const SORT_LABEL: Record<SortValue, string> = {
  newest: "Newest activity",
  oldest: "Oldest activity",
  waiting: "Longest waiting",
  priority: "Priority",
  sla: "SLA due first",
};
export const SLA_LABEL: Record<SlaState, string> = { breached: "SLA breached", due_soon: "SLA due within 1 h", ok: "SLA on track" };
export const STATUS_LABEL: Record<StatusValue, string> = { OPEN: "Open", PENDING: "Pending", SNOOZED: "Snoozed", RESOLVED: "Resolved" };

const positiveInt = (v: string | null): number | undefined => {
  const n = v ? Number.parseInt(v, 10) : NaN;
  return Number.isFinite(n) && n >= 1 && n <= 525_600 ? n : undefined;
};
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
    assigneeId: params.get("assignee") ?? undefined,
    sla: pick(SLA_STATES, params.get("sla")),
    waitingOver: positiveInt(params.get("waiting")),
    vip: params.get("vip") === "1" ? true : params.get("vip") === "0" ? false : undefined,
    text: params.get("q")?.trim().slice(0, 200) || undefined,
    savedId: params.get("saved") ?? undefined,
  };
  // a team narrows any view; the team view needs one
  const teamId = params.get("team") ?? undefined;
  return { ...base, teamId, view: view === "team" && !teamId ? "all" : view };
}

/** A stable key for "the list being looked at" (selection and focus reset when it changes). */
export function viewKey(s: InboxViewState): string {
  return [s.view, s.teamId, s.status, s.sort, s.channelKind, s.tagId, s.priority, s.assigneeId, s.sla, s.waitingOver, s.vip, s.text]
    .map((v) => (v === undefined ? "" : String(v)))
    .join(":");
}

/** The list query's input for a view. */
export function listInput(s: InboxViewState) {
  return { ...filtersOf(s), sort: s.sort, limit: 50 };
}

/** What a saved view stores (and inbox.list takes) for a state. */
export function filtersOf(s: InboxViewState) {
  return {
    view: s.view,
    teamId: s.teamId,
    status: s.status,
    channelKind: s.channelKind,
    tagId: s.tagId,
    priority: s.priority,
    assigneeId: s.assigneeId,
    sla: s.sla,
    waitingOver: s.waitingOver,
    vip: s.vip,
    text: s.text,
  };
}

function toQuery(state: InboxViewState, openId: string | null): string {
  const q = new URLSearchParams();
  if (state.view !== "all") q.set("view", state.view);
  if (state.teamId) q.set("team", state.teamId);
  if (state.channelKind) q.set("channel", state.channelKind);
  if (state.tagId) q.set("tag", state.tagId);
  if (state.priority) q.set("priority", state.priority);
  if (state.assigneeId) q.set("assignee", state.assigneeId);
  if (state.sla) q.set("sla", state.sla);
  if (state.waitingOver) q.set("waiting", String(state.waitingOver));
  if (state.vip !== undefined) q.set("vip", state.vip ? "1" : "0");
  if (state.text) q.set("q", state.text);
  if (state.savedId) q.set("saved", state.savedId);
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
