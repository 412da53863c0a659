import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { AppError } from "../lib/errors";
import { conversationFilter } from "../inbox/conversation-filters";
import { Prisma } from "../db/generated/client";
import { conversationScopeSql } from "../inbox/inbox.repository";
import { countConversationsUpTo } from "./views.repository";
import { listViews } from "./saved-views";

/** Counts stop here: a sidebar shows "1,000+", and counting further would scan a large queue for nothing. */
export const VIEW_COUNT_CAP = 1000;

export type ViewCount = { id: string; count: number; capped: boolean };

/**
 * Per visible saved view: how many conversations it lists right now (its own status filter, OPEN unless the view
 * says otherwise) in the caller's scope. One LIMITed count per view (≤ 50 views per owner). A view the caller
 * cannot open (a shared view on a team a volunteer is not in) counts 0.
 */
export async function countViews(db: Db, actor: Actor): Promise<ViewCount[]> {
  const views = await listViews(db, actor);
  const scope = conversationScopeSql(actor, Prisma.raw("c"));
  const now = new Date();
  return Promise.all(
    views.map(async (view): Promise<ViewCount> => {
      let filter;
      try {
        filter = await conversationFilter(db, actor, view.filters, now);
      } catch (error) {
        if (error instanceof AppError && error.code === "FORBIDDEN") return { id: view.id, count: 0, capped: false };
        throw error;
      }
      const n = await countConversationsUpTo(db, Prisma.sql`${scope} AND ${filter}`, VIEW_COUNT_CAP + 1);
      return { id: view.id, count: Math.min(n, VIEW_COUNT_CAP), capped: n > VIEW_COUNT_CAP };
    }),
  );
}
