import { describe, expect, it } from "vitest";
import { rowValidator } from "./rows";
import * as v from "./values";

const value = <T>(p: v.Parsed<T>) => (p.ok ? p.value : `ERR ${p.reason}`);

describe("cell parsers", () => {
  it("dates: ISO 8601, Shopify's offset format, date only; nothing ambiguous or impossible", () => {
    const iso = (s: string) => {
      const r = v.parseDate(s);
      return r.ok ? r.value.toISOString() : `ERR ${r.reason}`;
    };
    expect(iso("2025-11-28")).toBe("2025-11-28T00:00:00.000Z");
    expect(iso("2025-11-28T14:05:00Z")).toBe("2025-11-28T14:05:00.000Z");
    expect(iso("2025-11-28 14:05:00 -0500")).toBe("2025-11-28T19:05:00.000Z");
    expect(iso("2025-11-28T14:05:30.250+01:00")).toBe("2025-11-28T13:05:30.250Z");
    expect(iso("2025/11/28 09:00")).toBe("2025-11-28T09:00:00.000Z");
    expect(iso("yesterday")).toBe("ERR 'yesterday' is not a date (use YYYY-MM-DD or ISO 8601, e.g. 2025-11-28T14:05:00Z)");
    expect(iso("11/28/2025")).toMatch(/^ERR '11\/28\/2025' is not a date/);
    expect(iso("2025-02-30")).toMatch(/^ERR '2025-02-30' is not a date/);
    expect(iso("2025-11-28T25:00")).toMatch(/^ERR/);
    expect(iso("1899-01-01")).toBe("ERR '1899-01-01' is not a plausible date (year 1899)");
  });

  it("money: exact cents from common spellings", () => {
    expect(value(v.parseMoney("49"))).toBe(4900);
    expect(value(v.parseMoney("49.5"))).toBe(4950);
    expect(value(v.parseMoney("0.07"))).toBe(7);
    expect(value(v.parseMoney("$1,299.99"))).toBe(129999);
    expect(value(v.parseMoney("12,50"))).toBe(1250);
    expect(value(v.parseMoney("USD 12.50"))).toBe(1250);
    expect(value(v.parseMoney("12.50 EUR"))).toBe(1250);
    expect(value(v.parseMoney("19.990"))).toBe(1999);
    expect(value(v.parseMoney("19.999"))).toBe("ERR '19.999' has more than 2 decimals");
    expect(value(v.parseMoney("-5.00"))).toBe("ERR '-5.00' is negative");
    expect(value(v.parseMoney("ten"))).toBe("ERR 'ten' is not an amount (e.g. 12.50)");
    expect(value(v.parseMoney("21474836.47"))).toBe(2147483647);
    expect(value(v.parseMoney("21474836.48"))).toBe("ERR '21474836.48' is too large");
  });

  it("quantities, booleans, emails, phones, currencies, links", () => {
    expect(value(v.parseQuantity("3"))).toBe(3);
    expect(value(v.parseQuantity("2.0"))).toBe(2);
    expect(value(v.parseQuantity("0"))).toMatch(/^ERR/);
    expect(value(v.parseQuantity("1.5"))).toMatch(/^ERR/);
    expect([v.parseBool("Yes"), v.parseBool("n"), v.parseBool("TRUE"), v.parseBool("0")].map(value)).toEqual([true, false, true, false]);
    expect(value(v.parseBool("maybe"))).toBe("ERR 'maybe' is not yes/no");
    expect(value(v.parseEmail(" Maya.Lopez@Example.COM "))).toBe("maya.lopez@example.com");
    expect(value(v.parseEmail("maya@"))).toBe("ERR 'maya@' is not an email address");
    expect(value(v.parsePhone("(555) 555-0142"))).toBe("+15555550142");
    expect(value(v.parsePhone("+47 412 34 567"))).toBe("+4741234567");
    expect(value(v.parsePhone("12"))).toMatch(/^ERR '12' is not a phone number/);
    expect(value(v.parseCurrency("eur"))).toBe("EUR");
    expect(value(v.parseCurrency("€"))).toMatch(/^ERR/);
    expect(value(v.parseUrl("https://www.ups.com/track?tracknum=1Z"))).toBe("https://www.ups.com/track?tracknum=1Z");
    expect(value(v.parseUrl("javascript:alert(1)"))).toBe("ERR 'javascript:alert(1)' is not an http(s) link");
  });

  it("locales, time zones, tags, statuses", () => {
    expect(value(v.parseLocale("en_us"))).toBe("en-US");
    expect(value(v.parseLocale("not a locale"))).toMatch(/^ERR/);
    expect(value(v.parseTimezone("Europe/Paris"))).toBe("Europe/Paris");
    expect(value(v.parseTimezone("Mars/Olympus"))).toBe("ERR 'Mars/Olympus' is not a time zone (e.g. America/New_York)");
    expect(value(v.parseTags("Wholesale; gift card|wholesale"))).toEqual(["wholesale", "gift-card"]);
    expect(value(v.parseOrderStatus("Canceled"))).toBe("CANCELLED");
    expect(value(v.parseFinancialStatus("partially_refunded"))).toBe("PARTIALLY_REFUNDED");
    expect(value(v.parseFulfillmentStatus("In Transit"))).toBe("IN_TRANSIT");
    expect(value(v.parseFulfillmentStatus("fulfilled"))).toBe("IN_TRANSIT");
    expect(value(v.parseFulfillmentStatus("lost"))).toMatch(/^ERR 'lost' is not a fulfilment status/);
  });
});

describe("row validation", () => {
  const orders = rowValidator("orders", { placed_at: "Created at", quantity: "Qty" });

  it("names the file's own header in each reason, one issue per bad cell", () => {
    const r = orders({ order_number: "#1", placed_at: "yesterday", quantity: "0", product: "Mug" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([
        { field: "placed_at", message: "Created at 'yesterday' is not a date (use YYYY-MM-DD or ISO 8601, e.g. 2025-11-28T14:05:00Z)" },
        { field: "quantity", message: "Qty '0' is not a whole number from 1 to 100000" },
      ]);
    }
  });

  it("normalises a good order row; a row with only order-level values carries no item", () => {
    const r = orders({ order_number: " #1 ", email: "A@B.CO", placed_at: "2025-11-28", product: "Mug", price: "4.70" });
    expect(r).toMatchObject({
      ok: true,
      row: { number: "#1", email: "a@b.co", item: { product: "Mug", quantity: 1, price: 470, sku: null } },
    });
    expect(orders({ order_number: "#1", total: "5.00" })).toMatchObject({ ok: true, row: { item: null, total: 500 } });
    expect(orders({ order_number: "#1", quantity: "2" })).toEqual({
      ok: false,
      errors: [{ field: "quantity", message: "Qty is given but Product and SKU are empty" }],
    });
    expect(orders({ order_number: "  " })).toEqual({ ok: false, errors: [{ field: "order_number", message: "Order number is empty" }] });
  });

  it("customers need an email or a phone; first + last name make the name", () => {
    const customers = rowValidator("customers", {});
    expect(customers({ name: "Only a name" })).toEqual({ ok: false, errors: [{ field: "email", message: "needs an Email or a Phone" }] });
    expect(customers({ first_name: "Maya", last_name: "Lopez", phone: "555-555-0100" })).toMatchObject({
      ok: true,
      row: { name: "Maya Lopez", phone: "+15555550100", email: null, tags: [], vip: null },
    });
  });
});
