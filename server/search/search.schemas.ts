import { z } from "zod";

/** What the agent typed. One character matches too much to be useful (and defeats the trigram indexes). */
export const ZSearchQuery = z.string().trim().min(2, "Type at least 2 characters").max(200, "Search for at most 200 characters");

export const ZSearchMessagesInput = z.object({
  q: ZSearchQuery,
  limit: z.number().int().min(1).max(50).default(20),
  /** opaque keyset cursor returned as nextCursor */
  cursor: z.string().max(200).nullish(),
});
export type SearchMessagesInput = z.input<typeof ZSearchMessagesInput>;

/**
 * Ranked results (best match first), no cursor: the inbox picker and the palette show the best
 * matches, and a deeper page of ever-weaker fuzzy matches is not something anyone scrolls to.
 */
export const ZSearchCustomersInput = z.object({
  q: ZSearchQuery,
  limit: z.number().int().min(1).max(50).default(20),
});
export type SearchCustomersInput = z.input<typeof ZSearchCustomersInput>;

/** ⌘K palette: a few of each kind in one round trip. */
export const ZSearchAllInput = z.object({
  q: ZSearchQuery,
  /** per section */
  limit: z.number().int().min(1).max(20).default(5),
});
export type SearchAllInput = z.input<typeof ZSearchAllInput>;
