// Header → field mapping and kind detection (pure functions, no Node APIs: the settings UI imports them too).
import { FIELDS, type ImportKindKey } from "./fields";

export { FIELDS, IMPORT_KINDS, type FieldDef, type ImportKindKey } from "./fields";

/** "Order #", "E-mail_Address ", "Lineitem quantity" → "order number", "e mail address", "lineitem quantity". */
export function normaliseHeader(raw: string): string {
  return raw
    .replace(/^\uFEFF/, "")
    .toLowerCase()
    .replace(/#/g, " number ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\bno\b$/, "number")
    .replace(/\bfulfilment\b/g, "fulfillment");
}

export type ColumnMapping = {
  /** one entry per header, in file order */
  columns: { index: number; header: string; field: string | null; note?: string }[];
  /** field → column indexes, best first (the first non-blank value wins: Shopify's Phone / Billing Phone) */
  fields: Record<string, number[]>;
  /** required fields with no column */
  missing: string[];
};

export function mapHeaders(kind: ImportKindKey, headers: readonly string[]): ColumnMapping {
  const defs = FIELDS[kind];
  const rank = new Map<string, { field: string; rank: number }>();
  for (const def of defs) {
    def.aliases.forEach((alias, i) => {
      const key = normaliseHeader(alias);
      if (!rank.has(key)) rank.set(key, { field: def.key, rank: i });
    });
  }
  const seen = new Map<string, number>();
  const hits: { index: number; field: string; rank: number }[] = [];
  const columns: ColumnMapping["columns"] = headers.map((header, index) => {
    const norm = normaliseHeader(header);
    const prev = seen.get(norm);
    if (!norm) return { index, header, field: null, note: "empty header: ignored" };
    if (prev !== undefined) return { index, header, field: null, note: `same as column ${prev + 1}: ignored` };
    seen.set(norm, index);
    const hit = rank.get(norm);
    if (!hit) return { index, header, field: null, note: "not imported" };
    hits.push({ index, ...hit });
    return { index, header, field: hit.field };
  });
  const fields: Record<string, number[]> = {};
  for (const h of hits.sort((a, b) => a.rank - b.rank || a.index - b.index)) (fields[h.field] ??= []).push(h.index);
  const missing = defs.filter((d) => d.required && !fields[d.key]).map((d) => d.key);
  return { columns, fields, missing };
}

/** The kind a file most likely holds, from its headers; null when it is not recognisable. */
export function detectKind(headers: readonly string[]): ImportKindKey | null {
  const score = (kind: ImportKindKey) => {
    const m = mapHeaders(kind, headers);
    return FIELDS[kind].filter((d) => d.distinctive && m.fields[d.key]).length;
  };
  const orders = mapHeaders("orders", headers);
  // "name" alone is a customer's name, not Shopify's order name: order files also carry order-ish columns
  const strongNumber = headers.some((h) => /order|^number$/.test(normaliseHeader(h)));
  if (orders.fields.order_number && (strongNumber || score("orders") + score("fulfillments") > 0)) {
    const o = score("orders");
    const f = score("fulfillments");
    if (o === 0 && f === 0) return null;
    return f > o ? "fulfillments" : "orders";
  }
  const customers = mapHeaders("customers", headers);
  return customers.fields.email || customers.fields.phone ? "customers" : null;
}

export function fieldLabel(kind: ImportKindKey, key: string): string {
  return FIELDS[kind].find((d) => d.key === key)?.label ?? key;
}

/** The downloadable template: every column, one example row (orders: two line items of one order). */
export function templateRows(kind: ImportKindKey): string[][] {
  const defs = FIELDS[kind].filter((d) => d.key !== "first_name" && d.key !== "last_name");
  const rows = [defs.map((d) => d.label), defs.map((d) => d.example)];
  if (kind === "orders") {
    const item: Record<string, string> = {
      order_number: "#1001",
      sku: "MUG-CER-WHT",
      product: "Harbor Mug",
      variant: "White",
      product_type: "Homeware",
      quantity: "2",
      price: "4.70",
    };
    rows.push(defs.map((d) => item[d.key] ?? ""));
  }
  return rows;
}
