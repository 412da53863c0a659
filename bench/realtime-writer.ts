// Second "instance" for realtime.deliver, forked by bench/realtime.ts: it writes inbound customer messages
// through the app's event write path (withEvents: row locks, writes and DomainEvent rows in one transaction,
// publishCommitted after commit), so its events reach the parent's subscribers only over LISTEN/NOTIFY.
import { createDb } from "../server/db/client";
import { fanout } from "../server/events/fanout";
import { lockConversations, withEvents } from "../server/inbox/conversation-mutation";
import { findActor } from "../server/workspaces/workspaces.repository";
import { wallMs } from "./stats";

export type WriterRequest = { cmd: "write"; seq: number; conversationId: string; text: string } | { cmd: "stop" };
export type WriterReply = { seq: number; messageId: string; committedAt: number; writeMs: number } | { ready: true } | { error: string };

const send = (m: WriterReply) => process.send?.(m);

async function main() {
  const url = process.env.DATABASE_URL;
  const [workspaceId, userId] = process.argv.slice(2);
  if (!url || !workspaceId || !userId) throw new Error("usage: realtime-writer <workspaceId> <userId> (DATABASE_URL set)");
  const db = createDb(url, { max: 2 });
  const actor = await findActor(db, userId, workspaceId);
  if (!actor) throw new Error("writer actor is not a member");

  const write = async (conversationId: string, text: string): Promise<string> =>
    withEvents(db, actor, async (tx, emit) => {
      const [c] = await lockConversations(tx, actor, [conversationId]);
      if (!c) throw new Error("conversation not found");
      const now = new Date();
      const message = await tx.message.create({
        data: {
          workspaceId: actor.workspaceId,
          conversationId: c.id,
          channelId: c.channelId,
          direction: "IN",
          kind: "MESSAGE",
          authorType: "CUSTOMER",
          customerId: c.customerId,
          text,
          createdAt: now,
        },
        select: { id: true },
      });
      await tx.conversation.update({
        where: { id: c.id },
        data: { lastMessageAt: now, lastInboundAt: now, waitingSince: now, preview: text.slice(0, 140), messageCount: { increment: 1 } },
        select: { id: true },
      });
      emit({ type: "message.created", conversationId: c.id, teamId: c.teamId, messageId: message.id });
      return message.id;
    });

  let chain = Promise.resolve();
  process.on("message", (m: WriterRequest) => {
    chain = chain.then(async () => {
      if (m.cmd === "stop") {
        await fanout().close();
        await db.$disconnect();
        process.exit(0);
      }
      try {
        const t0 = wallMs();
        const messageId = await write(m.conversationId, m.text);
        const committedAt = wallMs(); // withEvents resolves right after COMMIT (and the NOTIFY is queued)
        send({ seq: m.seq, messageId, committedAt, writeMs: committedAt - t0 });
      } catch (err) {
        send({ error: (err as Error).message });
      }
    });
  });
  send({ ready: true });
}

main().catch((err: unknown) => {
  send({ error: (err as Error).message });
  process.exit(1);
});
