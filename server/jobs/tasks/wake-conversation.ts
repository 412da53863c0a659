import { z } from "zod";
import type { Db } from "../../db/client";
import { recordEvents, publishCommitted } from "../../events/emit";

const ZPayload = z.object({ conversationId: z.uuid() });

/** A snoozed conversation whose time has come goes back to OPEN (idempotent: re-snoozed later → left alone). */
export async function wakeConversationTask(db: Db, rawPayload: unknown): Promise<"woken" | "skipped"> {
  const { conversationId } = ZPayload.parse(rawPayload);
  const now = new Date();
  const events = await db.$transaction(async (tx) => {
    const c = await tx.conversation.findFirst({
      where: { id: conversationId, status: "SNOOZED", snoozedUntil: { lte: now } },
      select: { id: true, workspaceId: true, channelId: true, teamId: true },
    });
    if (!c) return null;
    await tx.conversation.update({ where: { id: c.id }, data: { status: "OPEN", snoozedUntil: null }, select: { id: true } });
    await tx.message.create({
      data: {
        workspaceId: c.workspaceId,
        conversationId: c.id,
        channelId: c.channelId,
        direction: "OUT",
        kind: "EVENT",
        authorType: "SYSTEM",
        text: "Snooze ended: back in the queue",
        meta: { type: "wake" },
      },
      select: { id: true },
    });
    return recordEvents(tx, c.workspaceId, [{ type: "conversation.updated", conversationId: c.id, teamId: c.teamId, changes: ["status"] }]);
  });
  if (!events) return "skipped";
  publishCommitted(events);
  return "woken";
}
