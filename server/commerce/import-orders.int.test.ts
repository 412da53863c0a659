import { describe, expect, it } from "vitest";
import { createCustomer, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";
import { importNow, rowCounts, testdata, upload } from "./csv/testdata/harness";

const db = testDb();

describe("CSV import: orders", () => {
  it("previews a Shopify-style export: mapping, normalised rows, no errors", async () => {
    const f = await createWorkspaceWithRoles(db);
    const before = await rowCounts(db, f.workspace.id);
    const res = await upload(db, f.members.lead, testdata("orders-good.csv"), { filename: "orders_export.csv" });
    expect(res.status).toBe(201);
    const job = await callerAs(f.members.lead).commerce.getImport({ id: res.body.id ?? "" });
    expect(job).toMatchObject({
      kind: "orders",
      status: "PREVIEWED",
      filename: "orders_export.csv",
      totalRows: 5,
      errorCount: 0,
      errors: [],
    });
    expect(job.preview.detected).toBe(true);
    expect(job.preview.summary).toEqual({ rows: 5, orders: 4, lineItems: 5 });
    expect(job.preview.columns.find((c) => c.header === "Created at")?.field).toBe("placed_at");
    expect(job.preview.columns.find((c) => c.header === "Lineitem name")?.field).toBe("product");
    const first = job.preview.sample.rows[0];
    expect(first).toMatchObject({
      line: 2,
      values: { order_number: "#5001", email: "maya.lopez@example.com", placed_at: "2025-11-28 19:05 UTC", total: "67.81" },
    });
    // a blank line in the file: the next row keeps its real line number
    expect(job.preview.sample.rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 7]);
    expect(await rowCounts(db, f.workspace.id)).toEqual(before);
  });

  it("imports orders with their items, matching an existing customer by email and creating the others", async () => {
    const f = await createWorkspaceWithRoles(db);
    const maya = await createCustomer(db, { workspaceId: f.workspace.id, name: "Maya L.", email: "maya.lopez@example.com" });
    const res = await upload(db, f.members.lead, testdata("orders-good.csv"));
    const { outcome, job } = await importNow(db, f.members.lead, res.body.id ?? "");
    expect(outcome).toBe("succeeded");
    expect(job).toMatchObject({ status: "SUCCEEDED", processedRows: 5, checkedRows: 5, failureReason: null });
    expect(job.counts).toMatchObject({
      rows: 5,
      ordersCreated: 4,
      ordersUpdated: 0,
      customersCreated: 2,
      lineItemsWritten: 5,
      eventsAdded: 4,
    });

    const orders = await db.order.findMany({
      where: { workspaceId: f.workspace.id },
      orderBy: { number: "asc" },
      include: {
        items: { orderBy: { sku: "asc" } },
        events: true,
        customer: { include: { identities: { orderBy: { channelKind: "asc" } } } },
      },
    });
    expect(orders.map((o) => o.number)).toEqual(["#5001", "#5002", "#5003", "#5004"]);
    const [o1, o2, o3, o4] = orders;
    expect(o1).toMatchObject({
      customerId: maya.id,
      financialStatus: "PAID",
      currency: "USD",
      subtotalCents: 5840,
      shippingCents: 500,
      taxCents: 441,
      totalCents: 6781,
    });
    expect(o1?.placedAt.toISOString()).toBe("2025-11-28T19:05:00.000Z");
    expect(o1?.items.map((i) => [i.sku, i.productName, i.quantity, i.priceCents])).toEqual([
      ["HOOD-NVY-M", "Harbor Hoodie - Navy / M", 1, 4900],
      ["MUG-CER-WHT", "Harbor Mug", 2, 470],
    ]);
    expect(o1?.events.map((e) => [e.kind, e.occurredAt.toISOString()])).toEqual([["PLACED", "2025-11-28T19:05:00.000Z"]]);
    // no totals in the file: the subtotal is the sum of the items
    expect(o2).toMatchObject({ financialStatus: "PENDING", subtotalCents: 6000, totalCents: 6000, phone: "+15555550142" });
    expect(o2?.customer).toMatchObject({ name: "Sam Carter", email: "sam@example.net", phone: "+15555550142" });
    expect(o2?.customer?.identities.map((i) => [i.channelKind, i.address])).toEqual([
      ["EMAIL", "sam@example.net"],
      ["SMS", "+15555550142"],
    ]);
    // no email: a customer found / created by phone
    expect(o3).toMatchObject({ financialStatus: "REFUNDED", fulfillmentStatus: "IN_TRANSIT", currency: "EUR", totalCents: 1200 });
    expect(o3?.customer?.identities.map((i) => [i.channelKind, i.address])).toEqual([["SMS", "+4741234567"]]);
    expect(o4).toMatchObject({ customerId: maya.id, fulfillmentStatus: "BACKORDERED" });
    expect(await db.customer.count({ where: { workspaceId: f.workspace.id } })).toBe(3);
    const integration = await db.commerceIntegration.findFirstOrThrow({ where: { workspaceId: f.workspace.id } });
    expect(integration.kind).toBe("CSV");
    expect(orders.every((o) => o.integrationId === integration.id)).toBe(true);
  });

  it("re-importing the same file changes nothing", async () => {
    const f = await createWorkspaceWithRoles(db);
    const first = await upload(db, f.members.lead, testdata("orders-good.csv"));
    await importNow(db, f.members.lead, first.body.id ?? "");
    const snapshot = async () => ({
      counts: await rowCounts(db, f.workspace.id),
      orders: await db.order.findMany({
        where: { workspaceId: f.workspace.id },
        orderBy: { number: "asc" },
        include: { items: { orderBy: { id: "asc" } } },
      }),
      customers: await db.customer.findMany({ where: { workspaceId: f.workspace.id }, orderBy: { id: "asc" } }),
    });
    const before = await snapshot();
    const again = await upload(db, f.members.admin, testdata("orders-good.csv"));
    const { job } = await importNow(db, f.members.admin, again.body.id ?? "");
    expect(job.status).toBe("SUCCEEDED");
    expect(job.counts).toMatchObject({
      ordersCreated: 0,
      ordersUpdated: 0,
      ordersUnchanged: 4,
      customersCreated: 0,
      lineItemsWritten: 0,
      eventsAdded: 0,
    });
    expect(await snapshot()).toEqual(before);
  });

  it("updates what changed: a new status, a changed line item; a cancellation is a new fact", async () => {
    const f = await createWorkspaceWithRoles(db);
    await importNow(db, f.members.lead, (await upload(db, f.members.lead, testdata("orders-good.csv"))).body.id ?? "");
    const before = await db.order.findFirstOrThrow({ where: { workspaceId: f.workspace.id, number: "#5002" }, include: { items: true } });
    const changed = [
      "Order number,Placed at,Status,Product,SKU,Qty,Price",
      "#5002,2025-11-29T09:30:00Z,cancelled,Wool Scarf,SCARF-GRY,2,20.00",
      "#5001,2025-11-28 14:05:00 -0500,,Harbor Hoodie - Navy / M,HOOD-NVY-M,1,49.00",
      "#5001,,,Harbor Mug,MUG-CER-WHT,2,4.70",
    ].join("\n");
    const { job } = await importNow(db, f.members.lead, (await upload(db, f.members.lead, changed)).body.id ?? "");
    expect(job.counts).toMatchObject({ ordersCreated: 0, ordersUpdated: 1, ordersUnchanged: 1, lineItemsWritten: 1, eventsAdded: 1 });
    const after = await db.order.findFirstOrThrow({
      where: { id: before.id },
      include: { items: true, events: { orderBy: { occurredAt: "asc" } } },
    });
    expect(after.status).toBe("CANCELLED");
    expect(after.cancelledAt).not.toBeNull();
    // amounts only change where the file states them (no amount columns here); the rest stays as imported before
    expect(after).toMatchObject({ subtotalCents: 6000, totalCents: 6000, financialStatus: "PENDING", customerId: before.customerId });
    expect(after.items.map((i) => i.quantity)).toEqual([2]);
    expect(after.events.map((e) => e.kind)).toEqual(["PLACED", "CANCELLED"]);
  });

  it("reports each bad row with its line and reason, refuses to start, and writes nothing", async () => {
    const f = await createWorkspaceWithRoles(db);
    const before = await rowCounts(db, f.workspace.id);
    const res = await upload(db, f.members.lead, testdata("orders-bad.csv"));
    expect(res.status).toBe(201);
    const caller = callerAs(f.members.lead);
    const job = await caller.commerce.getImport({ id: res.body.id ?? "" });
    expect(job.errorCount).toBe(5);
    expect(job.errors.map((e) => `line ${e.line}: ${e.message}`)).toEqual([
      "line 3: Email 'not-an-email' is not an email address",
      "line 4: Placed at 'yesterday' is not a date (use YYYY-MM-DD or ISO 8601, e.g. 2025-11-28T14:05:00Z)",
      "line 5: Total 'ten' is not an amount (e.g. 12.50)",
      "line 5: Qty '0' is not a whole number from 1 to 100000",
      "line 6: Placed at '2025-11-29' differs from '2025-11-28' on line 2 (same order #6001)",
    ]);
    await expect(caller.commerce.startImport({ id: job.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await caller.commerce.getImport({ id: job.id })).status).toBe("PREVIEWED");
    expect(await rowCounts(db, f.workspace.id)).toEqual(before);
  });

  it("a file that is missing a required column is a file error, not a crash", async () => {
    const f = await createWorkspaceWithRoles(db);
    const res = await upload(db, f.members.lead, "Order number,Product,Qty\n#1,Mug,1\n", { kind: "orders" });
    const job = await callerAs(f.members.lead).commerce.getImport({ id: res.body.id ?? "" });
    expect(job.preview.fileErrors).toEqual(['No Placed at column (a header like "placed at", "created at", "order date")']);
    expect(job.errorCount).toBe(1);
    const unknown = await upload(db, f.members.lead, "Foo,Bar\n1,2\n");
    expect(unknown).toMatchObject({ status: 400, body: { error: expect.stringContaining("Could not tell") } });
  });
});
