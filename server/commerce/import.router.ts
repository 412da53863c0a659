import { authorizedProcedure, router } from "../trpc/init";
import { cancelImport, getImport, listImports, startImport } from "./import-jobs";
import { ZImportIdInput, ZListImportsInput } from "./import.schemas";

// CSV imports (leads and admins). The upload + preview is a route handler (POST /api/imports: a file body, not JSON);
// everything after it is here.
export const importRouter = router({
  /** → the import with its preview, first errors, progress and counts (the UI polls it while it runs) */
  getImport: authorizedProcedure("commerce.import")
    .input(ZImportIdInput)
    .query(({ ctx, input }) => getImport(ctx.db, ctx.actor, input.id)),

  /** → { items: the workspace's imports, newest first, nextCursor } */
  listImports: authorizedProcedure("commerce.import")
    .input(ZListImportsInput)
    .query(({ ctx, input }) => listImports(ctx.db, ctx.actor, input)),

  /** Confirms a preview without errors: queued for the worker. → the import */
  startImport: authorizedProcedure("commerce.import")
    .input(ZImportIdInput)
    .mutation(({ ctx, input }) => startImport(ctx.db, ctx.actor, input.id)),

  /** Drops a previewed or queued import (and its file). → the import */
  cancelImport: authorizedProcedure("commerce.import")
    .input(ZImportIdInput)
    .mutation(({ ctx, input }) => cancelImport(ctx.db, ctx.actor, input.id)),
});
