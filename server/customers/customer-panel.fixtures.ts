// Test data for the customer panel and order-action tests: orders with items, fulfilments and timelines,
// and many conversations inserted in bulk (no per-row transactions, so 200 rows stay fast).
import type { Db } from "../db/client";
import type { FulfillmentStatus } from "../db/generated/enums";

let orderSeq = 0;

export async function createOrder(
  db: Db,
  opts: {
    workspaceId: string;
    customerId: string | null;
    placedAt?: Date;
    totalCents?: number;
    currency?: string;
    status?: "OPEN" | "CLOSED" | "CANCELLED";
    financialStatus?: "PAID" | "REFUNDED";
    fulfillmentStatus?: FulfillmentStatus;
    delayed?: boolean;
    items?: number;
  },
) {
  orderSeq += 1;
  const number = `#T${Date.now().toString(36)}${orderSeq}${Math.random().toString(36).slice(2, 6)}`;
  const tracking = `1Z${orderSeq}${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
  const fulfillmentStatus = opts.fulfillmentStatus ?? (opts.delayed ? "IN_TRANSIT" : "DELIVERED");
  return db.order.create({
    data: {
      workspaceId: opts.workspaceId,
      customerId: opts.customerId,
      number,
      status: opts.status ?? "OPEN",
      financialStatus: opts.financialStatus ?? "PAID",
      fulfillmentStatus,
      currency: opts.currency ?? "USD",
      totalCents: opts.totalCents ?? 5000,
      subtotalCents: opts.totalCents ?? 5000,
      placedAt: opts.placedAt ?? new Date(),
      items: {
        create: Array.from({ length: opts.items ?? 2 }, (_, i) => ({
          workspaceId: opts.workspaceId,
          sku: `SKU-${i + 1}`,
          productName: `Product ${i + 1}`,
          variant: i === 0 ? "Blue / M" : null,
          quantity: i + 1,
          priceCents: 2500,
          imageUrl: `https://cdn.example.com/p${i + 1}.jpg`,
        })),
      },
      fulfillments:
        fulfillmentStatus === "UNFULFILLED" || fulfillmentStatus === "BACKORDERED"
          ? undefined
          : {
              create: {
                workspaceId: opts.workspaceId,
                status: fulfillmentStatus,
                carrier: "UPS",
                trackingNumber: tracking,
                trackingUrl: `https://www.ups.com/track?tracknum=${tracking}`,
                eta: new Date(Date.now() + 2 * 86_400_000),
                delayed: opts.delayed ?? false,
                delayReason: opts.delayed ? "Weather delay in the carrier network" : null,
              },
            },
      events: {
        create: [
          { workspaceId: opts.workspaceId, kind: "PLACED", data: {} },
          { workspaceId: opts.workspaceId, kind: "SHIPPED", data: { carrier: "UPS" } },
        ],
      },
    },
    select: {
      id: true,
      number: true,
      totalCents: true,
      fulfillments: { select: { id: true, trackingNumber: true, trackingUrl: true } },
    },
  });
}

let convSeq = 1_000_000;

/** n conversations of the customer in one INSERT (numbers from a high range, clear of the workspace sequence). */
export async function createConversationsBulk(
  db: Db,
  opts: { workspaceId: string; channelId: string; customerId: string; teamId: string | null; n: number; since?: Date },
) {
  const start = opts.since?.getTime() ?? Date.now() - opts.n * 60_000;
  const rows = Array.from({ length: opts.n }, (_, i) => ({
    workspaceId: opts.workspaceId,
    number: ++convSeq,
    channelId: opts.channelId,
    customerId: opts.customerId,
    teamId: opts.teamId,
    subject: `Bulk conversation ${i + 1}`,
    preview: `Preview ${i + 1}`,
    status: i % 3 === 0 ? ("RESOLVED" as const) : ("OPEN" as const),
    lastMessageAt: new Date(start + i * 60_000),
  }));
  await db.conversation.createMany({ data: rows });
}
