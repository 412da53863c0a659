import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ZNormalisedCustomer, ZNormalisedFulfillment, ZNormalisedOrder } from "../commerce.schemas";
import { parseJsonLossless } from "../lossless-json";
import { mapCustomer, mapFulfillment, mapOrder, mapShipment, toCents } from "./map";
import { ZShopifyCustomer, ZShopifyFulfillment, ZShopifyOrder } from "./payloads";

const fixture = (name: string) => parseJsonLossless(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8"));

describe("toCents", () => {
  it("converts decimal strings exactly", () => {
    expect(toCents("158.18")).toBe(15818);
    expect(toCents("0.29")).toBe(29);
    expect(toCents("-5.00")).toBe(-500);
    expect(toCents("7")).toBe(700);
    expect(toCents("1.005")).toBe(101);
    expect(toCents(12.5)).toBe(1250);
    expect(toCents(null)).toBe(0);
  });
});

describe("mapOrder", () => {
  it("maps the orders/create fixture (ids exact, money in cents, customer contact, items)", () => {
    const o = ZNormalisedOrder.parse(mapOrder(ZShopifyOrder.parse(fixture("orders-create"))));
    expect(o).toMatchObject({
      externalId: "820982911946154508",
      number: "#9001",
      status: "OPEN",
      financialStatus: "PAID",
      fulfillmentStatus: undefined,
      currency: "USD",
      subtotalCents: 13900,
      shippingCents: 795,
      taxCents: 1123,
      totalCents: 15818,
      email: "jon@example.com",
      phone: "+16135550142",
      customerName: "Jon Snow",
      fulfillments: [],
    });
    expect(o.placedAt.toISOString()).toBe("2025-11-28T14:14:02.000Z");
    expect(o.shippingAddress).toMatchObject({ name: "Jon Snow", city: "Ottawa", province: "ON", country: "CA" });
    expect(o.items).toEqual([
      expect.objectContaining({
        externalId: "866550311766439020",
        sku: "HOOD-ALP-M",
        productName: "Alpine Fleece Hoodie",
        variant: "M",
        quantity: 1,
        priceCents: 8900,
      }),
      expect.objectContaining({ externalId: "141249953214522974", sku: "BEANIE-RUST", variant: "Rust", quantity: 2, priceCents: 2500 }),
    ]);
  });

  it("maps cancelled, refunded, phone-only orders and the backorder tag", () => {
    const o = ZNormalisedOrder.parse(mapOrder(ZShopifyOrder.parse(fixture("orders-cancelled"))));
    expect(o).toMatchObject({
      status: "CANCELLED",
      financialStatus: "REFUNDED",
      email: null,
      phone: "+1 (415) 555-0199",
      shippingCents: 0,
    });
    expect(o.cancelledAt?.toISOString()).toBe("2025-11-30T13:05:12.000Z");
    const tagged = mapOrder(ZShopifyOrder.parse({ ...(fixture("orders-create") as object), tags: "gift, Backordered" }));
    expect(tagged.fulfillmentStatus).toBe("BACKORDERED");
    // a trimmed payload without the lists leaves the stored items and fulfilments alone
    const trimmed = mapOrder(
      ZShopifyOrder.parse({ ...(fixture("orders-create") as object), line_items: undefined, fulfillments: undefined }),
    );
    expect(trimmed.items).toBeUndefined();
    expect(trimmed.fulfillments).toBeUndefined();
  });

  it("maps the delayed fulfilment inside orders/updated", () => {
    const o = ZNormalisedOrder.parse(mapOrder(ZShopifyOrder.parse(fixture("orders-updated"))));
    expect(o.fulfillments).toEqual([
      expect.objectContaining({
        externalId: "255858046",
        status: "IN_TRANSIT",
        carrier: "UPS",
        trackingNumber: "1Z2345678901234567",
        trackingUrl: "https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1Z2345678901234567",
        delayed: true,
        delayReason: "The carrier reported a delay",
      }),
    ]);
  });
});

describe("mapFulfillment", () => {
  it("maps fulfillments/create (shipped, no carrier events yet) and fulfillments/update (delivered)", () => {
    const created = ZNormalisedFulfillment.parse(mapFulfillment(ZShopifyFulfillment.parse(fixture("fulfillments-create"))));
    expect(created).toMatchObject({ externalId: "255858046", status: "IN_TRANSIT", delayed: false, carrier: "UPS" });
    expect(created.shippedAt?.toISOString()).toBe("2025-11-29T16:02:45.000Z");
    const updated = ZNormalisedFulfillment.parse(mapFulfillment(ZShopifyFulfillment.parse(fixture("fulfillments-update"))));
    expect(updated).toMatchObject({ status: "DELIVERED", delayed: false });
    expect(updated.deliveredAt?.toISOString()).toBe("2025-12-05T19:21:09.000Z");
  });

  it("maps every documented shipment status", () => {
    const of = (status: string | null, shipment: string | null) =>
      mapShipment(ZShopifyFulfillment.parse({ id: 1, status, shipment_status: shipment }));
    expect(of("success", "label_printed")).toEqual({ status: "LABEL_CREATED", delayReason: null });
    expect(of("success", "label_purchased").status).toBe("LABEL_CREATED");
    expect(of("success", "confirmed").status).toBe("IN_TRANSIT");
    expect(of("success", "carrier_picked_up").status).toBe("IN_TRANSIT");
    expect(of("success", "in_transit").status).toBe("IN_TRANSIT");
    expect(of("success", "out_for_delivery").status).toBe("OUT_FOR_DELIVERY");
    expect(of("success", "ready_for_pickup").status).toBe("OUT_FOR_DELIVERY");
    expect(of("success", "delivered").status).toBe("DELIVERED");
    expect(of("success", "picked_up").status).toBe("DELIVERED");
    expect(of("success", "delayed")).toEqual({ status: "IN_TRANSIT", delayReason: "The carrier reported a delay" });
    expect(of("success", "attempted_delivery")).toMatchObject({ status: "EXCEPTION" });
    expect(of("success", "failure")).toMatchObject({ status: "EXCEPTION" });
    expect(of("cancelled", "in_transit").status).toBe("CANCELLED");
    expect(of("failure", null).status).toBe("EXCEPTION");
    expect(of("pending", null).status).toBe("UNFULFILLED");
    expect(of("success", "something_new").status).toBe("IN_TRANSIT");
  });

  it("an ETA already past when Shopify last updated the parcel marks it delayed", () => {
    const f = mapFulfillment(
      ZShopifyFulfillment.parse({
        id: 2,
        status: "success",
        shipment_status: "in_transit",
        estimated_delivery_at: "2025-12-01T12:00:00Z",
        updated_at: "2025-12-03T12:00:00Z",
      }),
    );
    expect(f).toMatchObject({ delayed: true, delayReason: "Past the estimated delivery date" });
  });
});

describe("mapCustomer", () => {
  it("maps the customers fixtures (name, email, phone, tags)", () => {
    expect(ZNormalisedCustomer.parse(mapCustomer(ZShopifyCustomer.parse(fixture("customers-create"))))).toMatchObject({
      externalId: "706405506930370084",
      email: "bob@biller.com",
      phone: null,
      name: "Bob Biller",
      tags: [],
    });
    expect(mapCustomer(ZShopifyCustomer.parse(fixture("customers-update")))).toMatchObject({
      phone: "+16135551111",
      tags: ["VIP", "wholesale"],
    });
  });
});
