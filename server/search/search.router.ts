import { authorizedProcedure, router } from "../trpc/init";
import { searchAll, searchCustomers, searchMessages } from "./search-workspace";
import { ZSearchAllInput, ZSearchCustomersInput, ZSearchMessagesInput } from "./search.schemas";

// No separate search permission: finding a message is reading its conversation, finding a customer is reading
// the customer; the repository narrows both to the actor's scope (a volunteer: their teams' queues).
export const searchRouter = router({
  /** Full text over messages and internal notes, newest first, keyset-paginated. */
  messages: authorizedProcedure("conversations.read")
    .input(ZSearchMessagesInput)
    .query(({ ctx, input }) => searchMessages(ctx.db, ctx.actor, input)),

  /** Customers by name / email / phone / order number (trigram similarity), best first, capped. */
  customers: authorizedProcedure("customers.read")
    .input(ZSearchCustomersInput)
    .query(({ ctx, input }) => searchCustomers(ctx.db, ctx.actor, input)),

  /** The search dialog: a few of each kind (customers only for roles that may read them). */
  all: authorizedProcedure("conversations.read")
    .input(ZSearchAllInput)
    .query(({ ctx, input }) => searchAll(ctx.db, ctx.actor, input)),
});
