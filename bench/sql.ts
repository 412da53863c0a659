// SQL building blocks for the bulk generator. Everything here is a constant expression over integers
// (row numbers) produced by generate_series: no user input ever reaches these strings.

/** Deterministic uniform value in [0, 1) for row expression x and stream k (same inputs, same value). */
export function H(x: string, k: number): string {
  return `((hashint8((${x})::bigint * 1000003 + ${k}) & 2147483647)::float8 / 2147483648.0)`;
}

/** Integer in [0, n) from stream k. */
export function pickIndex(x: string, k: number, n: number): string {
  return `floor(${H(x, k)} * ${n})::int`;
}

export type IdSpace = {
  /** ms timestamp in the uuid's time field (rows get t0 + row number: ids sort in insertion order) */
  t0: number;
  /** 15 hex digits unique to this generation run */
  salt: string;
};

/**
 * A valid UUID v7-shaped id: 48-bit time field (t0 + n), version 7, a 3-hex-digit kind, variant 8, salt.
 * Ids are monotonic in n, so the big btree indexes on id fill sequentially (as they do with Prisma's uuid v7).
 */
export function uid(ids: IdSpace, kind: string, n: string): string {
  if (!/^[0-9a-f]{3}$/.test(kind) || !/^[0-9a-f]{15}$/.test(ids.salt)) throw new Error("bad id kind/salt");
  return `(lpad(to_hex(${Math.trunc(ids.t0)}::bigint + (${n})), 12, '0') || '7${kind}8${ids.salt}')::uuid`;
}

/** The order number shown to customers for customer c's first order ("#100042"). */
export function orderNumber(c: string): string {
  return `('#' || (100000 + (${c}))::text)`;
}

/** Customer c's (UPS-style) tracking number, unique per customer. */
export function trackingNumber(c: string): string {
  return `('1Z' || upper(lpad(to_hex(((${c})::bigint * 2654435761) % 4294967296), 8, '0')) || lpad((${c})::text, 8, '0'))`;
}

/** The customer of conversation j (a fixed permutation-like spread over 1..customers). */
export function customerOf(j: string, customers: number): string {
  return `(1 + (((${j})::bigint * 2654435761) % ${customers}))`;
}

export function sqlTimestamp(d: Date): string {
  return `'${d.toISOString().replace("T", " ").replace("Z", "")}'::timestamp(3)`;
}

export function sqlUuid(id: string): string {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new Error(`not a uuid: ${id}`);
  return `'${id}'::uuid`;
}

export type Bound = { text: string; values: unknown[] };
export type ArrayParams = Record<string, { value: unknown[]; type: string }>;

/** Replaces {{name}} with a typed positional parameter, numbering only the arrays the statement uses. */
export function bind(sql: string, arrays: ArrayParams): Bound {
  const values: unknown[] = [];
  const index = new Map<string, number>();
  const text = sql.replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => {
    const a = arrays[name];
    if (!a) throw new Error(`unknown array parameter ${name}`);
    let i = index.get(name);
    if (i === undefined) {
      values.push(a.value);
      i = values.length;
      index.set(name, i);
    }
    return `($${i}::${a.type})`;
  });
  return { text, values };
}

/**
 * Per-conversation message counts that sum exactly to `messages`: conversations are paired and the pair
 * gets avg+d / avg-d messages (d uniform), plus one extra for the first (messages mod conversations).
 */
export function messageCount(j: string, conversations: number, messages: number): string {
  const base = Math.floor(messages / conversations);
  const rem = messages - base * conversations;
  const spread = 2 * base - 1;
  const d = `(${pickIndex(`((${j}) + 1) / 2`, 12, spread)} - ${base - 1})`;
  const signed = `CASE WHEN (${j}) = ${conversations} AND ${conversations} % 2 = 1 THEN 0 WHEN (${j}) % 2 = 1 THEN ${d} ELSE -${d} END`;
  return `(${base} + ${signed} + CASE WHEN (${j}) <= ${rem} THEN 1 ELSE 0 END)`;
}
