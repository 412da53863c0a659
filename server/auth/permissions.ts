import type { Role } from "../db/generated/enums";

/**
 * THE permission table: role → what it may do. Every procedure names one permission;
 * repositories additionally scope rows (a volunteer only reaches their teams' queues).
 */
export const PERMISSIONS = [
  "conversations.read",
  "conversations.readAll",
  "conversations.reply",
  "conversations.note",
  "conversations.assign",
  "conversations.updateStatus",
  "conversations.tag",
  "conversations.bulk",
  "customers.read",
  "customers.list",
  "customers.update",
  /** edit or delete customer notes written by someone else */
  "customers.manageAllNotes",
  "customers.merge",
  "customers.export",
  "customers.delete",
  "orders.read",
  "orders.requestAction",
  /** custom attribute definitions (Settings → Customer attributes) */
  "attributes.manage",
  "commerce.import",
  "integrations.manage",
  "savedReplies.use",
  "savedReplies.manage",
  "views.manage",
  "views.manageShared",
  "settings.read",
  "settings.manage",
  "channels.read",
  "channels.manage",
  "teams.manage",
  "members.manage",
  "routing.manage",
  "automation.manage",
  "dashboard.read",
  "exports.run",
  "replies.approve",
  "audit.read",
  "notifications.read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const AGENT: Permission[] = [
  "conversations.read",
  "conversations.readAll",
  "conversations.reply",
  "conversations.note",
  "conversations.assign",
  "conversations.updateStatus",
  "conversations.tag",
  "conversations.bulk",
  "customers.read",
  "customers.list",
  "customers.update",
  "orders.read",
  "orders.requestAction",
  "savedReplies.use",
  "views.manage",
  "dashboard.read",
  "notifications.read",
];

// Volunteers: their teams' queues only; no settings, exports, merges or deletes.
const VOLUNTEER: Permission[] = [
  "conversations.read",
  "conversations.reply",
  "conversations.note",
  "conversations.assign",
  "conversations.updateStatus",
  "conversations.tag",
  "customers.read",
  "orders.read",
  "savedReplies.use",
  "views.manage",
  "notifications.read",
];

const LEAD: Permission[] = [
  ...AGENT,
  "customers.merge",
  "customers.manageAllNotes",
  "attributes.manage",
  "customers.export",
  "commerce.import",
  "savedReplies.manage",
  "views.manageShared",
  "settings.read",
  "channels.read",
  "channels.manage",
  "teams.manage",
  "routing.manage",
  "automation.manage",
  "exports.run",
  "replies.approve",
  "audit.read",
];

const ADMIN: Permission[] = [...LEAD, "customers.delete", "integrations.manage", "settings.manage", "members.manage"];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set(ADMIN),
  LEAD: new Set(LEAD),
  AGENT: new Set(AGENT),
  VOLUNTEER: new Set(VOLUNTEER),
};

export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}
