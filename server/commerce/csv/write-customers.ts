// Customers import, set-based: staged rows are matched (email, then phone), matched customers get the file's values
// where it has one (primary email/phone only filled when empty), the rest are created with their identities; tags are
// added, never removed. Rows are unique by email and phone within a file (checked while reading).
import { Prisma } from "../../db/generated/client";
import type { StagedRow } from "./check";
import { matchByEmail, matchByPhone } from "./match-customers";
import { NOW, UUID7, counts, ranges, type ImportCounts, type Tx } from "./sql";
import type { ChunkProgress } from "./write-orders";

const sql = Prisma.sql;
const TABLE = { table: "imp_customer", key: "line" } as const;

export async function createCustomerStaging(tx: Tx): Promise<void> {
  await tx.$executeRaw`
    CREATE TEMP TABLE imp_customer (
      line int PRIMARY KEY, name text, email text, phone text, vip boolean, tags text[] NOT NULL, locale text, timezone text,
      customer_id uuid
    ) ON COMMIT DROP`;
}

export async function stageCustomers(tx: Tx, rows: StagedRow<"customers">[]): Promise<void> {
  const col = <T>(f: (r: StagedRow<"customers">) => T) => rows.map(f);
  // text[][] cannot be unnested row by row: tags travel joined by a unit separator and are split again
  await tx.$executeRaw`
    INSERT INTO imp_customer (line, name, email, phone, vip, tags, locale, timezone)
    SELECT l, n, e, p, v, CASE WHEN t = '' THEN '{}'::text[] ELSE string_to_array(t, chr(31)) END, lo, tz
    FROM unnest(
      ${col((r) => r.line)}::int[], ${col((r) => r.row.name)}::text[], ${col((r) => r.row.email)}::text[], ${col((r) => r.row.phone)}::text[],
      ${col((r) => r.row.vip)}::boolean[], ${col((r) => r.row.tags.join("\u001f"))}::text[], ${col((r) => r.row.locale)}::text[],
      ${col((r) => r.row.timezone)}::text[]
    ) AS u(l, n, e, p, v, t, lo, tz)`;
}

export async function writeCustomers(
  tx: Tx,
  opts: { workspaceId: string; chunkSize: number; onChunk: ChunkProgress },
): Promise<ImportCounts> {
  const { workspaceId } = opts;
  const ws = sql`${workspaceId}::uuid`;
  await tx.$executeRaw`ANALYZE imp_customer`;
  const bounds = await counts<"lo" | "hi" | "n">(tx, sql`SELECT min(line) AS lo, max(line) AS hi, count(*) AS n FROM imp_customer`);
  const out = { customersCreated: 0, customersUpdated: 0, customersUnchanged: 0, identitiesAdded: 0, tagsAdded: 0 };
  let done = 0;
  if (!bounds.n) return out;
  // chunks by line number: about chunkSize rows each (blank lines only make a chunk smaller)
  for (const r of ranges(bounds.lo, bounds.hi, opts.chunkSize)) {
    await matchByEmail(tx, workspaceId, TABLE, r);
    await matchByPhone(tx, workspaceId, TABLE, r);

    const upd = await counts<"updated" | "matched">(
      tx,
      sql`
      WITH n AS (
        -- two rows (one by email, one by phone) may find the same customer: the later row wins
        SELECT DISTINCT ON (c.id) c.id, COALESCE(i.name, c.name) AS name, COALESCE(i.vip, c.vip) AS vip,
          COALESCE(i.locale, c.locale) AS locale, COALESCE(i.timezone, c.timezone) AS timezone,
          COALESCE(c.email, i.email) AS email, COALESCE(c.phone, i.phone) AS phone
        FROM imp_customer i JOIN "Customer" c ON c.id = i.customer_id
        WHERE i.line BETWEEN ${r.lo} AND ${r.hi}
        ORDER BY c.id, i.line DESC
      ), u AS (
        UPDATE "Customer" c SET (name, vip, locale, timezone, email, phone, "updatedAt") = (n.name, n.vip, n.locale, n.timezone, n.email, n.phone, ${NOW})
        FROM n WHERE c.id = n.id
          AND (c.name, c.vip, c.locale, c.timezone, c.email, c.phone) IS DISTINCT FROM (n.name, n.vip, n.locale, n.timezone, n.email, n.phone)
        RETURNING 1
      ) SELECT (SELECT count(*) FROM u) AS updated, (SELECT count(*) FROM imp_customer WHERE line BETWEEN ${r.lo} AND ${r.hi} AND customer_id IS NOT NULL) AS matched`,
    );
    out.customersUpdated += upd.updated;
    out.customersUnchanged += upd.matched - upd.updated;

    const created = await counts<"created">(
      tx,
      sql`
      WITH n AS (
        SELECT line, ${UUID7} AS id FROM imp_customer WHERE line BETWEEN ${r.lo} AND ${r.hi} AND customer_id IS NULL
      ), ins AS (
        INSERT INTO "Customer" (id, "workspaceId", name, email, phone, vip, locale, timezone, "createdAt", "updatedAt")
        SELECT n.id, ${ws}, i.name, i.email, i.phone, COALESCE(i.vip, false), i.locale, i.timezone, ${NOW}, ${NOW}
        FROM n JOIN imp_customer i USING (line)
        RETURNING 1
      ), mark AS (
        UPDATE imp_customer i SET customer_id = n.id FROM n WHERE i.line = n.line RETURNING 1
      ) SELECT count(*) AS created FROM ins`,
    );
    out.customersCreated += created.created;

    // identities for every row's email / phone; one that already belongs to someone else stays theirs
    out.identitiesAdded += await tx.$executeRaw`
      INSERT INTO "CustomerIdentity" (id, "workspaceId", "customerId", "channelKind", address, "displayName", verified, "createdAt")
      SELECT ${UUID7}, ${ws}, customer_id, 'EMAIL'::"ChannelKind", email, name, false, ${NOW} FROM imp_customer
      WHERE line BETWEEN ${r.lo} AND ${r.hi} AND email IS NOT NULL
      UNION ALL
      SELECT ${UUID7}, ${ws}, customer_id, 'SMS'::"ChannelKind", phone, name, false, ${NOW} FROM imp_customer
      WHERE line BETWEEN ${r.lo} AND ${r.hi} AND phone IS NOT NULL
      ON CONFLICT DO NOTHING`;

    await tx.$executeRaw`
      INSERT INTO "Tag" (id, "workspaceId", name, "createdAt")
      SELECT ${UUID7}, ${ws}, t, ${NOW} FROM (SELECT DISTINCT unnest(tags) AS t FROM imp_customer WHERE line BETWEEN ${r.lo} AND ${r.hi}) x
      ON CONFLICT ("workspaceId", name) DO NOTHING`;
    out.tagsAdded += await tx.$executeRaw`
      INSERT INTO "CustomerTag" ("customerId", "tagId", "workspaceId", "createdAt")
      SELECT DISTINCT i.customer_id, tg.id, ${ws}, ${NOW}
      FROM imp_customer i CROSS JOIN LATERAL unnest(i.tags) AS t(name)
      JOIN "Tag" tg ON tg."workspaceId" = ${ws} AND tg.name = t.name
      WHERE i.line BETWEEN ${r.lo} AND ${r.hi}
      ON CONFLICT DO NOTHING`;

    done += (await counts<"n">(tx, sql`SELECT count(*) AS n FROM imp_customer WHERE line BETWEEN ${r.lo} AND ${r.hi}`)).n;
    opts.onChunk(done);
  }
  return out;
}
