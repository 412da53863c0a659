import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";

/** The actor for (user, workspace), or null when the user is not an active member (or access has ended). */
export async function findActor(db: Db, userId: string, workspaceId: string, now = new Date()): Promise<Actor | null> {
  const m = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: {
      role: true,
      accessUntil: true,
      active: true,
      repliesNeedApproval: true,
      workspaceId: true,
      workspace: { select: { name: true } },
      user: { select: { id: true, name: true, email: true, teamMembers: { where: { workspaceId }, select: { teamId: true } } } },
    },
  });
  if (!m || !m.active || (m.accessUntil && m.accessUntil <= now)) return null;
  return {
    userId: m.user.id,
    name: m.user.name,
    email: m.user.email,
    workspaceId: m.workspaceId,
    workspaceName: m.workspace.name,
    role: m.role,
    teamIds: m.user.teamMembers.map((t) => t.teamId),
    accessUntil: m.accessUntil,
    repliesNeedApproval: m.repliesNeedApproval,
  };
}

export type SignInCandidate = { id: string; name: string; email: string; passwordHash: string | null };

export function findUserForSignIn(db: Db, email: string): Promise<SignInCandidate | null> {
  return db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
}

/** Workspaces the user can enter now, oldest membership first. */
export function listActiveMemberships(db: Db, userId: string, now = new Date()) {
  return db.membership.findMany({
    where: { userId, active: true, OR: [{ accessUntil: null }, { accessUntil: { gt: now } }] },
    orderBy: { createdAt: "asc" },
    select: { workspaceId: true, role: true },
  });
}

export async function demoWorkspaceExists(db: Db): Promise<boolean> {
  const ws = await db.workspace.findUnique({ where: { slug: "demo-store" }, select: { id: true } });
  return ws !== null;
}

export async function touchLastSeen(db: Db, userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { lastSeenAt: new Date() }, select: { id: true } });
}
