import { randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { can, type Actor } from "../auth/actor";
import { decryptSecret, encryptSecret } from "../lib/crypto";
import { AppError } from "../lib/errors";
import { decodeCursor, encodeCursor } from "../inbox/cursor";
import type { IntegrationEventPage, IntegrationList, IntegrationSummary, ListIntegrationEventsInput } from "./commerce.schemas";
import {
  findIntegrationEvents,
  findWorkspaceIntegrations,
  insertIntegrationAudit,
  integrationInWorkspace,
  lockIntegrationSecret,
  storeIntegrationSecret,
  type IntegrationRow,
} from "./integrations.repository";

/** Settings → Integrations: the workspace's commerce integrations, their endpoints, secret and recent deliveries. */

export const shopifyWebhookPath = (id: string) => `/api/integrations/shopify/${id}`;
export const ordersApiPath = (id: string) => `/api/integrations/orders/${id}`;

/** 32 random bytes, URL-safe: pasted into Shopify (webhook signing) or an API client (Bearer). */
export const newIntegrationSecret = () => `sbk_${randomBytes(32).toString("base64url")}`;

function toSummary(r: IntegrationRow): IntegrationSummary {
  return {
    ...r,
    webhookPath: r.kind === "SHOPIFY" ? shopifyWebhookPath(r.id) : null,
    apiPath: ordersApiPath(r.id),
  };
}

export async function listIntegrations(db: Db, actor: Actor): Promise<IntegrationList> {
  const rows = await findWorkspaceIntegrations(db, actor.workspaceId);
  return { items: rows.map(toSummary), canManage: can(actor, "integrations.manage") };
}

/** The secret in clear, for an admin to paste into the shop: every reveal is audited (who, when). */
export async function revealIntegrationSecret(db: Db, actor: Actor, id: string): Promise<{ secret: string }> {
  return db.$transaction(async (tx) => {
    const row = await lockIntegrationSecret(tx, actor.workspaceId, id);
    if (!row) throw new AppError("NOT_FOUND", "Integration not found");
    if (!row.secretEncrypted) throw new AppError("NOT_FOUND", "This integration has no secret yet: rotate to create one");
    let secret: string;
    try {
      secret = decryptSecret(row.secretEncrypted);
    } catch (cause) {
      throw new AppError("INTERNAL", "The stored secret cannot be read (was NEXTAUTH_SECRET changed?): rotate it", { cause });
    }
    await insertIntegrationAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "integration.secret_revealed",
      targetId: row.id,
      data: { name: row.name },
    });
    return { secret };
  });
}

/** A fresh secret replaces the old one at once (deliveries signed with the old one are refused from now on). */
export async function rotateIntegrationSecret(db: Db, actor: Actor, id: string): Promise<{ secret: string }> {
  const secret = newIntegrationSecret();
  await db.$transaction(async (tx) => {
    const row = await lockIntegrationSecret(tx, actor.workspaceId, id);
    if (!row) throw new AppError("NOT_FOUND", "Integration not found");
    await storeIntegrationSecret(tx, row.id, encryptSecret(secret));
    await insertIntegrationAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "integration.secret_rotated",
      targetId: row.id,
      data: { name: row.name },
    });
  });
  return { secret };
}

/** An integration's latest deliveries (webhooks, API calls), newest first, one keyset page. */
export async function listIntegrationEvents(db: Db, actor: Actor, input: ListIntegrationEventsInput): Promise<IntegrationEventPage> {
  if (!(await integrationInWorkspace(db, actor.workspaceId, input.integrationId))) {
    throw new AppError("NOT_FOUND", "Integration not found");
  }
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await findIntegrationEvents(db, input.integrationId, after, input.limit + 1);
  const page = rows.slice(0, input.limit);
  const prefix = `${input.integrationId}:`;
  const last = page.at(-1);
  return {
    items: page.map(({ externalId, ...r }) => {
      const delivery = externalId.startsWith(prefix) ? externalId.slice(prefix.length) : externalId;
      return { ...r, deliveryId: delivery.startsWith("auto:") ? null : delivery };
    }),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ at: last.receivedAt, id: last.id }) : null,
  };
}
