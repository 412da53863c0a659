import { z } from "zod";

export const CUSTOMER_SORTS = ["recent", "name", "created"] as const;
export const ZCustomerSort = z.enum(CUSTOMER_SORTS);
export type CustomerSort = z.infer<typeof ZCustomerSort>;

/** The directory's filters: shared by the list, the CSV export and the page's URL. */
export const ZCustomerFilters = z.object({
  /** name, email, phone (any formatting: digits are compared), channel address or order number */
  q: z.string().trim().max(200, "Search for at most 200 characters").optional(),
  /** customers carrying ALL of these tags */
  tagIds: z.array(z.uuid()).max(10).optional(),
  vip: z.boolean().optional(),
  /** an open order with a delayed fulfilment or on backorder */
  hasDelayedOrder: z.boolean().optional(),
  lastContact: z
    .object({ from: z.coerce.date().optional(), to: z.coerce.date().optional() })
    .refine((r) => !r.from || !r.to || r.from <= r.to, { message: "The range starts after it ends", path: ["from"] })
    .optional(),
  sort: ZCustomerSort.default("recent"),
});
export type CustomerFilters = z.output<typeof ZCustomerFilters>;

export const ZListCustomersInput = ZCustomerFilters.extend({
  /** opaque keyset cursor returned as nextCursor (only valid for the same sort) */
  cursor: z.string().max(300).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListCustomersInput = z.input<typeof ZListCustomersInput>;

const flag = z.enum(["1", "0", "true", "false"]).transform((v) => v === "1" || v === "true");
const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/**
 * The export's query string (?q=&tag=…&tag=…&vip=1&delayed=1&from=&to=&sort=) → the same filters as the list.
 * Takes the URLSearchParams' entries, so repeated `tag` keys become tagIds.
 */
export const ZExportQuery = z
  .object({
    q: z.preprocess(emptyToUndefined, z.string().optional()),
    tag: z.array(z.string()).optional(),
    vip: z.preprocess(emptyToUndefined, flag.optional()),
    delayed: z.preprocess(emptyToUndefined, flag.optional()),
    from: z.preprocess(emptyToUndefined, z.string().optional()),
    to: z.preprocess(emptyToUndefined, z.string().optional()),
    sort: z.preprocess(emptyToUndefined, ZCustomerSort.optional()),
  })
  .transform((p): z.input<typeof ZCustomerFilters> => ({
    q: p.q,
    tagIds: p.tag,
    vip: p.vip,
    hasDelayedOrder: p.delayed,
    lastContact: p.from || p.to ? { from: p.from, to: p.to } : undefined,
    sort: p.sort,
  }))
  .pipe(ZCustomerFilters);

/** URLSearchParams → the object ZExportQuery parses (repeated keys as arrays where expected). */
export function exportQueryObject(params: URLSearchParams): Record<string, unknown> {
  const tags = params.getAll("tag");
  return {
    q: params.get("q"),
    tag: tags.length ? tags : undefined,
    vip: params.get("vip"),
    delayed: params.get("delayed"),
    from: params.get("from"),
    to: params.get("to"),
    sort: params.get("sort"),
  };
}

/** The filters → the export's query string (the UI builds the download link from its current filters). */
export function exportQueryString(f: Partial<CustomerFilters>): string {
  const p = new URLSearchParams();
  if (f.q) p.set("q", f.q);
  for (const t of f.tagIds ?? []) p.append("tag", t);
  if (f.vip !== undefined) p.set("vip", f.vip ? "1" : "0");
  if (f.hasDelayedOrder !== undefined) p.set("delayed", f.hasDelayedOrder ? "1" : "0");
  if (f.lastContact?.from) p.set("from", f.lastContact.from.toISOString());
  if (f.lastContact?.to) p.set("to", f.lastContact.to.toISOString());
  if (f.sort) p.set("sort", f.sort);
  return p.toString();
}

export const ZTimelineInput = z.object({
  customerId: z.uuid(),
  /** opaque keyset cursor for OLDER entries (the timeline is newest first) */
  cursor: z.string().max(300).nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type TimelineInput = z.input<typeof ZTimelineInput>;

export const ZCustomerIdInput = z.object({ customerId: z.uuid() });
