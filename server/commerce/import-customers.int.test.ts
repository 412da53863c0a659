import { describe, expect, it } from "vitest";
import { createCustomer, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";
import { importNow, rowCounts, testdata, upload } from "./csv/testdata/harness";

const db = testDb();

describe("CSV import: customers", () => {
  it("creates new customers with identities and tags, updates a matched one, and is idempotent", async () => {
    const f = await createWorkspaceWithRoles(db);
    const ws = f.workspace.id;
    // Sam exists (by email); Ola exists only by phone, with an SMS identity
    const sam = await createCustomer(db, { workspaceId: ws, name: "Sam C.", email: "sam@example.net" });
    const ola = await createCustomer(db, { workspaceId: ws, name: null, email: null, phone: "+4741234567" });
    await db.customerIdentity.create({ data: { workspaceId: ws, customerId: ola.id, channelKind: "SMS", address: "+4741234567" } });
    await db.tag.create({ data: { workspaceId: ws, name: "returns" } });

    const res = await upload(db, f.members.admin, testdata("customers-good.csv"));
    expect(res.body).toMatchObject({ kind: "customers", totalRows: 3, errorCount: 0 });
    const { outcome, job } = await importNow(db, f.members.admin, res.body.id ?? "");
    expect(outcome).toBe("succeeded");
    expect(job.counts).toMatchObject({ rows: 3, customersCreated: 1, customersUpdated: 2, customersUnchanged: 0, tagsAdded: 3 });

    const all = await db.customer.findMany({ where: { workspaceId: ws }, include: { identities: true, tags: { include: { tag: true } } } });
    expect(all).toHaveLength(3);
    const maya = all.find((c) => c.email === "maya.lopez@example.com");
    expect(maya).toMatchObject({ name: "Maya Lopez", phone: "+15555550100", vip: true, locale: "en-US", timezone: "America/Chicago" });
    expect(maya?.identities.map((i) => `${i.channelKind}:${i.address}`).sort()).toEqual([
      "EMAIL:maya.lopez@example.com",
      "SMS:+15555550100",
    ]);
    expect(maya?.tags.map((t) => t.tag.name).sort()).toEqual(["newsletter", "wholesale"]);
    // matched by email: the file's name, locale, time zone win; the primary email stays
    expect(all.find((c) => c.id === sam.id)).toMatchObject({ name: "Sam Carter", vip: false, locale: "fr", timezone: "Europe/Paris" });
    // matched by phone: gets the name, keeps its identity, joins the existing tag
    const olaAfter = all.find((c) => c.id === ola.id);
    expect(olaAfter).toMatchObject({ name: "Ola Nordmann", phone: "+4741234567" });
    expect(olaAfter?.tags.map((t) => t.tag.name)).toEqual(["returns"]);
    expect(await db.tag.count({ where: { workspaceId: ws } })).toBe(3);

    const before = await rowCounts(db, ws);
    const updatedAt = all.map((c) => [c.id, c.updatedAt.toISOString()]).sort();
    const again = await importNow(db, f.members.admin, (await upload(db, f.members.admin, testdata("customers-good.csv"))).body.id ?? "");
    expect(again.job.counts).toMatchObject({
      customersCreated: 0,
      customersUpdated: 0,
      customersUnchanged: 3,
      identitiesAdded: 0,
      tagsAdded: 0,
    });
    expect(await rowCounts(db, ws)).toEqual(before);
    const after = await db.customer.findMany({ where: { workspaceId: ws }, select: { id: true, updatedAt: true } });
    expect(after.map((c) => [c.id, c.updatedAt.toISOString()]).sort()).toEqual(updatedAt);
  });

  it("reports a customer listed twice and a row without email or phone", async () => {
    const f = await createWorkspaceWithRoles(db);
    const csv = [
      "Email,Phone,Name",
      "a@example.com,,A",
      "b@example.com,+1 555 555 0101,B",
      "A@Example.com,,A again",
      ",,Nobody",
      "c@example.com,555-555-0101,C",
    ].join("\n");
    const res = await upload(db, f.members.lead, csv);
    expect(res.body.errorCount).toBe(3);
    const { errors } = await callerAs(f.members.lead).commerce.getImport({ id: res.body.id ?? "" });
    expect(errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      "4: Email a@example.com is also on line 2",
      "5: needs an Email or a Phone",
      "6: Phone +15555550101 is also on line 3",
    ]);
  });
});

describe("CSV import: fulfilments", () => {
  it("adds and updates shipments of existing orders, with SHIPPED / DELAYED / DELIVERED events only for new facts", async () => {
    const f = await createWorkspaceWithRoles(db);
    const ws = f.workspace.id;
    await importNow(db, f.members.lead, (await upload(db, f.members.lead, testdata("orders-good.csv"))).body.id ?? "");
    const res = await upload(db, f.members.lead, testdata("fulfillments-good.csv"));
    expect(res.body).toMatchObject({ kind: "fulfillments", totalRows: 3, errorCount: 0 });
    const { job } = await importNow(db, f.members.lead, res.body.id ?? "");
    expect(job.status).toBe("SUCCEEDED");
    expect(job.counts).toMatchObject({ fulfillmentsCreated: 3, fulfillmentsUpdated: 0, eventsAdded: 5 });

    const orders = await db.order.findMany({
      where: { workspaceId: ws },
      orderBy: { number: "asc" },
      include: { fulfillments: true, events: { orderBy: [{ kind: "asc" }] } },
    });
    const byNumber = Object.fromEntries(orders.map((o) => [o.number, o]));
    const ups = byNumber["#5001"];
    expect(ups?.fulfillmentStatus).toBe("IN_TRANSIT");
    expect(ups?.fulfillments[0]).toMatchObject({
      carrier: "UPS",
      trackingNumber: "1Z999AA10123456784",
      delayed: true,
      delayReason: "Weather delay in Memphis hub",
    });
    expect(ups?.events.map((e) => e.kind)).toEqual(["PLACED", "SHIPPED", "DELAYED"]);
    expect(byNumber["#5002"]?.fulfillmentStatus).toBe("DELIVERED");
    expect(byNumber["#5002"]?.events.map((e) => e.kind)).toEqual(["PLACED", "SHIPPED", "DELIVERED"]);
    expect(byNumber["#5002"]?.events.find((e) => e.kind === "DELIVERED")?.occurredAt.toISOString()).toBe("2025-12-02T15:20:00.000Z");
    expect(byNumber["#5004"]?.fulfillments[0]).toMatchObject({ status: "BACKORDERED", delayed: true, trackingNumber: null });
    expect(byNumber["#5004"]?.events.map((e) => e.kind)).toEqual(["PLACED", "DELAYED"]);

    // the same file again: nothing new
    const before = await rowCounts(db, ws);
    const again = await importNow(db, f.members.lead, (await upload(db, f.members.lead, testdata("fulfillments-good.csv"))).body.id ?? "");
    expect(again.job.counts).toMatchObject({
      fulfillmentsCreated: 0,
      fulfillmentsUpdated: 0,
      fulfillmentsUnchanged: 3,
      eventsAdded: 0,
      ordersUpdated: 0,
    });
    expect(await rowCounts(db, ws)).toEqual(before);

    // the UPS parcel arrives: one update, one DELIVERED event
    const delivered = "Order number,Tracking number,Status,Delivered at\n#5001,1Z999AA10123456784,delivered,2025-12-04T10:00:00Z\n";
    const third = await importNow(db, f.members.lead, (await upload(db, f.members.lead, delivered)).body.id ?? "");
    expect(third.job.counts).toMatchObject({ fulfillmentsUpdated: 1, eventsAdded: 1, ordersUpdated: 1 });
    const after = await db.order.findFirstOrThrow({ where: { id: ups?.id }, include: { fulfillments: true, events: true } });
    expect(after.fulfillmentStatus).toBe("DELIVERED");
    expect(after.fulfillments[0]).toMatchObject({ status: "DELIVERED", carrier: "UPS", delayed: true });
    expect(after.events.map((e) => e.kind).sort()).toEqual(["DELAYED", "DELIVERED", "PLACED", "SHIPPED"]);
  });

  it("a row for an order that does not exist is an error with its line", async () => {
    const f = await createWorkspaceWithRoles(db);
    const csv = "Order number,Carrier,Tracking number\n#404,UPS,1Z1\n";
    const res = await upload(db, f.members.lead, csv);
    expect(res.body).toMatchObject({ kind: "fulfillments", errorCount: 1 });
    const { errors } = await callerAs(f.members.lead).commerce.getImport({ id: res.body.id ?? "" });
    expect(errors).toEqual([{ line: 2, field: "order_number", message: "order #404 does not exist in this workspace" }]);
  });
});
