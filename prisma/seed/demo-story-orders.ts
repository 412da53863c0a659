// Emma Larsen's orders (see demo-story.ts): an older delivered one and the DELAYED one she writes about.
import type { Prisma } from "../../server/db/generated/client";
import type { Rng } from "./random";

const HOUR = 60;
const DAY = 24 * HOUR;

export const STORY_CUSTOMER = {
  name: "Emma Larsen",
  email: "emma.larsen@fjordmail.example",
  /** a 555-01xx number: reserved for fiction, and outside the random demo phones (+1555…) */
  phone: "+12065550142",
  trackingNumber: "1Z84F2A70392615508",
} as const;
export const STORY_TRACKING_URL = `https://www.ups.com/track?tracknum=${STORY_CUSTOMER.trackingNumber}`;

export function buildStoryOrders(
  rng: Rng,
  ctx: { workspaceId: string; customerId: string; integrationId: string; at: (minutesAgo: number) => Date; nextOrderNumber: number },
) {
  const { workspaceId, customerId, at } = ctx;
  const { name, email, phone } = STORY_CUSTOMER;
  // orders: an older delivered one, and the late one she writes about
  const delayedId = rng.uuid();
  const deliveredId = rng.uuid();
  const delayedNumber = `#${ctx.nextOrderNumber + 1}`;
  const address = { name, address1: "1400 Western Ave, Suite 300", city: "Seattle", province: "WA", zip: "98101", country: "US" };
  const orders: Prisma.OrderCreateManyInput[] = [
    order(deliveredId, `#${ctx.nextOrderNumber}`, 48 * DAY, 12_917, "CLOSED", "DELIVERED"),
    order(delayedId, delayedNumber, 9 * DAY, 21_776, "OPEN", "IN_TRANSIT"),
  ];
  function order(
    id: string,
    number: string,
    ago: number,
    total: number,
    status: "OPEN" | "CLOSED",
    fulfillmentStatus: "DELIVERED" | "IN_TRANSIT",
  ) {
    const tax = Math.round(total * 0.0925);
    return {
      id,
      workspaceId,
      customerId,
      integrationId: ctx.integrationId,
      externalId: `58041${rng.digits(8)}`,
      number,
      status,
      financialStatus: "PAID" as const,
      fulfillmentStatus,
      currency: "USD",
      subtotalCents: total - tax,
      shippingCents: 0,
      taxCents: tax,
      totalCents: total,
      email,
      phone,
      shippingAddress: address,
      placedAt: at(ago),
      createdAt: at(ago),
      updatedAt: at(ago / 2),
    };
  }
  const item = (
    orderId: string,
    sku: string,
    productName: string,
    variant: string | null,
    quantity: number,
    priceCents: number,
    productType: string,
  ) => ({
    id: rng.uuid(),
    workspaceId,
    orderId,
    externalId: `14210${rng.digits(8)}`,
    sku,
    productName,
    variant,
    productType,
    quantity,
    priceCents,
    imageUrl: null,
  });
  const items = [
    item(deliveredId, "APP-SCARF-CASH-OAT", "Cashmere Blend Scarf", "Oatmeal", 1, 5900, "Apparel"),
    item(deliveredId, "HOME-CNDL-PINE", "Pine Forest Soy Candle", null, 2, 2400, "Home"),
    item(delayedId, "APP-SWTR-FAIR-M", "Fair Isle Wool Sweater", "M", 1, 8900, "Apparel"),
    item(delayedId, "GIFT-BOX-LUX", "Holiday Gift Box", null, 2, 4900, "Gifts"),
  ];
  const fulfillments: Prisma.FulfillmentCreateManyInput[] = [
    {
      id: rng.uuid(),
      workspaceId,
      orderId: deliveredId,
      externalId: `46200${rng.digits(8)}`,
      status: "DELIVERED",
      carrier: "USPS",
      trackingNumber: `9400111${rng.digits(15)}`,
      trackingUrl: null,
      shippedAt: at(46 * DAY),
      eta: at(43 * DAY),
      delayed: false,
      delayReason: null,
      deliveredAt: at(43 * DAY),
      createdAt: at(46 * DAY),
      updatedAt: at(43 * DAY),
    },
    {
      id: rng.uuid(),
      workspaceId,
      orderId: delayedId,
      externalId: `46200${rng.digits(8)}`,
      status: "IN_TRANSIT",
      carrier: "UPS",
      trackingNumber: STORY_CUSTOMER.trackingNumber,
      trackingUrl: STORY_TRACKING_URL,
      shippedAt: at(8 * DAY),
      eta: at(2 * DAY),
      delayed: true,
      delayReason: "Held at Louisville Worldport due to holiday volume",
      deliveredAt: null,
      createdAt: at(8 * DAY + 3 * HOUR),
      updatedAt: at(2 * DAY),
    },
  ];
  const ev = (orderId: string, kind: Prisma.OrderEventCreateManyInput["kind"], ago: number, data: Prisma.InputJsonObject) => ({
    id: rng.uuid(),
    workspaceId,
    orderId,
    kind,
    data,
    occurredAt: at(ago),
  });
  const events = [
    ev(deliveredId, "PLACED", 48 * DAY, { source: "web" }),
    ev(deliveredId, "PAID", 48 * DAY - 1, { gateway: "shopify_payments" }),
    ev(deliveredId, "SHIPPED", 46 * DAY, { carrier: "USPS" }),
    ev(deliveredId, "DELIVERED", 43 * DAY, { carrier: "USPS" }),
    ev(delayedId, "PLACED", 9 * DAY, { source: "web" }),
    ev(delayedId, "PAID", 9 * DAY - 1, { gateway: "shopify_payments" }),
    ev(delayedId, "SHIPPED", 8 * DAY, { carrier: "UPS", trackingNumber: STORY_CUSTOMER.trackingNumber, trackingUrl: STORY_TRACKING_URL }),
    ev(delayedId, "DELAYED", 2 * DAY, { reason: "Held at Louisville Worldport due to holiday volume", carrier: "UPS" }),
  ];

  return { orders, items, fulfillments, events, delayedNumber };
}
