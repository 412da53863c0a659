import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { isUniqueViolation } from "./errors";
import { PREPARED, queryRows } from "../../db/sql";
import { uuid7 } from "../../lib/uuid7";
import type { SenderIdentity } from "./ingest.repository";
import type { EmailAddress } from "./types";

/**
 * The customer behind an address in this workspace, created on first contact. Runs outside any message transaction
 * (and retries on the unique identity) so two first emails from the same person at once make one customer.
 */
export async function resolveCustomer(db: Db, workspaceId: string, sender: EmailAddress | null): Promise<string> {
  const known = sender ? await findIdentity(db, workspaceId, sender.address.trim().toLowerCase()) : null;
  const { customerId, fill } = await resolveSender(db, workspaceId, sender, known);
  if (fill?.name) await db.customer.updateMany({ where: { id: customerId, name: null }, data: { name: fill.name } });
  if (fill && !known?.email) await db.customer.updateMany({ where: { id: customerId, email: null }, data: { email: fill.email } });
  return customerId;
}

/**
 * resolveCustomer for ingest: `known` is the identity its read already found (most senders have written before: no
 * statement at all then). Returns the customer and, when the sender may fill its empty name/email, what to fill (the
 * message write does that, in the same statement).
 */
export async function resolveSender(
  db: Db,
  workspaceId: string,
  sender: EmailAddress | null,
  known: SenderIdentity | null,
): Promise<{ customerId: string; fill: { name: string | null; email: string } | null }> {
  const now = new Date();
  if (!sender) {
    const rows = await queryRows<{ id: string }>(
      db,
      Prisma.sql`${PREPARED}
      INSERT INTO "Customer" (id, "workspaceId", name, "createdAt", "updatedAt")
      VALUES (${uuid7()}::uuid, ${workspaceId}::uuid, 'Unknown sender', ${now}::timestamp(3), ${now}::timestamp(3))
      RETURNING id`,
    );
    return { customerId: rows[0]!.id, fill: null };
  }
  const address = sender.address.trim().toLowerCase();
  const name = sender.name?.trim() || null;
  let identity = known;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (identity) {
      // a merged customer's messages go to the one it was merged into; the name fills an empty customer name, a name an
      // agent typed is never overwritten
      if (identity.mergedIntoId) return { customerId: identity.mergedIntoId, fill: null };
      return { customerId: identity.customerId, fill: { name, email: address } };
    }
    try {
      const rows = await queryRows<{ customerId: string }>(
        db,
        Prisma.sql`${PREPARED}
        WITH c AS (
          INSERT INTO "Customer" (id, "workspaceId", name, email, "createdAt", "updatedAt")
          VALUES (${uuid7()}::uuid, ${workspaceId}::uuid, ${name}::text, ${address}, ${now}::timestamp(3), ${now}::timestamp(3))
          RETURNING id
        )
        INSERT INTO "CustomerIdentity" (id, "workspaceId", "customerId", "channelKind", address, "displayName", "createdAt")
        SELECT ${uuid7()}::uuid, ${workspaceId}::uuid, c.id, 'EMAIL', ${address}, ${name}::text, ${now}::timestamp(3) FROM c
        RETURNING "customerId"`,
      );
      return { customerId: rows[0]!.customerId, fill: null };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // someone created it in the meantime (the whole statement rolled back): read theirs
      identity = await findIdentity(db, workspaceId, address);
    }
  }
  throw new Error(`Could not resolve the customer for ${address}`);
}

async function findIdentity(db: Db, workspaceId: string, address: string): Promise<SenderIdentity | null> {
  const row = await db.customerIdentity.findUnique({
    where: { workspaceId_channelKind_address: { workspaceId, channelKind: "EMAIL", address } },
    select: { customer: { select: { id: true, name: true, email: true, mergedIntoId: true } } },
  });
  const c = row?.customer;
  return c ? { customerId: c.id, name: c.name, email: c.email, mergedIntoId: c.mergedIntoId } : null;
}
