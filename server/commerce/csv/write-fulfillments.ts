// Fulfilments import, set-based: each row names an existing order; it updates the order's shipment with the same
// tracking number (or fulfilment id), else adds one. SHIPPED / DELAYED / DELIVERED order events are written only
// when that fact is new (compared with the shipment as it was before), so a re-import adds nothing.
import { Prisma } from "../../db/generated/client";
import type { FulfillmentStatus } from "../../db/generated/enums";
import type { RowError, StagedRow } from "./check";
import { NOW, UUID7, counts, iso, ranges, type ImportCounts, type Tx } from "./sql";
import type { ChunkProgress } from "./write-orders";

const sql = Prisma.sql;

export async function createFulfillmentStaging(tx: Tx): Promise<void> {
  await tx.$executeRaw`
    CREATE TEMP TABLE imp_ful (
      line int PRIMARY KEY, number text NOT NULL, ext_key text NOT NULL, carrier text, tracking_number text, tracking_url text,
      status "FulfillmentStatus", inferred "FulfillmentStatus", shipped_at timestamp(3), eta timestamp(3), delayed boolean,
      delay_reason text, delivered_at timestamp(3),
      order_id uuid, ful_id uuid, was_shipped boolean NOT NULL DEFAULT false, was_delayed boolean NOT NULL DEFAULT false,
      was_delivered boolean NOT NULL DEFAULT false
    ) ON COMMIT DROP`;
}

/** The status of a new shipment when the file gives none. */
function inferStatus(r: StagedRow<"fulfillments">["row"]): FulfillmentStatus {
  if (r.deliveredAt) return "DELIVERED";
  if (r.shippedAt || r.trackingNumber) return "IN_TRANSIT";
  return "UNFULFILLED";
}

export async function stageFulfillments(tx: Tx, rows: StagedRow<"fulfillments">[]): Promise<void> {
  const col = <T>(f: (r: StagedRow<"fulfillments">["row"]) => T) => rows.map((r) => f(r.row));
  await tx.$executeRaw`
    INSERT INTO imp_ful (line, number, ext_key, carrier, tracking_number, tracking_url, status, inferred, shipped_at, eta, delayed, delay_reason, delivered_at)
    SELECT * FROM unnest(
      ${rows.map((r) => r.line)}::int[], ${col((r) => r.number)}::text[],
      ${col((r) => r.externalId ?? `csv:${r.trackingNumber ?? "untracked"}`)}::text[], ${col((r) => r.carrier)}::text[],
      ${col((r) => r.trackingNumber)}::text[], ${col((r) => r.trackingUrl)}::text[], ${col((r) => r.status)}::"FulfillmentStatus"[],
      ${col(inferStatus)}::"FulfillmentStatus"[], ${col((r) => iso(r.shippedAt))}::timestamp(3)[], ${col((r) => iso(r.eta))}::timestamp(3)[],
      ${col((r) => r.delayed)}::boolean[], ${col((r) => r.delayReason)}::text[], ${col((r) => iso(r.deliveredAt))}::timestamp(3)[]
    )`;
}

const SHIPPED = sql`IN ('IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED')`;

/** Finds each row's order and existing shipment. → rows whose order does not exist (the import must fail). */
export async function resolveFulfillments(
  tx: Tx,
  workspaceId: string,
  maxErrors: number,
): Promise<{ errors: RowError[]; missing: number }> {
  await tx.$executeRaw`ANALYZE imp_ful`;
  await tx.$executeRaw`
    -- MATERIALIZED: each probe runs once per staged row (as a plain subquery the planner may re-run it per
    -- joined row)
    WITH m AS MATERIALIZED (
      SELECT s.line, o.id FROM imp_ful s
      CROSS JOIN LATERAL (SELECT id FROM "Order" WHERE "workspaceId" = ${workspaceId}::uuid AND number = s.number LIMIT 1) o
    )
    UPDATE imp_ful i SET order_id = m.id
    FROM m
    WHERE i.line = m.line`;
  const missing = await tx.$queryRaw<{ line: number; number: string }[]>`
    SELECT line, number FROM imp_ful WHERE order_id IS NULL ORDER BY line LIMIT ${maxErrors}`;
  if (missing.length) {
    const n = await counts<"n">(tx, sql`SELECT count(*) AS n FROM imp_ful WHERE order_id IS NULL`);
    const errors = missing.map((m) => ({
      line: m.line,
      field: "order_number",
      message: `order ${m.number} does not exist in this workspace`,
    }));
    return { errors, missing: n.n };
  }
  // the same tracking number first (it may have come from the store's webhooks), else the same fulfilment id / key
  for (const by of [sql`s.tracking_number IS NOT NULL AND f."trackingNumber" = s.tracking_number`, sql`f."externalId" = s.ext_key`]) {
    await tx.$executeRaw`
      WITH m AS MATERIALIZED (
        SELECT s.line, f.id, f."shippedAt" IS NOT NULL OR f.status ${SHIPPED} AS shipped, f.delayed,
          f."deliveredAt" IS NOT NULL OR f.status = 'DELIVERED' AS delivered
        FROM imp_ful s
        CROSS JOIN LATERAL (SELECT * FROM "Fulfillment" f WHERE f."orderId" = s.order_id AND ${by} LIMIT 1) f
        WHERE s.ful_id IS NULL
      )
      UPDATE imp_ful i SET ful_id = m.id, was_shipped = m.shipped, was_delayed = m.delayed, was_delivered = m.delivered
      FROM m
      WHERE i.line = m.line`;
  }
  return { errors: [], missing: 0 };
}

export async function writeFulfillments(
  tx: Tx,
  opts: { workspaceId: string; importId: string; chunkSize: number; onChunk: ChunkProgress },
): Promise<ImportCounts> {
  const ws = sql`${opts.workspaceId}::uuid`;
  const bounds = await counts<"lo" | "hi" | "n">(tx, sql`SELECT min(line) AS lo, max(line) AS hi, count(*) AS n FROM imp_ful`);
  const out = { fulfillmentsCreated: 0, fulfillmentsUpdated: 0, fulfillmentsUnchanged: 0, ordersUpdated: 0, eventsAdded: 0 };
  if (!bounds.n) return out;
  let done = 0;
  for (const r of ranges(bounds.lo, bounds.hi, opts.chunkSize)) {
    const inRange = sql`i.line BETWEEN ${r.lo} AND ${r.hi}`;
    const upd = await counts<"updated" | "existing">(
      tx,
      sql`
      WITH n AS (
        SELECT f.id, COALESCE(i.carrier, f.carrier) AS carrier, COALESCE(i.tracking_number, f."trackingNumber") AS tn,
          COALESCE(i.tracking_url, f."trackingUrl") AS url,
          COALESCE(i.status, CASE WHEN i.delivered_at IS NOT NULL THEN 'DELIVERED'::"FulfillmentStatus" END, f.status) AS status,
          COALESCE(i.shipped_at, f."shippedAt") AS shipped, COALESCE(i.eta, f.eta) AS eta, COALESCE(i.delayed, f.delayed) AS delayed,
          COALESCE(i.delay_reason, f."delayReason") AS reason, COALESCE(i.delivered_at, f."deliveredAt") AS delivered
        FROM imp_ful i JOIN "Fulfillment" f ON f.id = i.ful_id WHERE ${inRange}
      ), u AS (
        UPDATE "Fulfillment" f
        SET (carrier, "trackingNumber", "trackingUrl", status, "shippedAt", eta, delayed, "delayReason", "deliveredAt", "updatedAt")
          = (n.carrier, n.tn, n.url, n.status, n.shipped, n.eta, n.delayed, n.reason, n.delivered, ${NOW})
        FROM n WHERE f.id = n.id
          AND (f.carrier, f."trackingNumber", f."trackingUrl", f.status, f."shippedAt", f.eta, f.delayed, f."delayReason", f."deliveredAt")
            IS DISTINCT FROM (n.carrier, n.tn, n.url, n.status, n.shipped, n.eta, n.delayed, n.reason, n.delivered)
        RETURNING 1
      ) SELECT (SELECT count(*) FROM u) AS updated, (SELECT count(*) FROM n) AS existing`,
    );
    out.fulfillmentsUpdated += upd.updated;
    out.fulfillmentsUnchanged += upd.existing - upd.updated;

    const ins = await counts<"created">(
      tx,
      sql`
      WITH n AS (SELECT line, ${UUID7} AS id FROM imp_ful i WHERE ${inRange} AND ful_id IS NULL),
      ins AS (
        INSERT INTO "Fulfillment" (id, "workspaceId", "orderId", "externalId", status, carrier, "trackingNumber", "trackingUrl",
          "shippedAt", eta, delayed, "delayReason", "deliveredAt", "createdAt", "updatedAt")
        SELECT n.id, ${ws}, i.order_id, i.ext_key, COALESCE(i.status, i.inferred), i.carrier, i.tracking_number, i.tracking_url,
          i.shipped_at, i.eta, COALESCE(i.delayed, false), i.delay_reason, i.delivered_at, ${NOW}, ${NOW}
        FROM n JOIN imp_ful i USING (line)
        RETURNING 1
      ), mark AS (UPDATE imp_ful i SET ful_id = n.id FROM n WHERE i.line = n.line RETURNING 1)
      SELECT count(*) AS created FROM ins`,
    );
    out.fulfillmentsCreated += ins.created;

    const data = sql`jsonb_strip_nulls(jsonb_build_object('source', 'csv', 'importId', ${opts.importId}::text, 'fulfillmentId', f.id::text,
      'carrier', f.carrier, 'trackingNumber', f."trackingNumber", 'trackingUrl', f."trackingUrl"))`;
    const ev = await counts<"n">(
      tx,
      sql`
      WITH s AS (
        SELECT f.*, i.was_shipped, i.was_delayed, i.was_delivered FROM imp_ful i JOIN "Fulfillment" f ON f.id = i.ful_id WHERE ${inRange}
      ), e AS (
        INSERT INTO "OrderEvent" (id, "workspaceId", "orderId", kind, data, "occurredAt")
        SELECT ${UUID7}, ${ws}, f."orderId", 'SHIPPED'::"OrderEventKind", ${data}, COALESCE(f."shippedAt", ${NOW}) FROM s f
        WHERE NOT f.was_shipped AND (f."shippedAt" IS NOT NULL OR f.status ${SHIPPED})
        UNION ALL
        SELECT ${UUID7}, ${ws}, f."orderId", 'DELAYED'::"OrderEventKind", ${data} || jsonb_strip_nulls(jsonb_build_object('reason', f."delayReason", 'eta', f.eta)), ${NOW}
        FROM s f WHERE NOT f.was_delayed AND f.delayed
        UNION ALL
        SELECT ${UUID7}, ${ws}, f."orderId", 'DELIVERED'::"OrderEventKind", ${data}, COALESCE(f."deliveredAt", ${NOW}) FROM s f
        WHERE NOT f.was_delivered AND (f."deliveredAt" IS NOT NULL OR f.status = 'DELIVERED')
        RETURNING 1
      ) SELECT count(*) AS n FROM e`,
    );
    out.eventsAdded += ev.n;

    // the order's fulfilment status follows its shipment in the file (the last row, when an order has several)
    out.ordersUpdated += await tx.$executeRaw`
      UPDATE "Order" o SET "fulfillmentStatus" = x.status, "updatedAt" = ${NOW}
      FROM (
        SELECT DISTINCT ON (i.order_id) i.order_id, f.status FROM imp_ful i JOIN "Fulfillment" f ON f.id = i.ful_id
        WHERE ${inRange} ORDER BY i.order_id, i.line DESC
      ) x
      WHERE o.id = x.order_id AND o."fulfillmentStatus" IS DISTINCT FROM x.status`;

    done += (await counts<"n">(tx, sql`SELECT count(*) AS n FROM imp_ful i WHERE ${inRange}`)).n;
    opts.onChunk(done);
  }
  return out;
}
