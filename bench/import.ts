// commerce.import: CSV import throughput through the real code path, in a fresh workspace.
//   1. a customers CSV (rows/4 customers: email, phone, tags…) is uploaded and imported, so orders find existing people;
//   2. an orders CSV of `rows` rows (one line item per row, 1–4 items per order, Shopify export headers and formats)
//      whose customers are half existing (by email or by phone), half new — the preview (upload streamed to disk,
//      every row parsed and validated) and the commit (the job: re-check + staging + set-based writes in one
//      transaction) are timed separately; rows/s = CSV rows / seconds.
// Afterwards the stored rows are checked (orders, items, one customer per distinct email); a mismatch throws.
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { Db } from "../server/db/client";
import pg from "pg";
import { createWorkspace, createWorkspaceWithRoles } from "../prisma/seed/factories";
import { CARRIERS, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, PRODUCTS, asciiSlug } from "../prisma/seed/catalog";
import { findActor } from "../server/workspaces/workspaces.repository";
import { handleImportUpload } from "../server/commerce/import-upload";
import { startImport } from "../server/commerce/import-jobs";
import { runImport, type RunPhases } from "../server/commerce/import-run";
import { migrateQueue } from "../server/jobs/worker";
import { log, nowMs, round } from "./stats";

export type ImportBenchOptions = { db: Db; url: string; rows: number };

const at = <T>(xs: readonly T[], i: number): T => xs[((i % xs.length) + xs.length) % xs.length] as T;
const money = (cents: number) => (cents / 100).toFixed(2);
const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function person(i: number) {
  const first = at(FIRST_NAMES, i * 7);
  const last = at(LAST_NAMES, i * 13 + 5);
  return {
    name: `${first} ${last}`,
    // mixed case on purpose: matching must normalise
    email: `${asciiSlug(first)}.${asciiSlug(last)}${i}@${at(EMAIL_DOMAINS, i)}`.replace(/^./, (c) => c.toUpperCase()),
    phone: `(555) ${200 + Math.floor(i / 10_000)}-${String(i % 10_000).padStart(4, "0")}`,
  };
}

/** → the two files and what they should produce. */
export function generateImportCsvs(dir: string, rows: number) {
  const known = Math.max(1, Math.floor(rows / 4));
  const customers = ["First Name,Last Name,Email,Phone,Tags,Accepts Marketing"];
  for (let i = 0; i < known; i++) {
    const p = person(i);
    const [first, ...last] = p.name.split(" ");
    // every third known customer only by phone: orders must find them by phone
    customers.push(
      [q(first ?? ""), q(last.join(" ")), i % 3 === 0 ? "" : p.email, p.phone, i % 5 === 0 ? '"vip-list, newsletter"' : "", "yes"].join(
        ",",
      ),
    );
  }
  const header =
    "Name,Email,Financial Status,Fulfillment Status,Currency,Subtotal,Shipping,Taxes,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Phone,Vendor";
  const lines = [header];
  let orders = 0;
  let n = 0;
  const emails = new Set<string>();
  while (n < rows) {
    orders += 1;
    const items = Math.min(rows - n, 1 + ((orders * 7) % 4));
    // half the orders from known customers (by email, or by phone for phone-only ones), half from new people
    const who = orders % 2 === 0 ? (orders * 31) % known : known + orders;
    const p = person(who);
    const byPhone = who < known && who % 3 === 0;
    if (!byPhone) emails.add(p.email.toLowerCase());
    const picks = Array.from({ length: items }, (_, k) => at(PRODUCTS, orders * 3 + k * 5));
    const qty = (k: number) => 1 + ((orders + k) % 3);
    const subtotal = picks.reduce((s, pr, k) => s + pr.priceCents * qty(k), 0);
    const shipping = subtotal > 7500 ? 0 : 695;
    const tax = Math.round(subtotal * 0.0825);
    const day = 1 + (orders % 28);
    const placed = `2025-11-${String(day).padStart(2, "0")} ${String(8 + (orders % 12)).padStart(2, "0")}:${String(orders % 60).padStart(2, "0")}:00 -0500`;
    picks.forEach((pr, k) => {
      const first = k === 0;
      const variant = pr.variants ? ` - ${at(pr.variants, orders + k)}` : "";
      lines.push(
        [
          `#${100000 + orders}`,
          first && !byPhone ? p.email : "",
          first ? at(["paid", "paid", "paid", "pending", "refunded"], orders) : "",
          first ? at(["unfulfilled", "fulfilled", "fulfilled", "partial"], orders) : "",
          first ? "USD" : "",
          first ? money(subtotal) : "",
          first ? money(shipping) : "",
          first ? money(tax) : "",
          first ? money(subtotal + shipping + tax) : "",
          first ? placed : "",
          String(qty(k)),
          q(`${pr.name}${variant}`),
          money(pr.priceCents),
          pr.sku,
          first ? q(p.name) : "",
          first && byPhone ? p.phone : "",
          q(at(CARRIERS, k).name),
        ].join(","),
      );
      n += 1;
    });
  }
  const customersFile = path.join(dir, "customers.csv");
  const ordersFile = path.join(dir, "orders_export.csv");
  writeFileSync(customersFile, `${customers.join("\n")}\n`);
  writeFileSync(ordersFile, `${lines.join("\n")}\n`);
  return { customersFile, ordersFile, customers: known, orders, rows: n, newEmails: emails.size };
}

async function uploadFile(db: Db, actor: Parameters<typeof handleImportUpload>[1], file: string): Promise<string> {
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  const req = new Request("http://bench/api/imports?kind=auto", {
    method: "POST",
    body,
    headers: { "content-type": "text/csv", "x-filename": path.basename(file), "content-length": String(statSync(file).size) },
    duplex: "half",
  } as RequestInit);
  const res = await handleImportUpload(db, actor, req);
  const json = (await res.json()) as { id?: string; errorCount?: number; error?: string };
  if (res.status !== 201 || !json.id || json.errorCount) throw new Error(`upload of ${file} failed: ${res.status} ${JSON.stringify(json)}`);
  return json.id;
}

async function commit(db: Db, actor: NonNullable<Parameters<typeof handleImportUpload>[1]>, id: string, phases: RunPhases) {
  await startImport(db, actor, id);
  // the worker's job, run here so it is timed alone (take it off the queue first: no other worker may run it)
  await db.$executeRaw`SELECT graphile_worker.remove_job(${`import-csv:${id}`}::text)`;
  const outcome = await runImport(db, id, { attempts: 1, maxAttempts: 1 }, { onPhase: (p, ms) => (phases[p] = round(ms)) });
  if (outcome !== "succeeded") {
    const job = await db.importJob.findUnique({ where: { id }, select: { failureReason: true, errors: true } });
    throw new Error(`import ${id} ${outcome}: ${JSON.stringify(job)}`);
  }
  return db.importJob.findUniqueOrThrow({ where: { id }, select: { counts: true } });
}

/**
 * The floor: the same rows (customers + email identities, orders, line items, PLACED events) written with the barest
 * INSERT … SELECT generate_series statements, in a transaction that is rolled back. The app's write phase over this
 * is what matching, staging and idempotency cost; the floor itself is the schema's indexes and foreign keys.
 */
async function sqlFloor(db: Db, url: string, n: { customers: number; orders: number; items: number }): Promise<number> {
  const ws = (await createWorkspace(db)).id;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const t0 = nowMs();
    await client.query("BEGIN");
    await client.query(
      `WITH c AS (
         INSERT INTO "Customer" (id, "workspaceId", name, email, "createdAt", "updatedAt")
         SELECT gen_random_uuid(), $1, 'Floor ' || g, 'floor' || g || '@example.com', now(), now() FROM generate_series(1, $2::int) g
         RETURNING id, email, name)
       INSERT INTO "CustomerIdentity" (id, "workspaceId", "customerId", "channelKind", address, "displayName", verified, "createdAt")
       SELECT gen_random_uuid(), $1, id, 'EMAIL', email, name, false, now() FROM c`,
      [ws, n.customers],
    );
    await client.query(
      `INSERT INTO "Order" (id, "workspaceId", "customerId", number, "placedAt", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $1, (SELECT id FROM "Customer" WHERE "workspaceId" = $1 LIMIT 1), '#F' || g, now(), now(), now()
       FROM generate_series(1, $2::int) g`,
      [ws, n.orders],
    );
    await client.query(
      `INSERT INTO "OrderItem" (id, "workspaceId", "orderId", sku, "productName", quantity, "priceCents")
       SELECT gen_random_uuid(), $1, o.id, 'SKU-' || g, 'Product ' || g, 1, 100
       FROM (SELECT id, row_number() OVER () AS rn FROM "Order" WHERE "workspaceId" = $1) o
       JOIN generate_series(1, $2::int) g ON (g % $3::int) + 1 = o.rn`,
      [ws, n.items, n.orders],
    );
    await client.query(
      `INSERT INTO "OrderEvent" (id, "workspaceId", "orderId", kind, data, "occurredAt")
       SELECT gen_random_uuid(), $1, id, 'PLACED', '{}', now() FROM "Order" WHERE "workspaceId" = $1`,
      [ws],
    );
    const ms = nowMs() - t0;
    await client.query("ROLLBACK");
    return ms;
  } finally {
    await client.end();
    await db.workspace.delete({ where: { id: ws } });
  }
}

export async function benchImport(opts: ImportBenchOptions): Promise<Record<string, unknown>> {
  const { db } = opts;
  // confirming an import enqueues its job: the queue's schema must exist
  await migrateQueue(opts.url);
  const dir = mkdtempSync(path.join(os.tmpdir(), "switchboard-bench-import-"));
  const prevDataDir = process.env.SWITCHBOARD_DATA_DIR;
  process.env.SWITCHBOARD_DATA_DIR = dir;
  try {
    const t0 = nowMs();
    const g = generateImportCsvs(dir, opts.rows);
    const mb = round(statSync(g.ordersFile).size / 1024 / 1024, 1);
    log(
      `import: generated ${g.rows} order rows (${g.orders} orders, ${mb} MB) + ${g.customers} customers in ${round((nowMs() - t0) / 1000)} s`,
    );
    const f = await createWorkspaceWithRoles(db);
    const actor = await findActor(db, f.members.lead.user.id, f.workspace.id);
    if (!actor) throw new Error("bench lead has no actor");

    const c0 = nowMs();
    const customersCounts = await commit(db, actor, await uploadFile(db, actor, g.customersFile), {});
    const customersMs = nowMs() - c0;
    log(
      `import: customers CSV (${g.customers} rows) previewed + imported in ${round(customersMs / 1000)} s ${JSON.stringify(customersCounts.counts)}`,
    );

    const p0 = nowMs();
    const id = await uploadFile(db, actor, g.ordersFile);
    const previewMs = nowMs() - p0;
    const phases: RunPhases = {};
    const m0 = nowMs();
    const { counts } = await commit(db, actor, id, phases);
    const commitMs = nowMs() - m0;

    // what must be there: every order, every line item, one customer per distinct new email
    const ws = f.workspace.id;
    const [orders, items, customers] = await Promise.all([
      db.order.count({ where: { workspaceId: ws } }),
      db.orderItem.count({ where: { workspaceId: ws } }),
      db.customer.count({ where: { workspaceId: ws } }),
    ]);
    const newCustomers = Math.floor(g.orders / 2) + (g.orders % 2);
    if (orders !== g.orders || items !== g.rows || customers !== g.customers + newCustomers) {
      throw new Error(
        `import check failed: ${JSON.stringify({ orders, items, customers, expected: { orders: g.orders, items: g.rows, customers: g.customers + newCustomers } })}`,
      );
    }
    const floorMs = await sqlFloor(db, opts.url, { customers: newCustomers, orders: g.orders, items: g.rows });
    const line = {
      bench: "commerce.import",
      rows: g.rows,
      orders: g.orders,
      file_mb: mb,
      preview_ms: round(previewMs),
      preview_rows_per_sec: Math.round(g.rows / (previewMs / 1000)),
      commit_ms: round(commitMs),
      commit_rows_per_sec: Math.round(g.rows / (commitMs / 1000)),
      commit_phases_ms: phases,
      // the same rows by bare INSERT … SELECT (rolled back): the indexes' and foreign keys' share of the write phase
      sql_floor_ms: round(floorMs),
      write_over_floor: round((phases.write ?? 0) / floorMs),
      counts,
      customers_csv: { rows: g.customers, ms: round(customersMs), rows_per_sec: Math.round(g.customers / (customersMs / 1000)) },
    };
    log(`import: preview ${line.preview_rows_per_sec} rows/s, commit ${line.commit_rows_per_sec} rows/s ${JSON.stringify(phases)}`);
    return line;
  } finally {
    if (prevDataDir === undefined) delete process.env.SWITCHBOARD_DATA_DIR;
    else process.env.SWITCHBOARD_DATA_DIR = prevDataDir;
    rmSync(dir, { recursive: true, force: true });
  }
}
