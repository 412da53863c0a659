// Two realistic duplicate pairs for the demo's "Possible duplicates" and merge (and its E2E):
// - Sofia Marchetti e-mailed a month ago; "Sofia M." now writes on WhatsApp from the phone on her e-mail record.
// - Daniel Okafor's e-mail record, and a website-chat visitor who typed the same address in other letter case.
// Uses its own fixed-seed PRNG, so adding them does not shift any other demo row.
import type { Prisma } from "../../server/db/generated/client";
import type { DemoChannel, TeamKey } from "./demo-workspace";
import { createRng } from "./random";
import { summarizeMessages, type MessageLike } from "./summary";

const DUPLICATES_SEED = 20_251_205;
const MINUTE_MS = 60_000;
const DAY = 24 * 60;

export const DUPLICATE_PAIR = {
  name: "Sofia Marchetti",
  email: "sofia.marchetti@example.com",
  phone: "+16175550142",
  whatsappName: "Sofia M.",
} as const;

export type DuplicatesInput = {
  workspaceId: string;
  now: Date;
  channels: readonly DemoChannel[];
  teamIds: Record<TeamKey, string>;
  agentId: string;
  nextConversationNumber: number;
};

export type DuplicatesRows = {
  customers: Prisma.CustomerCreateManyInput[];
  identities: Prisma.CustomerIdentityCreateManyInput[];
  conversations: Prisma.ConversationCreateManyInput[];
  messages: Prisma.MessageCreateManyInput[];
};

type Line = { dir: "IN" | "OUT"; ago: number; text: string };

export function buildDuplicates(input: DuplicatesInput): DuplicatesRows {
  const rng = createRng(DUPLICATES_SEED);
  const { workspaceId, now } = input;
  const at = (minutesAgo: number) => new Date(now.getTime() - Math.round(minutesAgo * MINUTE_MS));
  const channel = (kind: "EMAIL" | "WHATSAPP" | "CHAT") => {
    const c = input.channels.find((x) => x.kind === kind);
    if (!c) throw new Error(`no ${kind} channel`);
    return c;
  };
  const customers: Prisma.CustomerCreateManyInput[] = [];
  const identities: Prisma.CustomerIdentityCreateManyInput[] = [];
  const conversations: Prisma.ConversationCreateManyInput[] = [];
  const messages: Prisma.MessageCreateManyInput[] = [];
  let number = input.nextConversationNumber;

  const customer = (
    row: Omit<Prisma.CustomerCreateManyInput, "id" | "workspaceId">,
    ids: { kind: "EMAIL" | "WHATSAPP" | "CHAT"; address: string }[],
  ) => {
    const id = rng.uuid();
    customers.push({ id, workspaceId, ...row });
    for (const i of ids) {
      identities.push({
        id: rng.uuid(),
        workspaceId,
        customerId: id,
        channelKind: i.kind,
        address: i.address,
        displayName: row.name,
        verified: i.kind !== "CHAT",
        createdAt: row.createdAt,
      });
    }
    return id;
  };
  const conversation = (customerId: string, ch: DemoChannel, lines: Line[], extra: Partial<Prisma.ConversationCreateManyInput>) => {
    const id = rng.uuid();
    const msgs = lines.map((l, i): Prisma.MessageCreateManyInput & MessageLike => ({
      id: rng.uuid(),
      workspaceId,
      conversationId: id,
      channelId: ch.id,
      direction: l.dir,
      kind: "MESSAGE",
      authorType: l.dir === "IN" ? "CUSTOMER" : "AGENT",
      authorUserId: l.dir === "OUT" ? input.agentId : null,
      customerId: l.dir === "IN" ? customerId : null,
      text: l.text,
      deliveryStatus: l.dir === "OUT" ? "READ" : null,
      attempts: l.dir === "OUT" ? 1 : 0,
      sentAt: l.dir === "OUT" ? at(l.ago) : null,
      externalId: `dup-${id}-${i + 1}`,
      meta: {},
      createdAt: at(l.ago),
    }));
    const s = summarizeMessages(msgs);
    conversations.push({
      id,
      workspaceId,
      number: number++,
      channelId: ch.id,
      customerId,
      teamId: input.teamIds[ch.team],
      lastMessageAt: s.lastMessageAt ?? now,
      lastInboundAt: s.lastInboundAt,
      lastOutboundAt: s.lastOutboundAt,
      waitingSince: s.waitingSince,
      firstResponseAt: s.firstResponseAt,
      preview: s.preview,
      messageCount: s.messageCount,
      createdAt: msgs[0]?.createdAt ?? now,
      updatedAt: s.lastMessageAt ?? now,
      ...extra,
    });
    messages.push(...msgs);
  };

  // Sofia: the e-mail record (with her phone from checkout) and the WhatsApp-only record of the same phone
  const p = DUPLICATE_PAIR;
  const sofia = customer(
    {
      name: p.name,
      email: p.email,
      phone: p.phone,
      locale: "en-US",
      timezone: "America/New_York",
      lastContactAt: at(30 * DAY),
      createdAt: at(240 * DAY),
      updatedAt: at(30 * DAY),
    },
    [{ kind: "EMAIL", address: p.email }],
  );
  conversation(
    sofia,
    channel("EMAIL"),
    [
      { dir: "IN", ago: 30 * DAY + 120, text: "Hi, do you gift-wrap? I'd like the wool scarf wrapped for my sister's birthday.\n\nSofia" },
      {
        dir: "OUT",
        ago: 30 * DAY + 60,
        text: 'Hi Sofia, we do! Tick "gift wrap" at checkout and add a note for the card — we\'ll leave the receipt out of the parcel. — Ana',
      },
      { dir: "IN", ago: 30 * DAY, text: "Lovely, thank you!" },
    ],
    {
      subject: "Gift wrapping?",
      status: "RESOLVED",
      priority: "NORMAL",
      assigneeId: input.agentId,
      resolvedAt: at(30 * DAY - 10),
      waitingSince: null,
    },
  );
  const sofiaWa = customer(
    { name: p.whatsappName, email: null, phone: p.phone, lastContactAt: at(95), createdAt: at(2 * DAY), updatedAt: at(95) },
    [{ kind: "WHATSAPP", address: p.phone }],
  );
  conversation(
    sofiaWa,
    channel("WHATSAPP"),
    [
      {
        dir: "IN",
        ago: 2 * DAY,
        text: "Hello! It's Sofia Marchetti. Can I still change the delivery address on my order? I'm away for the holidays.",
      },
      { dir: "OUT", ago: 2 * DAY - 25, text: "Hi Sofia! Yes, as long as it hasn't shipped. What's the new address?" },
      { dir: "IN", ago: 95, text: "12 Harbor Lane, Gloucester MA 01930. Thank you!" },
    ],
    { subject: null, status: "OPEN", priority: "NORMAL" },
  );

  // Daniel: his e-mail record, and a chat visitor who typed the same address (other letter case) in the widget
  const daniel = customer(
    {
      name: "Daniel Okafor",
      email: "daniel.okafor@example.net",
      lastContactAt: at(60 * DAY),
      createdAt: at(300 * DAY),
      updatedAt: at(60 * DAY),
    },
    [{ kind: "EMAIL", address: "daniel.okafor@example.net" }],
  );
  conversation(
    daniel,
    channel("EMAIL"),
    [
      { dir: "IN", ago: 60 * DAY + 90, text: "Does the weekender bag fit under a plane seat?" },
      { dir: "OUT", ago: 60 * DAY, text: "Hi Daniel, yes — it's 40 × 25 × 20 cm, within most airlines' under-seat size. — Sam" },
    ],
    {
      subject: "Weekender bag size",
      status: "RESOLVED",
      priority: "NONE",
      assigneeId: input.agentId,
      resolvedAt: at(60 * DAY - 5),
      waitingSince: null,
    },
  );
  const visitor = customer(
    { name: "Daniel", email: "Daniel.Okafor@example.net", lastContactAt: at(6 * 60), createdAt: at(6 * 60 + 5), updatedAt: at(6 * 60) },
    [{ kind: "CHAT", address: `visitor_${rng.uuid().slice(0, 12)}` }],
  );
  conversation(
    visitor,
    channel("CHAT"),
    [
      { dir: "IN", ago: 6 * 60 + 2, text: "Hi! Is the weekender bag back in stock in olive?" },
      { dir: "OUT", ago: 6 * 60, text: "Hi Daniel! Olive is back next week — want me to let you know?" },
    ],
    { subject: null, status: "PENDING", priority: "NONE", assigneeId: input.agentId },
  );
  return { customers, identities, conversations, messages };
}
