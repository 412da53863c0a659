import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../test/db";
import { createChannel, createCustomer, createMember, createTeam, createWorkspace } from "../../prisma/seed/factories";
import { ingestEmail } from "../channels/email/ingest";
import type { ParsedEmail } from "../channels/email/types";
import { findActor } from "../workspaces/workspaces.repository";
import { startEmail } from "../inbox/start-email";
import { ZNormalisedOrder, type NormalisedOrderInput } from "./commerce.schemas";
import { syncOrderInTx } from "./order-sync";
import { inCommerceTransaction } from "./transaction";
import { productTypeTag } from "./auto-tags";

process.env.SWITCHBOARD_DATA_DIR ??= "/tmp/sb-att";
const db = testDb();
const DAY = 86_400_000;
let ws: { id: string };
let channelId: string;
let integrationId: string;

function mail(from: string): ParsedEmail {
  return {
    messageId: `m.${randomUUID()}@customer.example`,
    inReplyTo: [],
    references: [],
    from: { address: from, name: "Buyer" },
    replyTo: [],
    to: [],
    cc: [],
    subject: "Where is my order?",
    date: new Date(),
    text: "It has not arrived yet.",
    html: null,
    attachments: [],
    headers: {},
  };
}

async function sync(order: NormalisedOrderInput) {
  return inCommerceTransaction(db, ws.id, (tx, emit) =>
    syncOrderInTx(tx, { workspaceId: ws.id, integrationId }, ZNormalisedOrder.parse(order), emit),
  );
}

function order(email: string, over: Partial<NormalisedOrderInput> = {}): NormalisedOrderInput {
  const id = randomUUID().slice(0, 8);
  return {
    externalId: id,
    number: `#T-${id}`,
    financialStatus: "PAID",
    email,
    placedAt: new Date(Date.now() - 3 * DAY).toISOString(),
    items: [
      { externalId: "a", sku: "HOOD-1", productName: "Alpine Hoodie", productType: "Hoodies", quantity: 1, priceCents: 8900 },
      { externalId: "b", sku: "COCOA", productName: "Cocoa Tin", productType: "Food & Drink", quantity: 2, priceCents: 1200 },
      { externalId: "c", sku: "HOOD-2", productName: "Zip Hoodie", productType: "Hoodies", quantity: 1, priceCents: 7900 },
    ],
    fulfillments: [],
    ...over,
  };
}

const tagsOf = async (conversationId: string) =>
  (await db.conversationTag.findMany({ where: { conversationId }, select: { addedById: true, tag: { select: { name: true } } } }))
    .map((t) => `${t.tag.name}${t.addedById ? " (by someone)" : ""}`)
    .sort();

beforeAll(async () => {
  ws = await createWorkspace(db);
  const team = await createTeam(db, { workspaceId: ws.id });
  channelId = (await createChannel(db, { workspaceId: ws.id, kind: "EMAIL", ownerTeamId: team.id })).id;
  integrationId = (await db.commerceIntegration.create({ data: { workspaceId: ws.id, kind: "SHOPIFY", name: "Shop" } })).id;
});

describe("auto-tags from the customer's recent order", () => {
  it("names tags lower-kebab from product types", () => {
    expect(productTypeTag("Food & Drink")).toBe("food-drink");
    expect(productTypeTag("  Gift Card ")).toBe("gift-card");
    expect(productTypeTag("Épicerie fine")).toBe("epicerie-fine");
    expect(productTypeTag("!!!")).toBeNull();
  });

  it("tags a new email conversation of a customer whose parcel is delayed (through the real ingest)", async () => {
    const email = `late-${randomUUID().slice(0, 6)}@example.com`;
    await createCustomer(db, { workspaceId: ws.id, email });
    // an older order first: only the most recent one counts
    await sync(
      order(email, { placedAt: new Date(Date.now() - 20 * DAY).toISOString(), items: [{ productName: "Mug", productType: "Kitchen" }] }),
    );
    await sync(
      order(email, {
        fulfillments: [{ externalId: "p1", status: "EXCEPTION", carrier: "UPS", delayReason: "Attempted delivery" }],
      }),
    );
    // the tag exists already in the workspace (created by hand): reused, not duplicated
    await db.tag.create({ data: { workspaceId: ws.id, name: "hoodies", color: "#123456" } });
    const result = await ingestEmail(db, { channelId, email: mail(email), source: "webhook" });
    expect(result.status).toBe("created");
    const conversationId = result.status === "created" ? result.conversationId : "";
    expect(await tagsOf(conversationId)).toEqual(["delayed-order", "food-drink", "hoodies"]);
    expect(await db.tag.count({ where: { workspaceId: ws.id, name: "hoodies" } })).toBe(1);
    expect((await db.tag.findFirstOrThrow({ where: { workspaceId: ws.id, name: "delayed-order" } })).color).toBe("#dc2626");

    // a reply threads into the same conversation: no re-tagging, tags an agent removed stay removed
    await db.conversationTag.deleteMany({ where: { conversationId, tag: { name: "food-drink" } } });
    const first = await db.message.findFirstOrThrow({ where: { conversationId }, select: { externalId: true } });
    const reply = await ingestEmail(db, { channelId, email: { ...mail(email), inReplyTo: [first.externalId ?? ""] }, source: "webhook" });
    expect(reply.status).toBe("threaded");
    expect(await tagsOf(conversationId)).toEqual(["delayed-order", "hoodies"]);
  });

  it("tags backordered orders; an order older than 60 days or a customer without orders tags nothing", async () => {
    const waiting = `stock-${randomUUID().slice(0, 6)}@example.com`;
    await createCustomer(db, { workspaceId: ws.id, email: waiting });
    await sync(order(waiting, { fulfillmentStatus: "BACKORDERED", items: [{ productName: "Sled", productType: "Toys" }] }));
    const r1 = await ingestEmail(db, { channelId, email: mail(waiting), source: "webhook" });
    expect(await tagsOf(r1.status === "created" ? r1.conversationId : "")).toEqual(["backordered", "toys"]);

    const old = `old-${randomUUID().slice(0, 6)}@example.com`;
    await createCustomer(db, { workspaceId: ws.id, email: old });
    await sync(order(old, { placedAt: new Date(Date.now() - 61 * DAY).toISOString() }));
    const r2 = await ingestEmail(db, { channelId, email: mail(old), source: "webhook" });
    expect(await tagsOf(r2.status === "created" ? r2.conversationId : "")).toEqual([]);

    const r3 = await ingestEmail(db, { channelId, email: mail(`new-${randomUUID().slice(0, 6)}@example.com`), source: "webhook" });
    expect(r3.status).toBe("created");
    expect(await tagsOf(r3.status === "created" ? r3.conversationId : "")).toEqual([]);
  });

  it("a Shopify line item without a product type takes the type last stored for its SKU", async () => {
    const email = `sku-${randomUUID().slice(0, 6)}@example.com`;
    await sync(order(email, { items: [{ sku: "HOOD-1", productName: "Alpine Hoodie" }] }));
    const stored = await db.orderItem.findFirstOrThrow({ where: { workspaceId: ws.id, order: { email }, sku: "HOOD-1" } });
    expect(stored.productType).toBe("Hoodies");
  });

  it("tags a conversation an agent starts with New email", async () => {
    const email = `out-${randomUUID().slice(0, 6)}@example.com`;
    await createCustomer(db, { workspaceId: ws.id, email });
    await sync(order(email, { fulfillments: [{ externalId: "z", status: "IN_TRANSIT", delayed: true }] }));
    const agent = await createMember(db, { workspaceId: ws.id, role: "AGENT" });
    const actor = await findActor(db, agent.user.id, ws.id);
    if (!actor) throw new Error("no actor");
    const started = await startEmail(db, actor, { channelId, to: email, subject: "About your order", text: "Checking in" });
    expect(await tagsOf(started.conversationId)).toEqual(["delayed-order", "food-drink", "hoodies"]);
  });
});
