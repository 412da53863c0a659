import { afterEach, describe, expect, it } from "vitest";
import { createConversation, createCustomer, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";
import { registerAdapter } from "../channels/registry";
import { SendError, type OutboundMessage } from "../channels/types";
import { sendMessageTask } from "./tasks/send-message";

const db = testDb();
let unregister: (() => void) | null = null;
afterEach(() => {
  unregister?.();
  unregister = null;
});

/**
 * A recording adapter stands in for a provider only to exercise the queue's contract (status
 * transitions, retries, idempotency); each real channel's adapter is tested against a real server.
 */
function recordingAdapter(behaviour: () => Promise<{ externalId: string }>) {
  const sent: OutboundMessage[] = [];
  unregister = registerAdapter({
    kind: "SMS",
    parseConfig: (raw) => raw,
    send: async (m) => {
      sent.push(m);
      return behaviour();
    },
  });
  return sent;
}

async function queuedSms() {
  const f = await createWorkspaceWithRoles(db);
  const channel = await db.channel.create({
    data: { workspaceId: f.workspace.id, kind: "SMS", name: "SMS", ownerTeamId: f.teams.support.id },
  });
  const customer = await createCustomer(db, { workspaceId: f.workspace.id });
  await db.customerIdentity.create({
    data: { workspaceId: f.workspace.id, customerId: customer.id, channelKind: "SMS", address: "+15550001111" },
  });
  const c = await createConversation(db, { workspaceId: f.workspace.id, channelId: channel.id, customerId: customer.id, messages: 1 });
  const msg = await callerAs(f.members.agent).conversation.reply({ conversationId: c.id, text: "On its way!" });
  return { f, msg };
}

describe("send-message job", () => {
  it("sends through the channel's adapter, records the provider id, and is idempotent", async () => {
    const sent = recordingAdapter(() => Promise.resolve({ externalId: "SM123" }));
    const { msg } = await queuedSms();
    expect(await sendMessageTask(db, { messageId: msg.id }, { attempts: 1, maxAttempts: 8 })).toBe("sent");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: "+15550001111", text: "On its way!" });
    expect(await db.message.findUniqueOrThrow({ where: { id: msg.id } })).toMatchObject({ deliveryStatus: "SENT", externalId: "SM123" });
    // a duplicate delivery of the same job does not send again
    expect(await sendMessageTask(db, { messageId: msg.id }, { attempts: 2, maxAttempts: 8 })).toBe("skipped");
    expect(sent).toHaveLength(1);
  });

  it("retries temporary failures, then marks FAILED with the reason; Retry re-queues it", async () => {
    recordingAdapter(() => Promise.reject(new Error("503 upstream busy")));
    const { f, msg } = await queuedSms();
    await expect(sendMessageTask(db, { messageId: msg.id }, { attempts: 1, maxAttempts: 3 })).rejects.toThrow("503");
    expect(await db.message.findUniqueOrThrow({ where: { id: msg.id } })).toMatchObject({ deliveryStatus: "QUEUED", attempts: 1 });
    expect(await sendMessageTask(db, { messageId: msg.id }, { attempts: 3, maxAttempts: 3 })).toBe("failed");
    expect(await db.message.findUniqueOrThrow({ where: { id: msg.id } })).toMatchObject({
      deliveryStatus: "FAILED",
      deliveryError: "503 upstream busy",
    });
    await callerAs(f.members.agent).conversation.retry({ messageId: msg.id });
    expect(await db.message.findUniqueOrThrow({ where: { id: msg.id } })).toMatchObject({ deliveryStatus: "QUEUED", deliveryError: null });
  });

  it("fails at once on a permanent error", async () => {
    recordingAdapter(() => Promise.reject(new SendError("invalid recipient", true)));
    const { msg } = await queuedSms();
    expect(await sendMessageTask(db, { messageId: msg.id }, { attempts: 1, maxAttempts: 8 })).toBe("failed");
  });

  it("leaves the message QUEUED when the channel has no adapter yet", async () => {
    const { msg } = await queuedSms();
    expect(await sendMessageTask(db, { messageId: msg.id }, { attempts: 1, maxAttempts: 8 })).toBe("no-adapter");
    expect(await db.message.findUniqueOrThrow({ where: { id: msg.id } })).toMatchObject({ deliveryStatus: "QUEUED" });
  });
});
