import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { eventMessage, lockConversations, withEvents } from "./conversation-mutation";

const PALETTE = ["#0ea5e9", "#8b5cf6", "#f59e0b", "#10b981", "#ef4444", "#ec4899", "#14b8a6", "#6366f1", "#84cc16", "#f97316"];

function colorFor(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length] ?? "#64748b";
}

/** Tags conversations (bulk-capable); an unknown tag name is created on the fly. */
export async function addTag(db: Db, actor: Actor, conversationIds: string[], rawName: string) {
  const name = rawName.trim().toLowerCase().replace(/\s+/g, "-");
  return withEvents(db, actor, async (tx, emit) => {
    const rows = await lockConversations(tx, actor, conversationIds);
    const tag = await tx.tag.upsert({
      where: { workspaceId_name: { workspaceId: actor.workspaceId, name } },
      create: { workspaceId: actor.workspaceId, name, color: colorFor(name) },
      update: {},
      select: { id: true, name: true, color: true },
    });
    const added = await tx.conversationTag.createManyAndReturn({
      data: rows.map((c) => ({ conversationId: c.id, tagId: tag.id, workspaceId: actor.workspaceId, addedById: actor.userId })),
      skipDuplicates: true,
      select: { conversationId: true },
    });
    const addedIds = new Set(added.map((a) => a.conversationId));
    const changed = rows.filter((c) => addedIds.has(c.id));
    if (changed.length)
      await tx.message.createMany({
        data: changed.map((c) => eventMessage(actor, c, `${actor.name} tagged ${tag.name}`, { type: "tag", tag: tag.name })),
      });
    for (const c of changed) emit({ type: "conversation.updated", conversationId: c.id, teamId: c.teamId, changes: ["tags"] });
    return { tag, added: changed.length };
  });
}

export async function removeTag(db: Db, actor: Actor, conversationIds: string[], tagId: string) {
  return withEvents(db, actor, async (tx, emit) => {
    const rows = await lockConversations(tx, actor, conversationIds);
    const tag = await tx.tag.findFirst({ where: { id: tagId, workspaceId: actor.workspaceId }, select: { id: true, name: true } });
    if (!tag) return { removed: 0 };
    const had = await tx.conversationTag.findMany({
      where: { tagId, conversationId: { in: rows.map((r) => r.id) } },
      select: { conversationId: true },
    });
    const hadIds = new Set(had.map((h) => h.conversationId));
    const changed = rows.filter((c) => hadIds.has(c.id));
    if (changed.length === 0) return { removed: 0 };
    await tx.conversationTag.deleteMany({ where: { tagId, conversationId: { in: changed.map((c) => c.id) } } });
    await tx.message.createMany({
      data: changed.map((c) => eventMessage(actor, c, `${actor.name} removed tag ${tag.name}`, { type: "untag", tag: tag.name })),
    });
    for (const c of changed) emit({ type: "conversation.updated", conversationId: c.id, teamId: c.teamId, changes: ["tags"] });
    return { removed: changed.length };
  });
}

/** Tag names for the picker, most used first would need a counter; alphabetical is predictable. */
export function listTags(db: Db, actor: Actor) {
  return db.tag.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, color: true },
    take: 500,
  });
}
