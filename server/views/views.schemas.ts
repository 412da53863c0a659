import { z } from "zod";
import { ZConversationFilters, ZInboxSort } from "../inbox/inbox.schemas";

export const MAX_VIEWS_PER_OWNER = 50;

const ZViewName = z.string().trim().min(1, "Give the view a name").max(60, "Names are at most 60 characters");

export const ZCreateViewInput = z.object({
  name: ZViewName,
  /** the same filters inbox.list takes (defaults applied on save) */
  filters: ZConversationFilters,
  sort: ZInboxSort.default("newest"),
  /** shared with the whole workspace (leads and admins only) instead of personal */
  shared: z.boolean().default(false),
});

/** Only the given fields change; `shared` moves a view between personal and workspace-shared. */
export const ZUpdateViewInput = z.object({
  id: z.uuid(),
  name: ZViewName.optional(),
  filters: ZConversationFilters.optional(),
  sort: ZInboxSort.optional(),
  shared: z.boolean().optional(),
});

export const ZViewIdInput = z.object({ id: z.uuid() });

/** The caller's views in their new order (personal ones; shared ones too for leads/admins). */
export const ZReorderViewsInput = z.object({
  ids: z
    .array(z.uuid())
    .min(1)
    .max(2 * MAX_VIEWS_PER_OWNER),
});

export type CreateViewInput = z.output<typeof ZCreateViewInput>;
export type UpdateViewInput = z.output<typeof ZUpdateViewInput>;
