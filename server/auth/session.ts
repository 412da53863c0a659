import { getServerSession } from "next-auth";
import { getDb } from "../db/client";
import type { Actor } from "./actor";
import { authOptions } from "./next-auth";
import { findActor } from "../workspaces/workspaces.repository";

export type SessionIdentity = { userId: string; workspaceId: string };

export async function getSessionIdentity(): Promise<SessionIdentity | null> {
  const session: Partial<SessionIdentity> | null = await getServerSession(authOptions);
  if (!session?.userId || !session.workspaceId) return null;
  return { userId: session.userId, workspaceId: session.workspaceId };
}

/** The signed-in actor for server components, or null (not signed in, or no longer a member). */
export async function getCurrentActor(): Promise<Actor | null> {
  const identity = await getSessionIdentity();
  if (!identity) return null;
  return findActor(getDb(), identity.userId, identity.workspaceId);
}
