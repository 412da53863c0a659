import { authorizedProcedure, router } from "../trpc/init";
import { mergeCustomers, unmergeCustomers } from "./merge-customers";
import { mergeHistory, mergeSuggestions, previewMerge } from "./merge-suggestions";
import { ZMergeHistoryInput, ZMergePairInput, ZMergeSuggestionsInput, ZUnmergeInput } from "./merge.schemas";

/** Duplicates and merges: leads and admins only (customers.merge); agents and volunteers are refused. */
export const customerMergeRouter = router({
  /** Other customers sharing an e-mail or phone with this one. */
  mergeSuggestions: authorizedProcedure("customers.merge")
    .input(ZMergeSuggestionsInput)
    .query(({ ctx, input }) => mergeSuggestions(ctx.db, ctx.actor, input.customerId)),

  /** What merging `mergeId` into `keepId` would move and which field values win. */
  mergePreview: authorizedProcedure("customers.merge")
    .input(ZMergePairInput)
    .query(({ ctx, input }) => previewMerge(ctx.db, ctx.actor, input)),

  merge: authorizedProcedure("customers.merge")
    .input(ZMergePairInput)
    .mutation(({ ctx, input }) => mergeCustomers(ctx.db, ctx.actor, input)),

  /** Undo a merge from its record: every moved row goes back. */
  unmerge: authorizedProcedure("customers.merge")
    .input(ZUnmergeInput)
    .mutation(({ ctx, input }) => unmergeCustomers(ctx.db, ctx.actor, input)),

  mergeHistory: authorizedProcedure("customers.merge")
    .input(ZMergeHistoryInput)
    .query(({ ctx, input }) => mergeHistory(ctx.db, ctx.actor, input.customerId)),
});
