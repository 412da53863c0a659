import { channelLabel } from "./channel-icon";
import type { InboxCommand } from "./commands";
import { SORTS, SORT_LABEL, STATUSES, STATUS_LABEL, type InboxViewState } from "./inbox-state";
import type { Me, TagInfo } from "./types";
import type { PaletteCommand } from "./command-palette";

type Deps = {
  me: Me | undefined;
  tags: TagInfo[];
  hasOpen: boolean;
  can: (permission: string) => boolean;
  state: InboxViewState;
  go: (next: Partial<InboxViewState>) => void;
  setState: (next: InboxViewState) => void;
  command: (c: InboxCommand) => void;
  openSearch: () => void;
  /** opens the "New email" dialog */
  newEmail: () => void;
  openShortcuts: () => void;
  navigate: (href: string) => void;
  savedViews: { id: string; name: string }[];
  openSaved: (id: string) => void;
  openFilters: () => void;
};

/** Every palette entry: actions on the open conversation, views, statuses, sorts, search and pages — in that order. */
export function buildPaletteCommands(d: Deps): PaletteCommand[] {
  const out: PaletteCommand[] = [];
  const action = (id: InboxCommand, label: string, shortcut: string | undefined, permission: string, keywords?: string) => {
    if (d.hasOpen && d.can(permission))
      out.push({ id: `do:${id}`, group: "Conversation", label, shortcut, keywords, run: () => d.command(id) });
  };
  action("reply", "Reply", "r", "conversations.reply", "answer respond");
  action("note", "Add internal note", "n", "conversations.note", "comment mention");
  action("savedReply", "Insert saved reply", undefined, "conversations.reply", "canned template macro");
  action("assign", "Assign to…", "a", "conversations.assign");
  action("claim", "Assign to me", "c", "conversations.assign", "claim take");
  action("team", "Move to team…", undefined, "conversations.assign");
  action("resolve", "Resolve / reopen", "e", "conversations.updateStatus", "close done archive");
  action("snooze", "Snooze…", "s", "conversations.updateStatus", "later remind");
  action("tag", "Tag…", "t", "conversations.tag", "label");
  action("priority", "Set priority…", "p", "conversations.updateStatus", "urgent high");

  const view = (id: string, label: string, next: Partial<InboxViewState>, keywords?: string) =>
    out.push({ id: `view:${id}`, group: "Views", label: `Go to ${label}`, keywords, run: () => d.go(next) });
  view("all", "All conversations", { view: "all" }, "inbox");
  view("mine", "Assigned to me", { view: "mine" }, "my mine");
  view("unassigned", "Unassigned", { view: "unassigned" });
  for (const t of d.me?.teams ?? []) view(`team:${t.id}`, `${t.name} team`, { view: "team", teamId: t.id }, "team queue");
  for (const k of d.me?.channelKinds ?? []) view(`channel:${k}`, channelLabel(k), { channelKind: k }, "channel");
  view("urgent", "Urgent priority", { priority: "URGENT" });
  view("high", "High priority", { priority: "HIGH" });
  for (const t of d.tags.slice(0, 50)) view(`tag:${t.id}`, `tag ${t.name}`, { tagId: t.id }, "tag label");
  for (const v of d.savedViews)
    out.push({
      id: `saved:${v.id}`,
      group: "Views",
      label: `Go to ${v.name}`,
      keywords: "saved custom view",
      run: () => d.openSaved(v.id),
    });
  out.push({
    id: "filters",
    group: "Views",
    label: "Filter this list…",
    keywords: "filter vip sla waiting assignee save view",
    run: d.openFilters,
  });

  for (const s of STATUSES)
    out.push({
      id: `status:${s}`,
      group: "Status",
      label: `Show ${STATUS_LABEL[s].toLowerCase()}`,
      run: () => d.setState({ ...d.state, status: s }),
    });
  for (const s of SORTS)
    out.push({
      id: `sort:${s}`,
      group: "Sort",
      label: `Sort by ${SORT_LABEL[s].toLowerCase()}`,
      run: () => d.setState({ ...d.state, sort: s }),
    });

  out.push({
    id: "search",
    group: "General",
    label: "Search conversations and customers",
    shortcut: "/",
    keywords: "find",
    run: d.openSearch,
  });
  if (d.can("conversations.reply"))
    out.push({ id: "new-email", group: "General", label: "New email…", keywords: "compose write send outbound start", run: d.newEmail });
  out.push({ id: "shortcuts", group: "General", label: "Keyboard shortcuts", shortcut: "?", keywords: "help keys", run: d.openShortcuts });
  if (d.can("customers.list"))
    out.push({ id: "page:customers", group: "General", label: "Go to Customers", run: () => d.navigate("/customers") });
  if (d.can("dashboard.read"))
    out.push({ id: "page:dashboard", group: "General", label: "Go to Dashboard", run: () => d.navigate("/dashboard") });
  if (d.can("settings.read"))
    out.push({ id: "page:settings", group: "General", label: "Go to Settings", run: () => d.navigate("/settings") });
  return out;
}
