import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { withEvents } from "../inbox/conversation-mutation";
import { AppError } from "../lib/errors";
import { assertCustomerReachable } from "./customer-panel.repository";

const PALETTE = ["#0ea5e9", "#8b5cf6", "#f59e0b", "#10b981", "#ef4444", "#ec4899", "#14b8a6", "#6366f1", "#84cc16", "#f97316"];

function colorFor(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length] ?? "#64748b";
}

/** Same normal form as conversation tags: one vocabulary for both. */
export const normalizeTagName = (raw: string) => raw.trim().toLowerCase().replace(/\s+/g, "-");

/**
 * Tags the customer; an unknown name becomes a workspace tag on the fly. Race-safe: the tag is an
 * INSERT … ON CONFLICT on (workspaceId, name), the link a skip-duplicates insert, so two agents adding
 * the same new tag at once end with one tag and one link.
 */
export async function addCustomerTag(db: Db, actor: Actor, input: { customerId: string; name: string }) {
  const name = normalizeTagName(input.name);
  return withEvents(db, actor, async (tx, emit) => {
    await assertCustomerReachable(tx, actor, input.customerId);
    const [tag] = await tx.$queryRaw<{ id: string; name: string; color: string }[]>`
      INSERT INTO "Tag" (id, "workspaceId", name, color, "createdAt")
      VALUES (gen_random_uuid(), ${actor.workspaceId}::uuid, ${name}, ${colorFor(name)}, now())
      ON CONFLICT ("workspaceId", name) DO UPDATE SET name = EXCLUDED.name
      RETURNING id::text, name, color`;
    if (!tag) throw new AppError("INTERNAL", "Tag could not be created");
    const { count } = await tx.customerTag.createMany({
      data: [{ customerId: input.customerId, tagId: tag.id, workspaceId: actor.workspaceId }],
      skipDuplicates: true,
    });
    if (count) emit({ type: "customer.updated", customerId: input.customerId, conversationId: null, teamId: null, changes: ["tags"] });
    return { tag, added: count > 0 };
  });
}

export async function removeCustomerTag(db: Db, actor: Actor, input: { customerId: string; tagId: string }) {
  return withEvents(db, actor, async (tx, emit) => {
    await assertCustomerReachable(tx, actor, input.customerId);
    const { count } = await tx.customerTag.deleteMany({
      where: { customerId: input.customerId, tagId: input.tagId, workspaceId: actor.workspaceId },
    });
    if (count) emit({ type: "customer.updated", customerId: input.customerId, conversationId: null, teamId: null, changes: ["tags"] });
    return { removed: count > 0 };
  });
}
