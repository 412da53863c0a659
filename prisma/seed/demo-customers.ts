// Demo customers with channel identities, customer tags and notes.
import type { ChannelKind, Prisma } from "../../server/db/generated/client";
import { CITIES, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, LOCALES, STREETS, asciiSlug, type City } from "./catalog";
import { CUSTOMER_NOTES } from "./content";
import type { Rng } from "./random";

const MINUTE_MS = 60_000;
const DAY_MIN = 24 * 60;

export type DemoCustomer = {
  id: string;
  first: string;
  name: string;
  email: string | null;
  phone: string | null;
  vip: boolean;
  wholesale: boolean;
  city: City;
  address1: string;
  zip: string;
  /** channel kinds this customer can be reached on (CHAT for anyone with an email) */
  kinds: Set<ChannelKind>;
  /** minutes before now the record was created */
  createdAgo: number;
  row: Prisma.CustomerCreateManyInput;
};

export type CustomerRows = {
  customers: DemoCustomer[];
  identities: Prisma.CustomerIdentityCreateManyInput[];
  customerTags: Prisma.CustomerTagCreateManyInput[];
  notes: Prisma.NoteCreateManyInput[];
};

function uniqueDigits(rng: Rng, seen: Set<string>, length: number, prefix = ""): string {
  for (;;) {
    const value = `${prefix}${rng.digits(length)}`;
    if (!seen.has(value)) {
      seen.add(value);
      return value;
    }
  }
}

export function buildCustomers(
  rng: Rng,
  opts: { workspaceId: string; count: number; now: Date; tagIds: Map<string, string>; noteAuthorIds: readonly string[] },
): CustomerRows {
  const { workspaceId, now } = opts;
  const at = (minutesAgo: number) => new Date(now.getTime() - Math.round(minutesAgo * MINUTE_MS));
  const tagId = (name: string) => {
    const id = opts.tagIds.get(name);
    if (!id) throw new Error(`unknown tag ${name}`);
    return id;
  };
  const phones = new Set<string>();
  const socialIds = new Set<string>();
  const customers: DemoCustomer[] = [];
  const identities: Prisma.CustomerIdentityCreateManyInput[] = [];
  const customerTags: Prisma.CustomerTagCreateManyInput[] = [];
  const notes: Prisma.NoteCreateManyInput[] = [];

  for (let i = 0; i < opts.count; i++) {
    const id = rng.uuid();
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const name = `${first} ${last}`;
    const hasEmail = rng.chance(0.9);
    const email = hasEmail ? `${asciiSlug(first)}.${asciiSlug(last)}${i + 1}@${rng.pick(EMAIL_DOMAINS)}` : null;
    const phone = rng.chance(hasEmail ? 0.65 : 0.8) ? uniqueDigits(rng, phones, 7, "+1555") : null;
    const vip = rng.chance(0.05);
    const wholesale = !vip && rng.chance(0.03);
    const [locale, timezone] = rng.weighted(LOCALES.map(([l, tz, w]) => [[l, tz] as const, w] as const));
    const city = rng.pick(CITIES);
    const address1 = `${rng.int(10, 9800)} ${rng.pick(STREETS)}`;
    const zip = `${city.zip}${String(rng.int(1, 99)).padStart(2, "0")}`;
    const createdAgo = rng.int(62 * DAY_MIN, 720 * DAY_MIN);

    // channel identities: EMAIL for everyone with an email, then 0–2 more (at least one without email)
    const kinds = new Set<ChannelKind>();
    const own: { kind: ChannelKind; address: string }[] = [];
    if (email) own.push({ kind: "EMAIL", address: email });
    const pool: ChannelKind[] = [...(phone ? (["WHATSAPP", "SMS", "WHATSAPP"] as const) : []), "MESSENGER", "INSTAGRAM", "TELEGRAM"];
    const extra = email
      ? rng.weighted([
          [0, 35],
          [1, 45],
          [2, 20],
        ] as const)
      : rng.weighted([
          [1, 60],
          [2, 40],
        ] as const);
    for (const kind of rng.shuffle(pool)) {
      if (own.length - (email ? 1 : 0) >= extra) break;
      if (own.some((o) => o.kind === kind)) continue;
      const address =
        kind === "SMS" || kind === "WHATSAPP"
          ? (phone ?? "")
          : kind === "MESSENGER"
            ? uniqueDigits(rng, socialIds, 16)
            : kind === "INSTAGRAM"
              ? uniqueDigits(rng, socialIds, 17)
              : uniqueDigits(rng, socialIds, 10);
      own.push({ kind, address });
    }
    for (const o of own) {
      kinds.add(o.kind);
      identities.push({
        id: rng.uuid(),
        workspaceId,
        customerId: id,
        channelKind: o.kind,
        address: o.address,
        displayName: o.kind === "INSTAGRAM" ? `${asciiSlug(first)}.${asciiSlug(last)}` : name,
        verified: o.kind !== "EMAIL" || rng.chance(0.6),
        createdAt: at(createdAgo - rng.int(0, 30 * DAY_MIN)),
      });
    }
    if (email) kinds.add("CHAT");

    customers.push({
      id,
      first,
      name,
      email,
      phone,
      vip,
      wholesale,
      city,
      address1,
      zip,
      kinds,
      createdAgo,
      row: {
        id,
        workspaceId,
        name,
        email,
        phone,
        vip,
        locale,
        timezone,
        attributes: wholesale ? { segment: "wholesale" } : vip ? { segment: "vip" } : {},
        createdAt: at(createdAgo),
        updatedAt: at(createdAgo),
      },
    });

    if (vip) customerTags.push({ customerId: id, tagId: tagId("vip"), workspaceId, createdAt: at(createdAgo / 2) });
    if (wholesale) customerTags.push({ customerId: id, tagId: tagId("wholesale"), workspaceId, createdAt: at(createdAgo / 2) });
    if (rng.chance(0.04)) customerTags.push({ customerId: id, tagId: tagId("gift"), workspaceId, createdAt: at(createdAgo / 3) });

    if (vip || wholesale || rng.chance(0.12)) {
      const n = rng.chance(0.25) ? 2 : 1;
      for (let k = 0; k < n; k++) {
        const written = at(rng.int(60, Math.min(createdAgo, 300 * DAY_MIN)));
        notes.push({
          id: rng.uuid(),
          workspaceId,
          customerId: id,
          authorId: rng.pick(opts.noteAuthorIds),
          body: wholesale && k === 0 ? CUSTOMER_NOTES[1] : rng.pick(CUSTOMER_NOTES),
          pinned: k === 0 && (vip || wholesale || rng.chance(0.3)),
          createdAt: written,
          updatedAt: written,
        });
      }
    }
  }
  return { customers, identities, customerTags, notes };
}
