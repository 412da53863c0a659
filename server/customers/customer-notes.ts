import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { can, type Actor } from "../auth/actor";
import { withEvents, type Tx } from "../inbox/conversation-mutation";
import type { DomainEventPayload } from "../events/types";
import { AppError } from "../lib/errors";
import { assertCustomerReachable } from "./customer-panel.repository";
import { customerScope } from "./customer-scope";

const noteSelect = {
  id: true,
  customerId: true,
  body: true,
  pinned: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, name: true } },
  _count: { select: { revisions: true } },
} satisfies Prisma.NoteSelect;
type NoteRow = Prisma.NoteGetPayload<{ select: typeof noteSelect }>;

const dto = ({ _count, ...n }: NoteRow) => ({ ...n, edited: _count.revisions > 0 });

const changed = (customerId: string): DomainEventPayload => ({
  type: "customer.updated",
  customerId,
  conversationId: null,
  teamId: null,
  changes: ["notes"],
});

/** The note, locked for this transaction, if its customer is reachable by the actor; NOT_FOUND otherwise. */
async function lockNote(tx: Tx, actor: Actor, noteId: string) {
  // FOR UPDATE: two people editing the same note at once get consecutive revisions, not a lost one
  await tx.$queryRaw`SELECT id FROM "Note" WHERE id = ${noteId}::uuid AND "workspaceId" = ${actor.workspaceId}::uuid FOR UPDATE`;
  const note = await tx.note.findFirst({
    where: { id: noteId, workspaceId: actor.workspaceId, customer: customerScope(actor) },
    select: { id: true, customerId: true, authorId: true, body: true },
  });
  if (!note) throw new AppError("NOT_FOUND", "Note not found");
  return note;
}

/** Editing or deleting words someone else wrote is for the author, or a lead or admin. */
function assertMayChange(actor: Actor, note: { authorId: string | null }, verb: string) {
  if (note.authorId !== actor.userId && !can(actor, "customers.manageAllNotes"))
    throw new AppError("FORBIDDEN", `Only the author or a lead can ${verb} this note`);
}

export async function createCustomerNote(db: Db, actor: Actor, input: { customerId: string; body: string; pinned: boolean }) {
  return withEvents(db, actor, async (tx, emit) => {
    await assertCustomerReachable(tx, actor, input.customerId);
    const note = await tx.note.create({
      data: {
        workspaceId: actor.workspaceId,
        customerId: input.customerId,
        authorId: actor.userId,
        body: input.body,
        pinned: input.pinned,
      },
      select: noteSelect,
    });
    emit(changed(input.customerId));
    return dto(note);
  });
}

/** A new body; the previous one is kept as a NoteRevision (the edit history). */
export async function editCustomerNote(db: Db, actor: Actor, input: { noteId: string; body: string }) {
  return withEvents(db, actor, async (tx, emit) => {
    const note = await lockNote(tx, actor, input.noteId);
    assertMayChange(actor, note, "edit");
    if (note.body === input.body) return dto(await tx.note.findUniqueOrThrow({ where: { id: note.id }, select: noteSelect }));
    await tx.noteRevision.create({
      data: { workspaceId: actor.workspaceId, noteId: note.id, body: note.body, editedById: actor.userId },
      select: { id: true },
    });
    const updated = await tx.note.update({ where: { id: note.id }, data: { body: input.body }, select: noteSelect });
    emit(changed(note.customerId));
    return dto(updated);
  });
}

export async function pinCustomerNote(db: Db, actor: Actor, input: { noteId: string; pinned: boolean }) {
  return withEvents(db, actor, async (tx, emit) => {
    const note = await lockNote(tx, actor, input.noteId);
    const updated = await tx.note.update({ where: { id: note.id }, data: { pinned: input.pinned }, select: noteSelect });
    emit(changed(note.customerId));
    return dto(updated);
  });
}

export async function deleteCustomerNote(db: Db, actor: Actor, noteId: string) {
  return withEvents(db, actor, async (tx, emit) => {
    const note = await lockNote(tx, actor, noteId);
    assertMayChange(actor, note, "delete");
    await tx.note.delete({ where: { id: note.id }, select: { id: true } });
    await tx.auditLog.create({
      data: {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: "customer.note_deleted",
        targetType: "Note",
        targetId: note.id,
        data: { customerId: note.customerId, authorId: note.authorId, body: note.body },
      },
      select: { id: true },
    });
    emit(changed(note.customerId));
    return { ok: true as const };
  });
}

/**
 * The note's versions, newest first: the current body, then each earlier body with who replaced it and when
 * (a revision row holds the text as it was BEFORE that edit).
 */
export async function noteHistory(db: Db, actor: Actor, noteId: string) {
  const note = await db.note.findFirst({
    where: { id: noteId, workspaceId: actor.workspaceId, customer: customerScope(actor) },
    select: {
      id: true,
      body: true,
      createdAt: true,
      updatedAt: true,
      author: { select: { name: true } },
      revisions: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 50,
        select: { id: true, body: true, createdAt: true, editedBy: { select: { name: true } } },
      },
    },
  });
  if (!note) throw new AppError("NOT_FOUND", "Note not found");
  return {
    current: { body: note.body, at: note.updatedAt },
    author: note.author?.name ?? null,
    createdAt: note.createdAt,
    revisions: note.revisions.map((r) => ({ id: r.id, body: r.body, replacedAt: r.createdAt, replacedBy: r.editedBy?.name ?? null })),
  };
}
