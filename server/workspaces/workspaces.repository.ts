import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { PREPARED, queryRows } from "../db/sql";
import type { Actor } from "../auth/actor";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type ActorRow = {
  userId: string;
  name: string;
  email: string;
  workspaceId: string;
  workspaceName: string;
  role: Actor["role"];
  accessUntil: Date | null;
  active: boolean;
  repliesNeedApproval: boolean;
  teamIds: string[];
};

/**
 * The actor for (user, workspace), or null when the user is not an active member (or access has ended).
 * Resolved on every request. One statement (membership, user, workspace and team ids):
 * it runs before every procedure, so it is kept to a single round trip, on pg directly (server/db/sql.ts).
 */
export async function findActor(db: Db, userId: string, workspaceId: string, now = new Date()): Promise<Actor | null> {
  if (!UUID.test(userId) || !UUID.test(workspaceId)) return null;
  const [m] = await queryRows<ActorRow>(
    db,
    Prisma.sql`${PREPARED}
    SELECT u.id AS "userId", u.name, u.email, m."workspaceId", w.name AS "workspaceName", m.role::text AS role,
           m."accessUntil", m.active, m."repliesNeedApproval",
           COALESCE((SELECT array_agg(tm."teamId"::text ORDER BY tm."teamId") FROM "TeamMember" tm
                     WHERE tm."userId" = m."userId" AND tm."workspaceId" = m."workspaceId"), '{}') AS "teamIds"
    FROM "Membership" m
    JOIN "User" u ON u.id = m."userId"
    JOIN "Workspace" w ON w.id = m."workspaceId"
    WHERE m."workspaceId" = ${workspaceId}::uuid AND m."userId" = ${userId}::uuid`,
  );
  if (!m || !m.active || (m.accessUntil && m.accessUntil <= now)) return null;
  return {
    userId: m.userId,
    name: m.name,
    email: m.email,
    workspaceId: m.workspaceId,
    workspaceName: m.workspaceName,
    role: m.role,
    teamIds: m.teamIds,
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
