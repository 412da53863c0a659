import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createWorkspaceWithRoles, type WorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";
import { decryptSecret, encryptSecret } from "../lib/crypto";

const db = testDb();
const SECRET = "sbk_router_test_secret";
let f: WorkspaceWithRoles;
let shopId: string;
let apiId: string;

beforeAll(async () => {
  f = await createWorkspaceWithRoles(db);
  const workspaceId = f.workspace.id;
  shopId = (
    await db.commerceIntegration.create({ data: { workspaceId, kind: "SHOPIFY", name: "My shop", secretEncrypted: encryptSecret(SECRET) } })
  ).id;
  apiId = (await db.commerceIntegration.create({ data: { workspaceId, kind: "API", name: "ERP bridge" } })).id;
  await db.order.createMany({
    data: [1, 2, 3].map((n) => ({
      workspaceId,
      integrationId: shopId,
      externalId: `o${n}`,
      number: `#R${n}-${randomUUID().slice(0, 6)}`,
      placedAt: new Date(),
    })),
  });
  // 25 deliveries, one a second apart (the list pages on receivedAt, id)
  const base = Date.now() - 60_000;
  await db.inboundEvent.createMany({
    data: Array.from({ length: 25 }, (_, i) => ({
      workspaceId,
      integrationId: shopId,
      provider: "shopify",
      externalId: `${shopId}:wh-${i}`,
      topic: i % 5 === 0 ? "fulfillments/update" : "orders/updated",
      status: i === 24 ? ("FAILED" as const) : ("PROCESSED" as const),
      error: i === 24 ? "Order 1 has not been received yet" : null,
      payload: { sha256: "x", body: {} },
      receivedAt: new Date(base + i * 1000),
    })),
  });
});

describe("commerce integrations procedures", () => {
  it("refuses the wrong roles: volunteers and agents cannot list; only admins reveal or rotate", async () => {
    for (const who of [f.members.volunteer, f.members.agent]) {
      const c = callerAs(who);
      await expect(c.commerce.listIntegrations()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(c.commerce.listIntegrationEvents({ integrationId: shopId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    for (const who of [f.members.agent, f.members.lead, f.members.volunteer]) {
      const c = callerAs(who);
      await expect(c.commerce.revealIntegrationSecret({ id: shopId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(c.commerce.rotateIntegrationSecret({ id: shopId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(callerAs(null).commerce.listIntegrations()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await db.auditLog.count({ where: { workspaceId: f.workspace.id, targetType: "CommerceIntegration" } })).toBe(0);
  });

  it("lists integrations with their endpoints, order counts and last delivery, never a secret", async () => {
    const lead = await callerAs(f.members.lead).commerce.listIntegrations();
    expect(lead.canManage).toBe(false);
    expect(lead.items).toEqual([
      expect.objectContaining({
        id: shopId,
        kind: "SHOPIFY",
        name: "My shop",
        hasSecret: true,
        webhookPath: `/api/integrations/shopify/${shopId}`,
        apiPath: `/api/integrations/orders/${shopId}`,
        orderCount: 3,
      }),
      expect.objectContaining({ id: apiId, kind: "API", hasSecret: false, webhookPath: null, orderCount: 0, lastEventAt: null }),
    ]);
    expect(lead.items[0]?.lastEventAt).toBeInstanceOf(Date);
    expect(JSON.stringify(lead)).not.toContain("secretEncrypted");
    expect((await callerAs(f.members.admin).commerce.listIntegrations()).canManage).toBe(true);
  });

  it("pages an integration's deliveries newest first (keyset); a foreign integration is not found", async () => {
    const c = callerAs(f.members.lead);
    const first = await c.commerce.listIntegrationEvents({ integrationId: shopId, limit: 20 });
    expect(first.items).toHaveLength(20);
    expect(first.items[0]).toMatchObject({
      deliveryId: "wh-24",
      status: "FAILED",
      error: "Order 1 has not been received yet",
      topic: "orders/updated",
    });
    const second = await c.commerce.listIntegrationEvents({ integrationId: shopId, limit: 20, cursor: first.nextCursor });
    expect(second.items.map((e) => e.deliveryId)).toEqual(["wh-4", "wh-3", "wh-2", "wh-1", "wh-0"]);
    expect(second.nextCursor).toBeNull();
    expect((await c.commerce.listIntegrationEvents({ integrationId: apiId })).items).toEqual([]);

    const elsewhere = await createWorkspaceWithRoles(db);
    await expect(callerAs(elsewhere.members.admin).commerce.listIntegrationEvents({ integrationId: shopId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callerAs(elsewhere.members.admin).commerce.revealIntegrationSecret({ id: shopId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(c.commerce.listIntegrationEvents({ integrationId: shopId, cursor: "garbage" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("an admin reveals the secret (audited) and rotates it (the new one replaces the stored one)", async () => {
    const admin = callerAs(f.members.admin);
    expect(await admin.commerce.revealIntegrationSecret({ id: shopId })).toEqual({ secret: SECRET });
    const audit = await db.auditLog.findFirstOrThrow({ where: { workspaceId: f.workspace.id, action: "integration.secret_revealed" } });
    expect(audit).toMatchObject({ actorId: f.members.admin.user.id, targetType: "CommerceIntegration", targetId: shopId });
    expect(JSON.stringify(audit.data)).not.toContain(SECRET);

    const { secret } = await admin.commerce.rotateIntegrationSecret({ id: shopId });
    expect(secret).not.toBe(SECRET);
    expect(secret.length).toBeGreaterThan(40);
    const row = await db.commerceIntegration.findUniqueOrThrow({ where: { id: shopId } });
    expect(decryptSecret(row.secretEncrypted ?? "")).toBe(secret);
    expect(await admin.commerce.revealIntegrationSecret({ id: shopId })).toEqual({ secret });
    expect(
      await db.auditLog.count({ where: { workspaceId: f.workspace.id, action: "integration.secret_rotated", targetId: shopId } }),
    ).toBe(1);

    // an integration without a secret gets its first one by rotating
    await expect(admin.commerce.revealIntegrationSecret({ id: apiId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await admin.commerce.rotateIntegrationSecret({ id: apiId })).secret).toMatch(/^sbk_/);
  });
});
