import { describe, expect, inject, it } from "vitest";
import { testDb } from "../../test/db";
import { startWorker } from "./worker";

const db = testDb();

describe("job worker", () => {
  it("starts with every task and the crontab, and stops cleanly", async () => {
    const runner = await startWorker(db, { connectionString: inject("databaseUrl"), embedded: inject("embedded"), concurrency: 1 });
    try {
      // the cron schedule is registered: graphile records it on start
      const rows = await db.$queryRaw<{ identifier: string }[]>`SELECT identifier FROM graphile_worker._private_known_crontabs`;
      expect(rows.map((r) => r.identifier)).toEqual(expect.arrayContaining(["reprocess_email_events", "compact_counts"]));
    } finally {
      await runner.stop();
    }
  });
});
