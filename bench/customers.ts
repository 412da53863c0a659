// customer.panel and customer.search for `npm run bench`: the panel of one heavy customer (50 orders with items and
// fulfilments, 200 conversations) and the directory search, both through the tRPC caller and as bare SQL.
import type pg from "pg";
import type { BenchWorkspace } from "./generate";

const HEAVY_EMAIL = "bench.heavy.customer@example.com";

/** The heavy customer of the bench workspace, created once (kept on --reuse). Plain SQL, not timed. */
export async function ensureHeavyCustomer(sql: pg.Pool, ws: BenchWorkspace): Promise<string> {
  const w = ws.workspaceId;
  const found = await sql.query<{ id: string }>(`SELECT id FROM "Customer" WHERE "workspaceId" = $1 AND email = $2`, [w, HEAVY_EMAIL]);
  if (found.rows[0]) return found.rows[0].id;
  const client = await sql.connect();
  try {
    await client.query("BEGIN");
    const c = await client.query<{ id: string }>(
      `INSERT INTO "Customer" (id, "workspaceId", name, email, phone, "lastContactAt", "updatedAt")
       VALUES (gen_random_uuid(), $1, 'Harriet Benchmark', $2, '+15550199999', now(), now()) RETURNING id`,
      [w, HEAVY_EMAIL],
    );
    const customerId = c.rows[0]?.id;
    if (!customerId) throw new Error("heavy customer not created");
    await client.query(
      `INSERT INTO "CustomerIdentity" (id, "workspaceId", "customerId", "channelKind", address)
       VALUES (gen_random_uuid(), $1, $2, 'EMAIL', $3), (gen_random_uuid(), $1, $2, 'WHATSAPP', '+15550199999')`,
      [w, customerId, HEAVY_EMAIL],
    );
    await client.query(
      `INSERT INTO "Order" (id, "workspaceId", "customerId", number, "placedAt", "totalCents", "subtotalCents", email, "updatedAt")
       SELECT gen_random_uuid(), $1, $2, 'BH-' || g, now() - g * interval '3 days', 2500 * g, 2500 * g, $3, now()
       FROM generate_series(1, 50) g`,
      [w, customerId, HEAVY_EMAIL],
    );
    await client.query(
      `INSERT INTO "OrderItem" (id, "workspaceId", "orderId", "productName", sku, quantity, "priceCents")
       SELECT gen_random_uuid(), $1, o.id, p.name, p.sku, 1, 2500
       FROM "Order" o CROSS JOIN (VALUES ('Merino beanie', 'MB-01'), ('Wool socks', 'WS-02')) p(name, sku)
       WHERE o."customerId" = $2`,
      [w, customerId],
    );
    await client.query(
      `INSERT INTO "Fulfillment" (id, "workspaceId", "orderId", status, carrier, "trackingNumber", "trackingUrl", delayed, "updatedAt")
       SELECT gen_random_uuid(), $1, o.id, 'IN_TRANSIT', 'UPS', '1Z' || substr(md5(o.id::text), 1, 14),
              'https://www.ups.com/track?tracknum=1Z' || substr(md5(o.id::text), 1, 14), o.number = 'BH-1', now()
       FROM "Order" o WHERE o."customerId" = $2`,
      [w, customerId],
    );
    await client.query(
      `INSERT INTO "Conversation" (id, "workspaceId", number, "channelId", "customerId", subject, status, "lastMessageAt", "updatedAt")
       SELECT gen_random_uuid(), $1, base.n + g, ch.id, $2, 'Where is order BH-' || (1 + g % 50), 'RESOLVED', now() - g * interval '5 hours', now()
       FROM generate_series(1, 200) g,
            (SELECT coalesce(max(number), 0) AS n FROM "Conversation" WHERE "workspaceId" = $1) base,
            (SELECT id FROM "Channel" WHERE "workspaceId" = $1 AND kind = 'EMAIL' ORDER BY id LIMIT 1) ch`,
      [w, customerId],
    );
    await client.query("COMMIT");
    return customerId;
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
}
