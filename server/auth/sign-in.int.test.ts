import { beforeEach, describe, expect, it } from "vitest";
import { createMember, createWorkspace } from "../../prisma/seed/factories";
import { testDb } from "../../test/db";
import { AppError } from "../lib/errors";
import { authenticate, resetSignInLimits } from "./sign-in";

const db = testDb();

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("authenticate", () => {
  beforeEach(() => resetSignInLimits());

  it("signs a member in with the right password", async () => {
    const ws = await createWorkspace(db);
    const { user } = await createMember(db, { workspaceId: ws.id, role: "AGENT" });
    const signed = await authenticate(db, { email: user.email.toUpperCase(), password: "switchboard", ip: "10.0.0.1" });
    expect(signed).toMatchObject({ id: user.id, workspaceId: ws.id });
  });

  it("gives the same error for a wrong password and an unknown email", async () => {
    const ws = await createWorkspace(db);
    const { user } = await createMember(db, { workspaceId: ws.id, role: "AGENT" });
    const wrong = await errorOf(authenticate(db, { email: user.email, password: "nope", ip: "10.0.0.2" }));
    const unknown = await errorOf(authenticate(db, { email: `nobody-${Date.now()}@example.com`, password: "nope", ip: "10.0.0.3" }));
    expect(wrong.code).toBe("UNAUTHORIZED");
    expect(unknown.code).toBe(wrong.code);
    expect(unknown.message).toBe(wrong.message);
  });

  it("refuses a volunteer whose access window has ended", async () => {
    const ws = await createWorkspace(db);
    const { user } = await createMember(db, { workspaceId: ws.id, role: "VOLUNTEER", accessUntil: new Date(Date.now() - 60_000) });
    const err = await errorOf(authenticate(db, { email: user.email, password: "switchboard", ip: "10.0.0.4" }));
    expect(err.code).toBe("FORBIDDEN");
    expect(err.message).toMatch(/access .* has ended/);
  });

  it("rate-limits repeated attempts per email, even with the right password afterwards", async () => {
    const ws = await createWorkspace(db);
    const { user } = await createMember(db, { workspaceId: ws.id, role: "AGENT" });
    const limit = Number(process.env.SIGNIN_RATE_LIMIT ?? 10);
    for (let i = 0; i < limit; i++) {
      expect((await errorOf(authenticate(db, { email: user.email, password: "bad", ip: `10.1.0.${i}` }))).code).toBe("UNAUTHORIZED");
    }
    const limited = await errorOf(authenticate(db, { email: user.email, password: "switchboard", ip: "10.1.1.1" }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
  });
});
