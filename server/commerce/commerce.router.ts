import { mergeRouters } from "../trpc/init";
import { integrationsRouter } from "./integrations.router";
import { importRouter } from "./import.router";
import { orderActionsRouter } from "./order-actions.router";

/** `commerce.*`: integrations (Shopify-format webhooks, JSON API) · CSV import · order action requests. */
export const commerceRouter = mergeRouters(integrationsRouter, importRouter, orderActionsRouter);
