import { describe, expect, it } from "vitest";
import { FIELDS, IMPORT_KINDS, detectKind, mapHeaders, normaliseHeader, templateRows } from "./columns";

describe("header mapping", () => {
  it("normalises spelling, case, punctuation and '#'", () => {
    expect(normaliseHeader("E-mail Address ")).toBe("e mail address");
    expect(normaliseHeader("Order #")).toBe("order number");
    expect(normaliseHeader("Order No")).toBe("order number");
    expect(normaliseHeader("\uFEFFLineitem_quantity")).toBe("lineitem quantity");
    expect(normaliseHeader("Fulfilment Status")).toBe("fulfillment status");
  });

  it("maps aliases case-insensitively and reports what it ignores", () => {
    const m = mapHeaders("customers", ["Email Address", "PHONE NUMBER", "Full name", "Notes", "email", ""]);
    // "email" is the better alias of the two email columns: its value wins when both are filled
    expect(m.fields).toEqual({ email: [4, 0], phone: [1], name: [2] });
    expect(m.columns.map((c) => [c.header, c.field, c.note ?? null])).toEqual([
      ["Email Address", "email", null],
      ["PHONE NUMBER", "phone", null],
      ["Full name", "name", null],
      ["Notes", null, "not imported"],
      ["email", "email", null],
      ["", null, "empty header: ignored"],
    ]);
    // two spellings of one field: both kept, the better alias first (its non-blank value wins per row)
    expect(mapHeaders("orders", ["Billing Phone", "Phone"]).fields.phone).toEqual([1, 0]);
  });

  it("a header repeated verbatim is ignored, and a missing required column is reported", () => {
    const m = mapHeaders("orders", ["Order", "Order", "Product"]);
    expect(m.columns[1]).toMatchObject({ field: null, note: "same as column 1: ignored" });
    expect(m.missing).toEqual(["placed_at"]);
  });

  it("reads Shopify's order export headers", () => {
    const m = mapHeaders("orders", [
      "Name",
      "Email",
      "Created at",
      "Lineitem quantity",
      "Lineitem name",
      "Lineitem price",
      "Lineitem sku",
      "Billing Name",
      "Taxes",
    ]);
    expect(m.missing).toEqual([]);
    expect(Object.keys(m.fields).sort()).toEqual([
      "customer_name",
      "email",
      "order_number",
      "placed_at",
      "price",
      "product",
      "quantity",
      "sku",
      "tax",
    ]);
  });
});

describe("kind detection", () => {
  it("tells customers, orders and fulfilments apart", () => {
    expect(detectKind(["Name", "Email", "Tags"])).toBe("customers");
    expect(detectKind(["First Name", "Last Name", "Phone"])).toBe("customers");
    expect(detectKind(["Name", "Email", "Created at", "Lineitem name"])).toBe("orders");
    expect(detectKind(["Order number", "Carrier", "Tracking number", "Status"])).toBe("fulfillments");
    expect(detectKind(["Order", "Placed at", "Product", "Tracking number"])).toBe("orders");
    expect(detectKind(["Foo", "Bar"])).toBeNull();
    expect(detectKind(["Order number", "Status"])).toBeNull();
  });

  it("every template maps back to its own kind with no required column missing", () => {
    for (const kind of IMPORT_KINDS) {
      const [header] = templateRows(kind);
      expect(detectKind(header ?? []), kind).toBe(kind);
      const m = mapHeaders(kind, header ?? []);
      expect(m.missing).toEqual([]);
      expect(
        m.columns.every((c) => c.field),
        kind,
      ).toBe(true);
      expect(Object.keys(m.fields).length).toBe(FIELDS[kind].filter((f) => f.key !== "first_name" && f.key !== "last_name").length);
    }
  });
});
