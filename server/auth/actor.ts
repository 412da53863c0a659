import type { Role } from "../db/generated/enums";
import { AppError } from "../lib/errors";
import { roleCan, type Permission } from "./permissions";

/** Who is acting: resolved per request from the session and the database, never trusted from the client. */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  workspaceId: string;
  workspaceName: string;
  role: Role;
  teamIds: string[];
  accessUntil: Date | null;
  /** volunteer replies wait for a lead's approval */
  repliesNeedApproval: boolean;
};

export function can(actor: Actor, permission: Permission): boolean {
  return roleCan(actor.role, permission);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError("FORBIDDEN", `Your role (${actor.role.toLowerCase()}) cannot do this`);
}

/** Volunteers (and any role without conversations.readAll) only reach their teams' queues. */
export function seesAllQueues(actor: Actor): boolean {
  return can(actor, "conversations.readAll");
}
