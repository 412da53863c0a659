import { router } from "../trpc/init";

export const integrationsRouter = router({});
