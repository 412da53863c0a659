// Orders import, set-based: every row is staged (one line = one line item), folded into one staged row per order,
// then written in chunks of orders — customers matched or created, orders upserted by (workspace, number), line
// items replaced only where they differ, PLACED / CANCELLED events only for new facts. Re-importing changes nothing.
import { Prisma } from "../../db/generated/client";
import type { StagedRow } from "./check";
import { createOrderCustomers, matchByEmail, matchByPhone } from "./match-customers";
import { NOW, UUID7, counts, iso, ranges, type ImportCounts, type Tx } from "./sql";

const sql = Prisma.sql;

export async function createOrderStaging(tx: Tx): Promise<void> {
  await tx.$executeRaw`
    CREATE TEMP TABLE imp_line (
      line int NOT NULL, ord int NOT NULL, number text NOT NULL, email text, phone text, customer_name text,
      placed_at timestamp(3), status text, financial_status text, fulfillment_status text, currency text,
      subtotal int, shipping int, tax int, total int, cancelled_at timestamp(3),
      has_item boolean NOT NULL, sku text, product text, variant text, product_type text, quantity int, price int
    ) ON COMMIT DROP`;
}

export async function stageOrderLines(tx: Tx, rows: StagedRow<"orders">[]): Promise<void> {
  const col = <T>(f: (r: StagedRow<"orders">) => T) => rows.map(f);
  await tx.$executeRaw`
    INSERT INTO imp_line
    SELECT * FROM unnest(
      ${col((r) => r.line)}::int[], ${col((r) => r.ord)}::int[], ${col((r) => r.row.number)}::text[],
      ${col((r) => r.row.email)}::text[], ${col((r) => r.row.phone)}::text[], ${col((r) => r.row.customerName)}::text[],
      ${col((r) => iso(r.row.placedAt))}::timestamp(3)[], ${col((r) => r.row.status)}::text[],
      ${col((r) => r.row.financialStatus)}::text[], ${col((r) => r.row.fulfillmentStatus)}::text[], ${col((r) => r.row.currency)}::text[],
      ${col((r) => r.row.subtotal)}::int[], ${col((r) => r.row.shipping)}::int[], ${col((r) => r.row.tax)}::int[],
      ${col((r) => r.row.total)}::int[], ${col((r) => iso(r.row.cancelledAt))}::timestamp(3)[],
      ${col((r) => r.row.item !== null)}::boolean[], ${col((r) => r.row.item?.sku ?? null)}::text[],
      ${col((r) => r.row.item?.product ?? null)}::text[], ${col((r) => r.row.item?.variant ?? null)}::text[],
      ${col((r) => r.row.item?.productType ?? null)}::text[], ${col((r) => r.row.item?.quantity ?? null)}::int[],
      ${col((r) => r.row.item?.price ?? null)}::int[]
    )`;
}

/** One staged row per order (rows of an order agree, checked while reading: max() picks the given value). → order count */
async function foldOrders(tx: Tx, workspaceId: string): Promise<number> {
  await tx.$executeRaw`CREATE INDEX ON imp_line (ord)`;
  await tx.$executeRaw`
    CREATE TEMP TABLE imp_order ON COMMIT DROP AS
    SELECT ord, min(number) AS number, min(line) AS first_line, max(email) AS email, max(phone) AS phone,
      max(customer_name) AS customer_name, max(placed_at) AS placed_at,
      COALESCE(max(status), CASE WHEN max(cancelled_at) IS NOT NULL THEN 'CANCELLED' END)::"OrderStatus" AS status,
      max(financial_status)::"FinancialStatus" AS financial_status, max(fulfillment_status)::"FulfillmentStatus" AS fulfillment_status,
      max(currency) AS currency, max(shipping) AS shipping, max(tax) AS tax, max(total) AS total, max(cancelled_at) AS cancelled_at,
      max(subtotal) AS subtotal, sum(quantity::bigint * price) FILTER (WHERE has_item) AS item_sum, NULL::int AS total_calc,
      count(*) FILTER (WHERE has_item)::int AS items, count(*)::int AS lines,
      NULL::uuid AS order_id, NULL::uuid AS customer_id, NULL::"OrderStatus" AS old_status, false AS existed, false AS items_changed
    FROM imp_line GROUP BY ord`;
  // a new order without amounts gets subtotal = its items, total = subtotal + shipping + tax; an existing order only
  // changes the amounts the file states (derived ones would overwrite what the store reported)
  await tx.$executeRaw`
    UPDATE imp_order SET total_calc = COALESCE(subtotal, item_sum, 0) + COALESCE(shipping, 0) + COALESCE(tax, 0)`;
  await tx.$executeRaw`ALTER TABLE imp_order ADD PRIMARY KEY (ord)`;
  await tx.$executeRaw`ANALYZE imp_line`;
  await tx.$executeRaw`ANALYZE imp_order`;
  // each staged order probes the (workspaceId, number) index (see match-customers.ts on why LATERAL … LIMIT 1)
  await tx.$executeRaw`
    -- MATERIALIZED: each probe runs once per staged row (as a plain subquery the planner may re-run it per
    -- joined row)
    WITH m AS MATERIALIZED (
      SELECT s.ord, o.id, o."customerId" AS cid, o.status FROM imp_order s
      CROSS JOIN LATERAL (SELECT id, "customerId", status FROM "Order" WHERE "workspaceId" = ${workspaceId}::uuid AND number = s.number LIMIT 1) o
    )
    UPDATE imp_order i SET order_id = m.id, customer_id = m.cid, old_status = m.status, existed = true
    FROM m
    WHERE i.ord = m.ord`;
  // new orders get their ids now, in one statement: the chunked inserts below are then plain INSERT … SELECT
  await tx.$executeRaw`UPDATE imp_order SET order_id = ${UUID7}, items_changed = items > 0 WHERE NOT existed`;
  return (await counts<"n">(tx, sql`SELECT count(*) AS n FROM imp_order`)).n;
}

export type ChunkProgress = (rowsDone: number) => void;

export async function writeOrders(
  tx: Tx,
  opts: { workspaceId: string; integrationId: string; importId: string; chunkSize: number; onChunk: ChunkProgress },
): Promise<ImportCounts> {
  const { workspaceId, integrationId, importId } = opts;
  const ws = sql`${workspaceId}::uuid`;
  const orderCount = await foldOrders(tx, workspaceId);
  const data = sql`${JSON.stringify({ source: "csv", importId })}::jsonb`;
  let rowsDone = 0;
  const out = { ordersCreated: 0, ordersUpdated: 0, ordersUnchanged: 0, customersCreated: 0, lineItemsWritten: 0, eventsAdded: 0 };
  for (const r of ranges(0, orderCount - 1, opts.chunkSize)) {
    await matchByEmail(tx, workspaceId, { table: "imp_order", key: "ord" }, r);
    await matchByPhone(tx, workspaceId, { table: "imp_order", key: "ord" }, r);
    out.customersCreated += (await createOrderCustomers(tx, workspaceId, r, "email")).customersCreated;
    await matchByPhone(tx, workspaceId, { table: "imp_order", key: "ord" }, r);
    out.customersCreated += (await createOrderCustomers(tx, workspaceId, r, "phone")).customersCreated;

    const upd = await counts<"updated" | "existing">(
      tx,
      sql`
      WITH n AS (
        SELECT o.id, COALESCE(o."customerId", i.customer_id) AS customer_id, COALESCE(i.status, o.status) AS status,
          COALESCE(i.financial_status, o."financialStatus") AS fin, COALESCE(i.fulfillment_status, o."fulfillmentStatus") AS ful,
          COALESCE(i.currency, o.currency) AS currency, COALESCE(i.subtotal, o."subtotalCents") AS subtotal,
          COALESCE(i.shipping, o."shippingCents") AS shipping, COALESCE(i.tax, o."taxCents") AS tax, COALESCE(i.total, o."totalCents") AS total,
          COALESCE(i.email, o.email) AS email, COALESCE(i.phone, o.phone) AS phone, COALESCE(i.placed_at, o."placedAt") AS placed_at,
          CASE WHEN COALESCE(i.status, o.status) = 'CANCELLED' THEN COALESCE(i.cancelled_at, o."cancelledAt", ${NOW}) ELSE o."cancelledAt" END AS cancelled_at
        FROM imp_order i JOIN "Order" o ON o.id = i.order_id
        WHERE i.ord BETWEEN ${r.lo} AND ${r.hi} AND i.existed
      ), u AS (
        UPDATE "Order" o
        SET ("customerId", status, "financialStatus", "fulfillmentStatus", currency, "subtotalCents", "shippingCents", "taxCents",
             "totalCents", email, phone, "placedAt", "cancelledAt", "updatedAt")
          = (n.customer_id, n.status, n.fin, n.ful, n.currency, n.subtotal, n.shipping, n.tax, n.total, n.email, n.phone, n.placed_at, n.cancelled_at, ${NOW})
        FROM n WHERE o.id = n.id
          AND (o."customerId", o.status, o."financialStatus", o."fulfillmentStatus", o.currency, o."subtotalCents", o."shippingCents",
               o."taxCents", o."totalCents", o.email, o.phone, o."placedAt", o."cancelledAt")
          IS DISTINCT FROM (n.customer_id, n.status, n.fin, n.ful, n.currency, n.subtotal, n.shipping, n.tax, n.total, n.email, n.phone, n.placed_at, n.cancelled_at)
        RETURNING 1
      ) SELECT (SELECT count(*) FROM u) AS updated, (SELECT count(*) FROM n) AS existing`,
    );
    out.ordersUpdated += upd.updated;
    out.ordersUnchanged += upd.existing - upd.updated;

    out.ordersCreated += await tx.$executeRaw`
      INSERT INTO "Order" (id, "workspaceId", "customerId", "integrationId", number, status, "financialStatus", "fulfillmentStatus",
        currency, "subtotalCents", "shippingCents", "taxCents", "totalCents", email, phone, "placedAt", "cancelledAt", "createdAt", "updatedAt")
      SELECT i.order_id, ${ws}, i.customer_id, ${integrationId}::uuid, i.number, COALESCE(i.status, 'OPEN'), COALESCE(i.financial_status, 'PAID'),
        COALESCE(i.fulfillment_status, 'UNFULFILLED'), COALESCE(i.currency, 'USD'), COALESCE(i.subtotal, i.item_sum, 0), COALESCE(i.shipping, 0),
        COALESCE(i.tax, 0), COALESCE(i.total, i.total_calc), i.email, i.phone, i.placed_at,
        CASE WHEN i.status = 'CANCELLED' THEN COALESCE(i.cancelled_at, ${NOW}) END, ${NOW}, ${NOW}
      FROM imp_order i WHERE i.ord BETWEEN ${r.lo} AND ${r.hi} AND NOT i.existed`;

    out.lineItemsWritten += await writeItems(tx, workspaceId, r);

    const ev = await counts<"n">(
      tx,
      sql`
      WITH e AS (
        INSERT INTO "OrderEvent" (id, "workspaceId", "orderId", kind, data, "occurredAt")
        -- a new order's placing is a new fact (its date is in the staged row: no need to read the order back)
        SELECT ${UUID7}, ${ws}, i.order_id, 'PLACED'::"OrderEventKind", ${data}, i.placed_at
        FROM imp_order i WHERE i.ord BETWEEN ${r.lo} AND ${r.hi} AND NOT i.existed
        UNION ALL
        -- so is a cancellation, unless the order was cancelled (and said so) before
        SELECT ${UUID7}, ${ws}, o.id, 'CANCELLED'::"OrderEventKind", ${data}, o."cancelledAt"
        FROM imp_order i JOIN "Order" o ON o.id = i.order_id
        WHERE i.ord BETWEEN ${r.lo} AND ${r.hi} AND COALESCE(i.status, i.old_status) = 'CANCELLED' AND i.old_status IS DISTINCT FROM 'CANCELLED'
          AND NOT EXISTS (SELECT 1 FROM "OrderEvent" x WHERE x."orderId" = o.id AND x.kind = 'CANCELLED')
        RETURNING 1
      ) SELECT count(*) AS n FROM e`,
    );
    out.eventsAdded += ev.n;
    rowsDone += (await counts<"n">(tx, sql`SELECT sum(lines) AS n FROM imp_order WHERE ord BETWEEN ${r.lo} AND ${r.hi}`)).n;
    opts.onChunk(rowsDone);
  }
  return out;
}

/** Line items: an order's items are replaced only when the file's set differs from the stored one (as a multiset). */
async function writeItems(tx: Tx, workspaceId: string, r: { lo: number; hi: number }): Promise<number> {
  await tx.$executeRaw`
    WITH want AS (
      SELECT l.ord, string_agg(ROW(l.sku, l.product, l.variant, l.product_type, l.quantity, l.price)::text, E'\\n'
        ORDER BY ROW(l.sku, l.product, l.variant, l.product_type, l.quantity, l.price)::text) AS sig
      FROM imp_line l JOIN imp_order i ON i.ord = l.ord
      WHERE l.ord BETWEEN ${r.lo} AND ${r.hi} AND l.has_item AND i.existed
      GROUP BY l.ord
    ), have AS (
      SELECT i.ord, string_agg(ROW(oi.sku, oi."productName", oi.variant, oi."productType", oi.quantity, oi."priceCents")::text, E'\\n'
        ORDER BY ROW(oi.sku, oi."productName", oi.variant, oi."productType", oi.quantity, oi."priceCents")::text) AS sig
      FROM imp_order i JOIN "OrderItem" oi ON oi."orderId" = i.order_id
      WHERE i.ord BETWEEN ${r.lo} AND ${r.hi} AND i.existed AND i.items > 0
      GROUP BY i.ord
    )
    UPDATE imp_order i SET items_changed = true
    FROM want w LEFT JOIN have h ON h.ord = w.ord
    WHERE i.ord = w.ord AND w.sig IS DISTINCT FROM h.sig`;
  await tx.$executeRaw`
    DELETE FROM "OrderItem" oi USING imp_order i
    WHERE oi."orderId" = i.order_id AND i.ord BETWEEN ${r.lo} AND ${r.hi} AND i.existed AND i.items_changed`;
  return tx.$executeRaw`
    INSERT INTO "OrderItem" (id, "workspaceId", "orderId", sku, "productName", variant, "productType", quantity, "priceCents")
    SELECT ${UUID7}, ${workspaceId}::uuid, i.order_id, l.sku, l.product, l.variant, l.product_type, l.quantity, l.price
    FROM imp_line l JOIN imp_order i ON i.ord = l.ord
    WHERE l.ord BETWEEN ${r.lo} AND ${r.hi} AND l.has_item AND i.items_changed`;
}
