import { router } from "../trpc/init";

export const customerProfileRouter = router({});
