import type { Db } from "../db/client";
import type { ChannelKind, Prisma } from "../db/generated/client";
import { normalizeEmail, normalizePhone } from "./identity-keys";

type DbOrTx = Db | Prisma.TransactionClient;

export type Contact = { email?: string | null; phone?: string | null; name?: string | null };
export type ResolvedCustomer = { id: string; created: boolean };

/** Phone numbers are identities of the phone channels; a number we learn from an order is kept as an SMS identity. */
const PHONE_KINDS: ChannelKind[] = ["SMS", "WHATSAPP"];
const ATTEMPTS = 3;

/**
 * The customer behind an email address and/or a phone number (orders, imports, platform customers): matched through
 * CustomerIdentity by email first, then phone (both normalised: lower-case email, E.164 phone), following merges to
 * the kept record. What the match did not know yet is added (the other identity if nobody owns it; name, email, phone
 * where empty: a value an agent typed is never overwritten). Nobody matches: the customer is created with its identities.
 *
 * Race-safe inside a transaction too: identities are inserted with ON CONFLICT DO NOTHING (no aborted transaction);
 * when another writer created the same identity first, our just-created customer is deleted and theirs is used.
 * A fixed handful of statements. Returns null when the contact has neither a usable email nor phone.
 */
export async function resolveCustomerByContact(db: DbOrTx, workspaceId: string, contact: Contact): Promise<ResolvedCustomer | null> {
  const email = normalizeEmail(contact.email);
  const phone = normalizePhone(contact.phone);
  const name = contact.name?.trim().slice(0, 200) || null;
  if (!email && !phone) return null;

  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const found = await findByIdentity(db, workspaceId, email, phone);
    if (found) {
      await completeCustomer(db, workspaceId, found, { email, phone, name });
      return { id: found.customerId, created: false };
    }
    const created = await db.customer.create({ data: { workspaceId, name, email, phone }, select: { id: true } });
    const wanted = identityRows(workspaceId, created.id, email, phone, name);
    const inserted = await db.customerIdentity.createManyAndReturn({ data: wanted, skipDuplicates: true, select: { channelKind: true } });
    const primary = email ? "EMAIL" : "SMS";
    if (inserted.some((i) => i.channelKind === primary)) return { id: created.id, created: true };
    // someone else created this person in the meantime: drop ours (its identities cascade) and read theirs
    await db.customer.delete({ where: { id: created.id }, select: { id: true } });
  }
  throw new Error(`Could not resolve the customer for ${email ?? phone ?? "?"}`);
}

type Found = {
  customerId: string;
  /** the matched row itself (null when it was merged away: its kept record's fields are not loaded) */
  row: { name: string | null; email: string | null; phone: string | null } | null;
  hasEmail: boolean;
  hasPhone: boolean;
};

async function findByIdentity(db: DbOrTx, workspaceId: string, email: string | null, phone: string | null): Promise<Found | null> {
  const or: Prisma.CustomerIdentityWhereInput[] = [];
  if (email) or.push({ channelKind: "EMAIL", address: email });
  if (phone) or.push({ channelKind: { in: PHONE_KINDS }, address: phone });
  const rows = await db.customerIdentity.findMany({
    where: { workspaceId, OR: or },
    select: { channelKind: true, customer: { select: { id: true, name: true, email: true, phone: true, mergedIntoId: true } } },
    orderBy: { createdAt: "asc" },
  });
  const match = rows.find((r) => r.channelKind === "EMAIL") ?? rows[0];
  if (!match) return null;
  const c = match.customer;
  return {
    customerId: c.mergedIntoId ?? c.id,
    row: c.mergedIntoId ? null : { name: c.name, email: c.email, phone: c.phone },
    hasEmail: rows.some((r) => r.channelKind === "EMAIL"),
    hasPhone: rows.some((r) => r.channelKind !== "EMAIL"),
  };
}

function identityRows(
  workspaceId: string,
  customerId: string,
  email: string | null,
  phone: string | null,
  name: string | null,
): Prisma.CustomerIdentityCreateManyInput[] {
  const rows: Prisma.CustomerIdentityCreateManyInput[] = [];
  if (email) rows.push({ workspaceId, customerId, channelKind: "EMAIL", address: email, displayName: name });
  if (phone) rows.push({ workspaceId, customerId, channelKind: "SMS", address: phone, displayName: name });
  return rows;
}

async function completeCustomer(
  db: DbOrTx,
  workspaceId: string,
  found: Found,
  v: { email: string | null; phone: string | null; name: string | null },
): Promise<void> {
  const missing = identityRows(workspaceId, found.customerId, found.hasEmail ? null : v.email, found.hasPhone ? null : v.phone, v.name);
  // an identity owned by another customer stays theirs (a merge suggestion, not ours to decide)
  if (missing.length) await db.customerIdentity.createMany({ data: missing, skipDuplicates: true });
  const r = found.row;
  const fills = r !== null && ((!r.name && v.name) || (!r.email && v.email) || (!r.phone && v.phone));
  if (fills) {
    // COALESCE in SQL, not the values read above: a name an agent typed a moment ago is kept
    await db.$executeRaw`
      UPDATE "Customer" SET name = COALESCE(name, ${v.name}), email = COALESCE(email, ${v.email}),
        phone = COALESCE(phone, ${v.phone}), "updatedAt" = now()
      WHERE id = ${found.customerId}::uuid AND "workspaceId" = ${workspaceId}::uuid`;
  }
}
