import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLE_PERMISSIONS, roleCan } from "./permissions";

describe("permission table", () => {
  it("gives admins every permission", () => {
    for (const p of PERMISSIONS) expect(roleCan("ADMIN", p)).toBe(true);
  });

  it("keeps volunteers away from settings, exports, merges, deletes and other teams' queues", () => {
    for (const p of [
      "settings.read",
      "settings.manage",
      "customers.export",
      "exports.run",
      "customers.merge",
      "customers.delete",
      "customers.list",
      "conversations.readAll",
      "members.manage",
    ] as const) {
      expect(roleCan("VOLUNTEER", p), p).toBe(false);
    }
    expect(roleCan("VOLUNTEER", "conversations.reply")).toBe(true);
  });

  it("lets leads configure but not manage members or delete customers", () => {
    expect(roleCan("LEAD", "routing.manage")).toBe(true);
    expect(roleCan("LEAD", "members.manage")).toBe(false);
    expect(roleCan("LEAD", "customers.delete")).toBe(false);
  });

  it("lets only leads and admins read or change channel settings", () => {
    for (const p of ["channels.read", "channels.manage"] as const) {
      expect(roleCan("ADMIN", p), p).toBe(true);
      expect(roleCan("LEAD", p), p).toBe(true);
      expect(roleCan("AGENT", p), p).toBe(false);
      expect(roleCan("VOLUNTEER", p), p).toBe(false);
    }
  });

  it("is strictly widening: volunteer ⊂ agent ⊂ lead ⊂ admin", () => {
    const chain = ["VOLUNTEER", "AGENT", "LEAD", "ADMIN"] as const;
    for (let i = 1; i < chain.length; i++) {
      const lower = ROLE_PERMISSIONS[chain[i - 1]!];
      const upper = ROLE_PERMISSIONS[chain[i]!];
      for (const p of lower) expect(upper.has(p), `${chain[i]} lacks ${p}`).toBe(true);
      expect(upper.size).toBeGreaterThan(lower.size);
    }
  });
});
