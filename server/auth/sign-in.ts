import { RateLimiterMemory } from "rate-limiter-flexible";
import type { Db } from "../db/client";
import { AppError } from "../lib/errors";
import { dummyHash, verifyPassword } from "./password";
import { findUserForSignIn, listActiveMemberships, touchLastSeen } from "../workspaces/workspaces.repository";

export type SignedInUser = { id: string; name: string; email: string; workspaceId: string };

// Per process. Behind several instances put the limit at the load balancer too (see README, scale-out).
const g = globalThis as unknown as { __signInLimiter?: RateLimiterMemory };
function limiter(): RateLimiterMemory {
  g.__signInLimiter ??= new RateLimiterMemory({
    points: Number(process.env.SIGNIN_RATE_LIMIT ?? 10),
    duration: 15 * 60,
  });
  return g.__signInLimiter;
}

async function consume(key: string): Promise<void> {
  try {
    await limiter().consume(key);
  } catch {
    throw new AppError("TOO_MANY_REQUESTS", "Too many sign-in attempts. Wait a few minutes and try again.");
  }
}

/**
 * Verifies credentials. Unknown email and wrong password give the same error after the same work
 * (a dummy argon2 verify), so the response does not reveal which addresses have accounts.
 */
export async function authenticate(db: Db, input: { email: string; password: string; ip: string }): Promise<SignedInUser> {
  const email = input.email.trim().toLowerCase();
  await consume(`ip:${input.ip}`);
  await consume(`email:${email}`);
  const user = await findUserForSignIn(db, email);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  if (!user || !user.passwordHash || !ok) throw new AppError("UNAUTHORIZED", "Incorrect email or password.");
  const memberships = await listActiveMemberships(db, user.id);
  const first = memberships[0];
  if (!first) throw new AppError("FORBIDDEN", "Your access to this workspace has ended. Ask a team lead to extend it.");
  await touchLastSeen(db, user.id);
  return { id: user.id, name: user.name, email: user.email, workspaceId: first.workspaceId };
}

export function resetSignInLimits(): void {
  g.__signInLimiter = undefined;
}
