// Checks that span rows: an order's rows must agree on order-level values; no customer or shipment twice in one file.
import type { ImportKindKey } from "./columns";
import type { CustomerRow, FieldError, FulfillmentRow, OrderLineRow, RawRow, RowByKind } from "./rows";

const INT_MAX = 2_147_483_647;

type Comparable = string | number | boolean | null;
const ORDER_LEVEL: [field: string, get: (r: OrderLineRow) => Comparable][] = [
  ["email", (r) => r.email],
  ["phone", (r) => r.phone],
  ["customer_name", (r) => r.customerName],
  ["placed_at", (r) => r.placedAt?.getTime() ?? null],
  ["status", (r) => r.status],
  ["financial_status", (r) => r.financialStatus],
  ["fulfillment_status", (r) => r.fulfillmentStatus],
  ["currency", (r) => r.currency],
  ["subtotal", (r) => r.subtotal],
  ["shipping", (r) => r.shipping],
  ["tax", (r) => r.tax],
  ["total", (r) => r.total],
  ["cancelled_at", (r) => r.cancelledAt?.getTime() ?? null],
];

type OrderState = {
  ord: number;
  line: number;
  vals: Comparable[];
  raws: (string | undefined)[];
  at: number[];
  itemSum: number;
  items: number;
};

export type LateError = FieldError & { line: number };

/** Per-file memory of what was seen (one small entry per order / customer key / shipment, not per row). */
export class CrossRowChecker {
  private orders = new Map<string, OrderState>();
  private keys = new Map<string, number>();
  /** fulfilments: order number → the lines naming it (checked against the database afterwards) */
  readonly orderLines = new Map<string, number[]>();

  constructor(
    private readonly kind: ImportKindKey,
    private readonly label: (field: string) => string,
  ) {}

  get orderCount(): number {
    return this.kind === "orders" ? this.orders.size : this.orderLines.size;
  }

  /** → the row's ordinal (orders: of its order, in order of first appearance) or the errors it causes. */
  check<K extends ImportKindKey>(line: number, row: RowByKind[K], raw: RawRow): { ord: number } | { errors: FieldError[] } {
    if (this.kind === "orders") return this.order(line, row as OrderLineRow, raw);
    if (this.kind === "customers") return this.customer(line, row as CustomerRow);
    return this.fulfillment(line, row as FulfillmentRow);
  }

  private order(line: number, r: OrderLineRow, raw: RawRow): { ord: number } | { errors: FieldError[] } {
    let s = this.orders.get(r.number);
    if (!s) {
      s = { ord: this.orders.size, line, vals: ORDER_LEVEL.map(() => null), raws: [], at: [], itemSum: 0, items: 0 };
      this.orders.set(r.number, s);
    }
    const errors: FieldError[] = [];
    ORDER_LEVEL.forEach(([field, get], i) => {
      const val = get(r);
      if (val === null || !s) return;
      const prev = s.vals[i];
      if (prev === null || prev === undefined) {
        s.vals[i] = val;
        s.raws[i] = raw[field]?.trim();
        s.at[i] = line;
      } else if (prev !== val) {
        const was = s.raws[i] ?? String(prev);
        const now = raw[field]?.trim() ?? String(val);
        errors.push({ field, message: `${this.label(field)} '${now}' differs from '${was}' on line ${s.at[i]} (same order ${r.number})` });
      }
    });
    if (r.item) {
      s.items += 1;
      s.itemSum += r.item.quantity * r.item.price;
      if (s.itemSum > INT_MAX)
        errors.push({ field: "price", message: `the line items of order ${r.number} add up to more than 21,474,836.47` });
    }
    return errors.length ? { errors } : { ord: s.ord };
  }

  private customer(line: number, r: CustomerRow): { ord: number } | { errors: FieldError[] } {
    const errors: FieldError[] = [];
    for (const [field, key] of [
      ["email", r.email],
      ["phone", r.phone],
    ] as const) {
      if (!key) continue;
      const seen = this.keys.get(`${field}:${key}`);
      if (seen !== undefined) errors.push({ field, message: `${this.label(field)} ${key} is also on line ${seen}` });
      else this.keys.set(`${field}:${key}`, line);
    }
    return errors.length ? { errors } : { ord: line };
  }

  private fulfillment(line: number, r: FulfillmentRow): { ord: number } | { errors: FieldError[] } {
    const lines = this.orderLines.get(r.number);
    if (lines) {
      if (lines.length < 50) lines.push(line);
    } else this.orderLines.set(r.number, [line]);
    const key = `${r.number}\u0000${r.trackingNumber ? `t:${r.trackingNumber}` : r.externalId ? `i:${r.externalId}` : "-"}`;
    const seen = this.keys.get(key);
    if (seen !== undefined)
      return { errors: [{ field: "tracking_number", message: `the same shipment of order ${r.number} is also on line ${seen}` }] };
    this.keys.set(key, line);
    return { ord: line };
  }

  /** After the last row: orders that never got a placed-at date, totals that overflow. */
  finish(): LateError[] {
    if (this.kind !== "orders") return [];
    const late: LateError[] = [];
    const at = (field: string) => ORDER_LEVEL.findIndex(([f]) => f === field);
    for (const [number, s] of this.orders) {
      if (s.vals[at("placed_at")] === null) {
        late.push({ line: s.line, field: "placed_at", message: `${this.label("placed_at")} is empty on every row of order ${number}` });
      }
      const n = (f: string) => Number(s.vals[at(f)] ?? 0);
      const total = s.vals[at("total")] ?? (s.vals[at("subtotal")] === null ? s.itemSum : n("subtotal")) + n("shipping") + n("tax");
      if (Number(total) > INT_MAX)
        late.push({ line: s.line, field: "total", message: `the total of order ${number} is more than 21,474,836.47` });
    }
    return late;
  }

  summary(): Record<string, number> {
    if (this.kind === "orders") {
      let items = 0;
      for (const s of this.orders.values()) items += s.items;
      return { orders: this.orders.size, lineItems: items };
    }
    if (this.kind === "fulfillments") return { orders: this.orderLines.size };
    return {};
  }
}
