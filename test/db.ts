import { afterAll, inject } from "vitest";
import { closeDb, createDb, type Db } from "../server/db/client";
import type { SessionIdentity } from "../server/auth/session";
import { createCaller } from "../server/trpc/router";

let db: Db | undefined;

/** The suite's real database (see test/global-setup.ts); each file gets its own small pool. */
export function testDb(): Db {
  if (!db) {
    db = createDb(inject("databaseUrl"), { max: 4 });
    afterAll(async () => {
      if (db) await closeDb(db);
      db = undefined;
    });
  }
  return db;
}

/** A tRPC caller as that member (or anonymous with null), through the real procedures. */
export function callerAs(
  identity: SessionIdentity | { user: { id: string }; membership: { workspaceId: string } } | null,
  opts: { signal?: AbortSignal } = {},
) {
  const id =
    identity === null ? null : "userId" in identity ? identity : { userId: identity.user.id, workspaceId: identity.membership.workspaceId };
  return createCaller({ db: testDb(), identity: id }, { signal: opts.signal });
}
