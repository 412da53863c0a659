// Cell parsers for imports: each turns a trimmed, non-empty cell into a normalised value or a reason a person can act on.
import type { FinancialStatus, FulfillmentStatus, OrderStatus } from "../../db/generated/enums";
import { normalizeEmail, normalizePhone } from "../../customers/identity-keys";

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (reason: string): Parsed<never> => ({ ok: false, reason });

/** The cell as shown in a message: quoted, cut at 40 characters. */
export function shown(v: string): string {
  return `'${v.length > 40 ? `${v.slice(0, 39)}…` : v}'`;
}

const INT_MAX = 2_147_483_647;

const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS[.fff]] with an optional Z / ±HH[:MM] (UTC when none), ISO 8601. */
export function parseDate(v: string): Parsed<Date> {
  const m = DATE.exec(v);
  const reason = `${shown(v)} is not a date (use YYYY-MM-DD or ISO 8601, e.g. 2025-11-28T14:05:00Z)`;
  if (!m) return bad(reason);
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", zone = "Z"] = m;
  const parts = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  const ms = Date.UTC(...parts, Number(frac.slice(0, 3).padEnd(3, "0")));
  const back = new Date(ms);
  // Date.UTC rolls 2025-02-30 over into March: a round trip catches impossible dates and times
  if (
    back.getUTCMonth() !== parts[1] ||
    back.getUTCDate() !== parts[2] ||
    back.getUTCHours() !== parts[3] ||
    back.getUTCMinutes() !== parts[4]
  ) {
    return bad(reason);
  }
  if (parts[0] < 1970 || parts[0] > 2100) return bad(`${shown(v)} is not a plausible date (year ${parts[0]})`);
  let offsetMin = 0;
  if (!/^(Z|UTC)$/i.test(zone)) {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
    if (!z) return bad(reason);
    offsetMin = (z[1] === "-" ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] ?? 0));
  }
  return ok(new Date(ms - offsetMin * 60_000));
}

/** "12.50", "$1,299.00", "12,50", "USD 12.50" → cents (exact: string arithmetic, never floats). */
export function parseMoney(v: string): Parsed<number> {
  // the common case, "49.00", without the normalising regexes below
  const plain = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(v);
  if (plain) return ok(Number(plain[1]) * 100 + Number((plain[2] ?? "").padEnd(2, "0")));
  let s = v
    .replace(/\s+/g, "")
    .replace(/^[A-Za-z]{3}(?=[\d.,])|(?<=[\d.])[A-Za-z]{3}$/, "")
    .replace(/^[$€£¥]|[$€£¥]$/g, "");
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, "");
  else if (/^\d+,\d{1,2}$/.test(s)) s = s.replace(",", ".");
  if (s.startsWith("-")) return bad(`${shown(v)} is negative`);
  const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return bad(`${shown(v)} is not an amount (e.g. 12.50)`);
  const frac = m[2] ?? "";
  if (frac.length > 2 && /[1-9]/.test(frac.slice(2))) return bad(`${shown(v)} has more than 2 decimals`);
  const cents = Number(m[1]) * 100 + Number(frac.slice(0, 2).padEnd(2, "0"));
  if (!Number.isSafeInteger(cents) || cents > INT_MAX) return bad(`${shown(v)} is too large`);
  return ok(cents);
}

export function parseQuantity(v: string): Parsed<number> {
  const m = /^(\d+)(?:\.0+)?$/.exec(v);
  const n = m ? Number(m[1]) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 100_000) return bad(`${shown(v)} is not a whole number from 1 to 100000`);
  return ok(n);
}

const TRUE = new Set(["yes", "y", "true", "t", "1", "x", "vip"]);
const FALSE = new Set(["no", "n", "false", "f", "0"]);
export function parseBool(v: string): Parsed<boolean> {
  const k = v.toLowerCase();
  if (TRUE.has(k)) return ok(true);
  if (FALSE.has(k)) return ok(false);
  return bad(`${shown(v)} is not yes/no`);
}

export function parseEmail(v: string): Parsed<string> {
  const e = normalizeEmail(v);
  return e && e.length <= 254 ? ok(e) : bad(`${shown(v)} is not an email address`);
}

// libphonenumber is the costliest parser per cell; repeat customers repeat their numbers
const phones = new Map<string, string | null>();
export function parsePhone(v: string): Parsed<string> {
  let p = phones.get(v);
  if (p === undefined) {
    p = normalizePhone(v);
    if (phones.size >= 50_000) phones.clear();
    phones.set(v, p);
  }
  return p ? ok(p) : bad(`${shown(v)} is not a phone number (international numbers need their +country code)`);
}

export const text =
  (max: number) =>
  (v: string): Parsed<string> =>
    v.length <= max ? ok(v) : bad(`is longer than ${max} characters`);

export function parseCurrency(v: string): Parsed<string> {
  return /^[A-Za-z]{3}$/.test(v) ? ok(v.toUpperCase()) : bad(`${shown(v)} is not a 3-letter currency code (e.g. USD)`);
}

export function parseUrl(v: string): Parsed<string> {
  try {
    const u = new URL(v);
    // shown as a link in the customer panel: only web links, never javascript: or data:
    if ((u.protocol === "https:" || u.protocol === "http:") && v.length <= 2000) return ok(u.toString());
  } catch {
    // fall through
  }
  return bad(`${shown(v)} is not an http(s) link`);
}

export function parseLocale(v: string): Parsed<string> {
  try {
    const [canonical] = Intl.getCanonicalLocales(v.replace(/_/g, "-"));
    if (canonical && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(canonical)) return ok(canonical);
  } catch {
    // fall through
  }
  return bad(`${shown(v)} is not a locale (e.g. en-US)`);
}

const zones = new Map<string, string | null>();
export function parseTimezone(v: string): Parsed<string> {
  if (!zones.has(v)) {
    let zone: string | null = null;
    try {
      zone = /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(v)
        ? new Intl.DateTimeFormat("en-US", { timeZone: v }).resolvedOptions().timeZone
        : null;
    } catch {
      zone = null;
    }
    if (zones.size < 5000) zones.set(v, zone);
    else return zone ? ok(zone) : bad(`${shown(v)} is not a time zone (e.g. America/New_York)`);
  }
  const z = zones.get(v);
  return z ? ok(z) : bad(`${shown(v)} is not a time zone (e.g. America/New_York)`);
}

/** Same spelling as tags added in the inbox: lower-case, spaces → dashes. */
export function parseTags(v: string): Parsed<string[]> {
  const tags = [
    ...new Set(
      v
        .split(/[,;|]/)
        .map((t) => t.trim().toLowerCase().replace(/\s+/g, "-"))
        .filter(Boolean),
    ),
  ];
  const long = tags.find((t) => t.length > 50);
  if (long) return bad(`tag ${shown(long)} is longer than 50 characters`);
  if (tags.length > 30) return bad(`has ${tags.length} tags (at most 30)`);
  return ok(tags);
}

const word = (v: string) =>
  v
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();

function enumParser<T extends string>(what: string, table: Record<string, T>, examples: string) {
  return (v: string): Parsed<T> => {
    const hit = table[word(v)];
    return hit ? ok(hit) : bad(`${shown(v)} is not ${what} (${examples})`);
  };
}

export const parseOrderStatus = enumParser<OrderStatus>(
  "an order status",
  {
    open: "OPEN",
    processing: "OPEN",
    pending: "OPEN",
    "on hold": "OPEN",
    closed: "CLOSED",
    archived: "CLOSED",
    completed: "CLOSED",
    complete: "CLOSED",
    cancelled: "CANCELLED",
    canceled: "CANCELLED",
  },
  "open, closed, cancelled",
);

export const parseFinancialStatus = enumParser<FinancialStatus>(
  "a financial status",
  {
    paid: "PAID",
    pending: "PENDING",
    unpaid: "PENDING",
    "partially paid": "PENDING",
    authorized: "AUTHORIZED",
    authorised: "AUTHORIZED",
    "partially refunded": "PARTIALLY_REFUNDED",
    "partial refund": "PARTIALLY_REFUNDED",
    refunded: "REFUNDED",
    voided: "VOIDED",
    void: "VOIDED",
  },
  "paid, pending, authorized, partially refunded, refunded, voided",
);

export const parseFulfillmentStatus = enumParser<FulfillmentStatus>(
  "a fulfilment status",
  {
    unfulfilled: "UNFULFILLED",
    "not shipped": "UNFULFILLED",
    pending: "UNFULFILLED",
    backordered: "BACKORDERED",
    "back ordered": "BACKORDERED",
    "on backorder": "BACKORDERED",
    "label created": "LABEL_CREATED",
    "label printed": "LABEL_CREATED",
    "label purchased": "LABEL_CREATED",
    confirmed: "LABEL_CREATED",
    "pre transit": "LABEL_CREATED",
    "in transit": "IN_TRANSIT",
    shipped: "IN_TRANSIT",
    fulfilled: "IN_TRANSIT",
    partial: "IN_TRANSIT",
    "partially fulfilled": "IN_TRANSIT",
    "partially shipped": "IN_TRANSIT",
    "out for delivery": "OUT_FOR_DELIVERY",
    delivered: "DELIVERED",
    exception: "EXCEPTION",
    failure: "EXCEPTION",
    "attempted delivery": "EXCEPTION",
    returned: "RETURNED",
    "return to sender": "RETURNED",
    cancelled: "CANCELLED",
    canceled: "CANCELLED",
  },
  "unfulfilled, backordered, label created, in transit, out for delivery, delivered, exception, returned, cancelled",
);
