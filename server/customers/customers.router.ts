import { mergeRouters } from "../trpc/init";
import { customerProfileRouter } from "./profile.router";
import { customerDirectoryRouter } from "./directory.router";
import { customerMergeRouter } from "./merge.router";

/**
 * `customers.*`: one router, split by concern into files (profile & panel · directory, page & timeline · merge).
 */
export const customersRouter = mergeRouters(customerProfileRouter, customerDirectoryRouter, customerMergeRouter);
