import { authorizedProcedure, router } from "../trpc/init";
import { ZIntegrationIdInput, ZListIntegrationEventsInput } from "./commerce.schemas";
import { listIntegrationEvents, listIntegrations, revealIntegrationSecret, rotateIntegrationSecret } from "./integrations";

/** `commerce.*` integration procedures (Settings → Integrations). Secrets leave only through reveal/rotate (admins, audited). */
export const integrationsRouter = router({
  /** → { items: [{ id, kind, name, active, hasSecret, webhookPath, apiPath, orderCount, lastEventAt }], canManage } */
  listIntegrations: authorizedProcedure("settings.read").query(({ ctx }) => listIntegrations(ctx.db, ctx.actor)),

  /** { id } → { secret }; audited as integration.secret_revealed */
  revealIntegrationSecret: authorizedProcedure("integrations.manage")
    .input(ZIntegrationIdInput)
    .mutation(({ ctx, input }) => revealIntegrationSecret(ctx.db, ctx.actor, input.id)),

  /** { id } → { secret } (the new one; the old one stops working now); audited as integration.secret_rotated */
  rotateIntegrationSecret: authorizedProcedure("integrations.manage")
    .input(ZIntegrationIdInput)
    .mutation(({ ctx, input }) => rotateIntegrationSecret(ctx.db, ctx.actor, input.id)),

  /** { integrationId, cursor?, limit? } → { items: [{ id, topic, deliveryId, status, error, attempts, receivedAt }], nextCursor } */
  listIntegrationEvents: authorizedProcedure("settings.read")
    .input(ZListIntegrationEventsInput)
    .query(({ ctx, input }) => listIntegrationEvents(ctx.db, ctx.actor, input)),
});
