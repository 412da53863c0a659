import { router } from "../trpc/init";

export const importRouter = router({});
