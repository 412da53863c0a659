import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type { EmailAddress } from "./types";

/**
 * The customer behind an address in this workspace, created on first contact. Runs outside the message transaction
 * (and retries on the unique identity) so two first emails from the same person at once make one customer.
 */
export async function resolveCustomer(db: Db, workspaceId: string, sender: EmailAddress | null): Promise<string> {
  if (!sender) {
    const c = await db.customer.create({ data: { workspaceId, name: "Unknown sender" }, select: { id: true } });
    return c.id;
  }
  const address = sender.address.trim().toLowerCase();
  const name = sender.name?.trim() || null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const identity = await db.customerIdentity.findUnique({
      where: { workspaceId_channelKind_address: { workspaceId, channelKind: "EMAIL", address } },
      select: { customer: { select: { id: true, name: true, email: true, mergedIntoId: true } } },
    });
    if (identity) {
      const c = identity.customer;
      const id = c.mergedIntoId ?? c.id;
      // the name fills an empty customer name; a name an agent typed is never overwritten
      if (name && !c.name && !c.mergedIntoId) await db.customer.updateMany({ where: { id, name: null }, data: { name } });
      if (!c.email && !c.mergedIntoId) await db.customer.updateMany({ where: { id, email: null }, data: { email: address } });
      return id;
    }
    try {
      const created = await db.customer.create({
        data: {
          workspaceId,
          name,
          email: address,
          identities: { create: { workspaceId, channelKind: "EMAIL", address, displayName: name } },
        },
        select: { id: true },
      });
      return created.id;
    } catch (err) {
      if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")) throw err;
      // someone created it in the meantime: read theirs
    }
  }
  throw new Error(`Could not resolve the customer for ${address}`);
}
