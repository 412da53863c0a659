import { router } from "../trpc/init";

export const customerMergeRouter = router({});
