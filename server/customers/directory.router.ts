import { router } from "../trpc/init";

export const customerDirectoryRouter = router({});
