// Finds the customers of staged rows, set-based: by e-mail identity first, then by phone (identity, then the
// customer's primary phone). Identities are unique per workspace, so a key matches at most one live customer.
import { Prisma } from "../../db/generated/client";
import { NOW, UUID7, counts, type Range, type Tx } from "./sql";

/** A staged table with columns email, phone, customer_id and an integer key column the range applies to. */
export type StagedTable = { table: "imp_customer" | "imp_order"; key: "line" | "ord" };

const sql = Prisma.sql;

// Each staged row probes the unique identity index (and the customer's phone index) by its key: LATERAL … LIMIT 1 keeps
// that shape whatever the statistics say. They are stale here by design — the rows that matter were inserted by this
// very transaction, into a workspace the planner has never seen — and a hash or nested-loop join planned on such
// estimates turned 25 000 rows into minutes.
export async function matchByEmail(tx: Tx, workspaceId: string, t: StagedTable, r: Range): Promise<void> {
  const table = Prisma.raw(t.table);
  const key = Prisma.raw(t.key);
  await tx.$executeRaw(sql`
    -- MATERIALIZED: each probe runs once per staged row (as a plain subquery the planner may re-run it per
    -- joined row)
    WITH m AS MATERIALIZED (
      SELECT s.${key} AS k, hit.cid FROM ${table} s
      CROSS JOIN LATERAL (
        SELECT ci."customerId" AS cid FROM "CustomerIdentity" ci
        WHERE ci."workspaceId" = ${workspaceId}::uuid AND ci."channelKind" = 'EMAIL' AND ci.address = s.email LIMIT 1
      ) hit
      WHERE s.${key} BETWEEN ${r.lo} AND ${r.hi} AND s.customer_id IS NULL AND s.email IS NOT NULL
    )
    UPDATE ${table} i SET customer_id = m.cid
    FROM m
    WHERE i.${key} = m.k`);
}

export async function matchByPhone(tx: Tx, workspaceId: string, t: StagedTable, r: Range): Promise<void> {
  const table = Prisma.raw(t.table);
  const key = Prisma.raw(t.key);
  const ws = sql`${workspaceId}::uuid`;
  await tx.$executeRaw(sql`
    WITH m AS MATERIALIZED (
      -- (array_agg(… ORDER BY …))[1], not ORDER BY … LIMIT 1: with a LIMIT the planner may walk another index in
      -- that order (customerId, id) over the whole table instead of probing the key
      SELECT s.${key} AS k, COALESCE(
        (SELECT (array_agg(ci."customerId" ORDER BY ci."channelKind", ci."customerId"))[1] FROM "CustomerIdentity" ci
          WHERE ci."workspaceId" = ${ws} AND ci."channelKind" IN ('SMS', 'WHATSAPP') AND ci.address = s.phone),
        -- "not merged" as an aggregate FILTER, not a WHERE: the planner would AND in the mergedIntoId index, whose
        -- IS NULL entries are the whole table
        (SELECT (array_agg(c.id ORDER BY c.id) FILTER (WHERE c."mergedIntoId" IS NULL))[1] FROM "Customer" c
          WHERE c."workspaceId" = ${ws} AND c.phone = s.phone)
      ) AS cid
      FROM ${table} s
      WHERE s.${key} BETWEEN ${r.lo} AND ${r.hi} AND s.customer_id IS NULL AND s.phone IS NOT NULL
    )
    UPDATE ${table} i SET customer_id = m.cid
    FROM m
    WHERE i.${key} = m.k AND m.cid IS NOT NULL`);
}

/**
 * New customers for order rows nobody matched, one per distinct e-mail (or, for rows without one, per phone), with
 * their EMAIL / SMS identities. → how many customers and identities were created.
 */
export async function createOrderCustomers(
  tx: Tx,
  workspaceId: string,
  r: Range,
  by: "email" | "phone",
): Promise<{ customersCreated: number; identitiesCreated: number }> {
  const ws = sql`${workspaceId}::uuid`;
  const col = Prisma.raw(by);
  const other = by === "email" ? sql`AND TRUE` : sql`AND email IS NULL`;
  return counts(
    tx,
    sql`
    WITH src AS (
      SELECT DISTINCT ON (${col}) email, phone, customer_name FROM imp_order
      WHERE ord BETWEEN ${r.lo} AND ${r.hi} AND customer_id IS NULL AND ${col} IS NOT NULL ${other}
      ORDER BY ${col}, ord
    ), n AS (
      SELECT ${UUID7} AS id, src.* FROM src
    ), ins AS (
      INSERT INTO "Customer" (id, "workspaceId", name, email, phone, "createdAt", "updatedAt")
      SELECT id, ${ws}, customer_name, email, phone, ${NOW}, ${NOW} FROM n
      RETURNING id
    ), ident AS (
      INSERT INTO "CustomerIdentity" (id, "workspaceId", "customerId", "channelKind", address, "displayName", verified, "createdAt")
      SELECT ${UUID7}, ${ws}, id, 'EMAIL'::"ChannelKind", email, customer_name, false, ${NOW} FROM n WHERE email IS NOT NULL
      UNION ALL
      SELECT ${UUID7}, ${ws}, id, 'SMS'::"ChannelKind", phone, customer_name, false, ${NOW} FROM n WHERE phone IS NOT NULL
      ON CONFLICT DO NOTHING
      RETURNING 1
    ), upd AS (
      UPDATE imp_order i SET customer_id = n.id FROM n
      WHERE i.ord BETWEEN ${r.lo} AND ${r.hi} AND i.customer_id IS NULL AND i.${col} = n.${col}
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM ins) AS "customersCreated", (SELECT count(*) FROM ident) AS "identitiesCreated"`,
  );
}
