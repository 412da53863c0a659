// Test data for the directory, timeline and merge tests: customers with identities, tags, orders (delayed or
// not) and conversations, written straight to the database with explicit times so orders are predictable.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import type { ChannelKind, FulfillmentStatus, OrderEventKind } from "../db/generated/enums";

export async function addIdentity(db: Db, c: { workspaceId: string; customerId: string }, channelKind: ChannelKind, address: string) {
  return db.customerIdentity.create({ data: { workspaceId: c.workspaceId, customerId: c.customerId, channelKind, address } });
}

export async function addTag(db: Db, workspaceId: string, customerId: string, name: string) {
  const tag = await db.tag.upsert({
    where: { workspaceId_name: { workspaceId, name } },
    create: { workspaceId, name, color: "#0ea5e9" },
    update: {},
  });
  await db.customerTag.create({ data: { workspaceId, customerId, tagId: tag.id } });
  return tag;
}

/** An order with one fulfilment (unless unfulfilled / backordered) and the given events (default PLACED + SHIPPED). */
export async function addOrder(
  db: Db,
  opts: {
    workspaceId: string;
    customerId: string;
    number?: string;
    placedAt?: Date;
    status?: "OPEN" | "CLOSED" | "CANCELLED";
    fulfillmentStatus?: FulfillmentStatus;
    delayed?: boolean;
    delivered?: boolean;
    events?: { kind: OrderEventKind; at: Date; data?: Record<string, string> }[];
  },
) {
  const placedAt = opts.placedAt ?? new Date();
  const fulfillmentStatus = opts.fulfillmentStatus ?? (opts.delivered ? "DELIVERED" : "IN_TRANSIT");
  return db.order.create({
    data: {
      workspaceId: opts.workspaceId,
      customerId: opts.customerId,
      number: opts.number ?? `#T${randomUUID().slice(0, 8)}`,
      status: opts.status ?? "OPEN",
      fulfillmentStatus,
      totalCents: 4200,
      placedAt,
      fulfillments:
        fulfillmentStatus === "UNFULFILLED" || fulfillmentStatus === "BACKORDERED"
          ? undefined
          : {
              create: {
                workspaceId: opts.workspaceId,
                status: fulfillmentStatus,
                carrier: "UPS",
                trackingNumber: `1Z${randomUUID().slice(0, 10)}`,
                delayed: opts.delayed ?? false,
                delayReason: opts.delayed ? "Weather" : null,
                deliveredAt: opts.delivered ? new Date() : null,
              },
            },
      events: {
        create: (opts.events ?? [{ kind: "PLACED", at: placedAt }]).map((e) => ({
          workspaceId: opts.workspaceId,
          kind: e.kind,
          occurredAt: e.at,
          data: e.data ?? {},
        })),
      },
    },
    select: { id: true, number: true },
  });
}

export const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
