import { authorizedProcedure, router } from "../trpc/init";
import { customerSummary, customerTimeline } from "./customer-timeline";
import { listCustomers } from "./list-customers";
import { ZCustomerIdInput, ZListCustomersInput, ZTimelineInput } from "./directory.schemas";

/** The directory (/customers) and the customer page's header and timeline. The CSV export is a route: app/api/customers/export. */
export const customerDirectoryRouter = router({
  /** Search, filter, sort; keyset-paginated; merged-away customers hidden. Not for volunteers. */
  list: authorizedProcedure("customers.list")
    .input(ZListCustomersInput)
    .query(({ ctx, input }) => listCustomers(ctx.db, ctx.actor, input)),

  /** The customer page's header (volunteers: only customers of their queues). */
  summary: authorizedProcedure("customers.read")
    .input(ZCustomerIdInput)
    .query(({ ctx, input }) => customerSummary(ctx.db, ctx.actor, input.customerId)),

  /** Conversations on every channel interleaved with order events, newest first, one keyset across both. */
  timeline: authorizedProcedure("customers.read")
    .input(ZTimelineInput)
    .query(({ ctx, input }) => customerTimeline(ctx.db, ctx.actor, input)),
});
