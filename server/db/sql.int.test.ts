import { afterAll, describe, expect, inject, it } from "vitest";
import { Prisma } from "./generated/client";
import { closeDb, createDb } from "./client";
import { PREPARED, queryRows, sqlTransaction, statementName } from "./sql";

// one connection, so a statement prepared by one call is visible to the next
const db = createDb(inject("databaseUrl"), { max: 1 });
afterAll(() => closeDb(db));

async function inZone<T>(tz: string, fn: () => Promise<T>): Promise<T> {
  const before = process.env.TZ;
  process.env.TZ = tz;
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

describe("queryRows (hot reads on pg directly)", () => {
  it("decodes like Prisma: timestamp(3) as a UTC Date whatever the process zone, int4, text, arrays and json", async () => {
    const rows = await inZone("America/New_York", () =>
      queryRows<{ t: Date; n: number; s: string; a: string[]; j: { a: number }; none: Date | null }>(
        db,
        Prisma.sql`SELECT '2026-11-23 17:00:00.123'::timestamp(3) AS t, 5::int AS n, 'x'::text AS s,
          ARRAY['a', 'b']::text[] AS a, '{"a":1}'::json AS j, NULL::timestamp(3) AS none`,
      ),
    );
    expect(rows).toEqual([{ t: new Date("2026-11-23T17:00:00.123Z"), n: 5, s: "x", a: ["a", "b"], j: { a: 1 }, none: null }]);
    const viaPrisma = await db.$queryRaw<{ t: Date }[]>`SELECT '2026-11-23 17:00:00.123'::timestamp(3) AS t`;
    expect(rows[0]?.t.getTime()).toBe(viaPrisma[0]?.t.getTime());
  });

  it("binds a Date as the same UTC instant whatever the process zone", async () => {
    const at = new Date("2026-11-23T17:00:00.123Z");
    const [row] = await inZone("Asia/Tokyo", () =>
      queryRows<{ same: boolean }>(db, Prisma.sql`SELECT ${at}::timestamp(3) = '2026-11-23 17:00:00.123'::timestamp(3) AS same`),
    );
    expect(row?.same).toBe(true);
  });

  // the embedded PGlite is one shared session: no named statements there (createDb)
  it.skipIf(inject("embedded"))("runs a PREPARED statement as a named prepared statement, planned once per connection", async () => {
    const q = (n: number) => Prisma.sql`${PREPARED}SELECT ${n}::int + 1 AS n`;
    const name = statementName(q(1).text);
    expect(name).toMatch(/^sb_/);
    expect(statementName(Prisma.sql`SELECT 1`.text)).toBeUndefined();
    expect(await queryRows<{ n: number }>(db, q(1))).toEqual([{ n: 2 }]);
    expect(await queryRows<{ n: number }>(db, q(41))).toEqual([{ n: 42 }]);
    const prepared = await queryRows<{ name: string }>(db, Prisma.sql`SELECT name FROM pg_prepared_statements`);
    expect(prepared.map((p) => p.name)).toContain(name);
  });

  it("sqlTransaction commits together, rolls everything back on an error, and returns the connection", async () => {
    const table = `sqltx_${Date.now().toString(36)}`;
    await db.$executeRawUnsafe(`CREATE TABLE ${table} (n int PRIMARY KEY)`);
    try {
      const insert = (n: number) => Prisma.sql`INSERT INTO ${Prisma.raw(table)} (n) VALUES (${n}) RETURNING n`;
      expect(
        await sqlTransaction(db, async (tx) => [
          ...(await queryRows<{ n: number }>(tx, insert(1))),
          ...(await queryRows<{ n: number }>(tx, insert(2))),
        ]),
      ).toEqual([{ n: 1 }, { n: 2 }]);
      await expect(
        sqlTransaction(db, async (tx) => {
          await queryRows(tx, insert(3));
          await queryRows(tx, insert(1)); // duplicate key: the whole transaction goes
        }),
      ).rejects.toThrow(/duplicate key/);
      // the pool has one connection: it came back after both transactions
      const rows = await queryRows<{ n: number }>(db, Prisma.sql`SELECT n FROM ${Prisma.raw(table)} ORDER BY n`);
      expect(rows.map((r) => r.n)).toEqual([1, 2]);
    } finally {
      await db.$executeRawUnsafe(`DROP TABLE ${table}`);
    }
  });
});
