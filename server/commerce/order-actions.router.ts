import { router } from "../trpc/init";

export const orderActionsRouter = router({});
