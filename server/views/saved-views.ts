import type { Db } from "../db/client";
import { assertCan, can, type Actor } from "../auth/actor";
import { AppError } from "../lib/errors";
import { assertTeamReachable } from "../inbox/conversation-filters";
import { ZConversationFilters, ZInboxSort, type ConversationFilters } from "../inbox/inbox.schemas";
import type { z } from "zod";
import { MAX_VIEWS_PER_OWNER, type CreateViewInput, type UpdateViewInput } from "./views.schemas";
import {
  deleteView as deleteViewRow,
  findOwnerViews,
  findVisibleView,
  findVisibleViews,
  insertView,
  lockOwnerViews,
  setPositions,
  updateView as updateViewRow,
  type SavedViewRow,
  type Tx,
} from "./views.repository";

export type SavedView = {
  id: string;
  name: string;
  filters: ConversationFilters;
  sort: z.output<typeof ZInboxSort>;
  /** shared with the workspace (else the caller's personal view) */
  shared: boolean;
  position: number;
  /** the caller may rename, change, reorder or delete it */
  canEdit: boolean;
};

export function toSavedView(actor: Actor, row: SavedViewRow): SavedView {
  // stored JSON is re-validated: a view saved before a filter changed shape falls back to the defaults
  const filters = ZConversationFilters.safeParse(row.filters);
  const sort = ZInboxSort.safeParse(row.sort);
  const shared = row.userId === null;
  return {
    id: row.id,
    name: row.name,
    filters: filters.success ? filters.data : ZConversationFilters.parse({}),
    sort: sort.success ? sort.data : "newest",
    shared,
    position: row.position,
    canEdit: !shared || can(actor, "views.manageShared"),
  };
}

function assertCanWrite(actor: Actor, shared: boolean): void {
  assertCan(actor, shared ? "views.manageShared" : "views.manage");
}

/** A view must be usable by its author: a volunteer cannot save another team's queue. */
function assertFiltersReachable(actor: Actor, filters: ConversationFilters): void {
  if (filters.teamId) assertTeamReachable(actor, filters.teamId);
}

/** Limit and unique name within the owner's views (personal: the user; shared: the workspace). Caller holds the lock. */
async function checkOwnerRoom(tx: Tx, actor: Actor, owner: string | null, name: string, exceptId: string | undefined, adding: boolean) {
  const views = await findOwnerViews(tx, actor.workspaceId, owner, exceptId);
  if (adding && views.length >= MAX_VIEWS_PER_OWNER) {
    throw new AppError(
      "BAD_REQUEST",
      `There can be at most ${MAX_VIEWS_PER_OWNER} ${owner ? "personal" : "shared"} views; delete one first`,
    );
  }
  const key = name.trim().toLowerCase();
  if (views.some((v) => v.name.trim().toLowerCase() === key)) {
    throw new AppError("CONFLICT", owner ? `You already have a view named "${name}"` : `There is already a shared view named "${name}"`);
  }
  return views.reduce((max, v) => Math.max(max, v.position + 1), 0);
}

export async function listViews(db: Db, actor: Actor): Promise<SavedView[]> {
  return (await findVisibleViews(db, actor)).map((row) => toSavedView(actor, row));
}

export async function createView(db: Db, actor: Actor, input: CreateViewInput): Promise<SavedView> {
  assertCanWrite(actor, input.shared);
  assertFiltersReachable(actor, input.filters);
  const owner = input.shared ? null : actor.userId;
  const row = await db.$transaction(async (tx) => {
    await lockOwnerViews(tx, actor.workspaceId, owner);
    const position = await checkOwnerRoom(tx, actor, owner, input.name, undefined, true);
    return insertView(tx, {
      workspaceId: actor.workspaceId,
      userId: owner,
      name: input.name,
      filters: input.filters,
      sort: input.sort,
      position,
    });
  });
  return toSavedView(actor, row);
}

/** NOT_FOUND for views the caller cannot see (another user's personal view); FORBIDDEN for a shared one without the role. */
async function findWritableView(db: Db | Tx, actor: Actor, id: string): Promise<SavedViewRow> {
  const row = await findVisibleView(db, actor, id);
  if (!row) throw new AppError("NOT_FOUND", "View not found");
  assertCanWrite(actor, row.userId === null);
  return row;
}

export async function updateView(db: Db, actor: Actor, input: UpdateViewInput): Promise<SavedView> {
  const current = await findWritableView(db, actor, input.id);
  const wasShared = current.userId === null;
  const shared = input.shared ?? wasShared;
  if (shared !== wasShared) assertCanWrite(actor, shared);
  if (input.filters) assertFiltersReachable(actor, input.filters);
  // unsharing makes it the caller's personal view
  const owner = shared ? null : (current.userId ?? actor.userId);
  const moving = owner !== current.userId;
  const row = await db.$transaction(async (tx) => {
    await lockOwnerViews(tx, actor.workspaceId, owner);
    // re-read under the lock: it may have been deleted or moved meanwhile
    const fresh = await findWritableView(tx, actor, input.id);
    const name = input.name ?? fresh.name;
    const nextPosition = await checkOwnerRoom(tx, actor, owner, name, fresh.id, moving);
    return updateViewRow(tx, fresh.id, {
      name,
      userId: owner,
      ...(input.filters ? { filters: input.filters } : {}),
      ...(input.sort ? { sort: input.sort } : {}),
      ...(moving ? { position: nextPosition } : {}),
    });
  });
  return toSavedView(actor, row);
}

export async function deleteView(db: Db, actor: Actor, id: string): Promise<{ id: string }> {
  const row = await findWritableView(db, actor, id);
  await deleteViewRow(db, row.id);
  return { id: row.id };
}

/** Positions follow the given order; personal and shared views keep separate orders (the UI lists them apart). */
export async function reorderViews(db: Db, actor: Actor, ids: string[]): Promise<SavedView[]> {
  if (new Set(ids).size !== ids.length) throw new AppError("BAD_REQUEST", "Each view may appear once");
  const visible = new Map((await findVisibleViews(db, actor)).map((v) => [v.id, v]));
  const rows = ids.map((id) => {
    const row = visible.get(id);
    if (!row) throw new AppError("NOT_FOUND", "View not found");
    return row;
  });
  if (rows.some((r) => r.userId === null)) assertCan(actor, "views.manageShared");
  const personal = rows.filter((r) => r.userId !== null);
  const shared = rows.filter((r) => r.userId === null);
  await db.$transaction(async (tx) => {
    await setPositions(tx, [...personal.map((r, i) => ({ id: r.id, position: i })), ...shared.map((r, i) => ({ id: r.id, position: i }))]);
  });
  return listViews(db, actor);
}
