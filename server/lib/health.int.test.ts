import { describe, expect, it } from "vitest";
import { createDb } from "../db/client";
import { freePort } from "../db/embedded";
import { testDb } from "../../test/db";
import { checkHealth } from "./health";

const db = testDb();

describe("health", () => {
  it("is ok when the database answers", async () => {
    expect(await checkHealth({ db })).toMatchObject({ status: "ok", db: "ok" });
  });

  it("reports the database as unreachable, with a reason, when it is not", async () => {
    const dead = createDb(`postgresql://postgres@127.0.0.1:${await freePort()}/nothing`);
    try {
      const health = await checkHealth({ db: dead, timeoutMs: 2000 });
      expect(health.status).toBe("error");
      expect(health).toHaveProperty("reason");
      expect(health.status === "error" && health.reason.length).toBeGreaterThan(0);
    } finally {
      await dead.$disconnect();
    }
  });
});
