// One named demo customer whose story crosses channels, for the customer panel (and its E2E): Emma Larsen
// emailed about a gift order last week (resolved), and now writes on WhatsApp because the parcel is late.
// She has a DELAYED order with UPS tracking, customer tags, custom attributes and a pinned note.
// Uses its own fixed-seed PRNG, so adding her does not shift any other demo row.
import type { Prisma } from "../../server/db/generated/client";
import type { DemoChannel, TeamKey } from "./demo-workspace";
import { STORY_CUSTOMER, buildStoryOrders } from "./demo-story-orders";
import { createRng } from "./random";

export { STORY_CUSTOMER, STORY_TRACKING_URL } from "./demo-story-orders";
import { summarizeMessages, type MessageLike } from "./summary";

const STORY_SEED = 20_251_201;
const MINUTE_MS = 60_000;
const HOUR = 60;
const DAY = 24 * HOUR;

/** Customer attribute definitions of the demo workspace (one of each type). */
const ATTRIBUTE_DEFINITIONS = [
  { key: "segment", label: "Segment", type: "LIST", options: ["retail", "vip", "wholesale"] },
  { key: "birthday", label: "Birthday", type: "DATE", options: [] },
  { key: "newsletter", label: "Newsletter", type: "BOOLEAN", options: [] },
  { key: "store_credit", label: "Store credit ($)", type: "NUMBER", options: [] },
  { key: "company", label: "Company", type: "TEXT", options: [] },
] as const;

export type StoryInput = {
  workspaceId: string;
  now: Date;
  channels: readonly DemoChannel[];
  teamIds: Record<TeamKey, string>;
  tagIds: Map<string, string>;
  /** note authors: a lead and an agent */
  leadId: string;
  agentId: string;
  /** next free order number (#1001…) and conversation number */
  nextOrderNumber: number;
  nextConversationNumber: number;
  integrationId: string;
};

export type StoryRows = {
  attributeDefinitions: Prisma.CustomAttributeDefinitionCreateManyInput[];
  customer: Prisma.CustomerCreateManyInput;
  identities: Prisma.CustomerIdentityCreateManyInput[];
  customerTags: Prisma.CustomerTagCreateManyInput[];
  notes: Prisma.NoteCreateManyInput[];
  orders: Prisma.OrderCreateManyInput[];
  items: Prisma.OrderItemCreateManyInput[];
  fulfillments: Prisma.FulfillmentCreateManyInput[];
  events: Prisma.OrderEventCreateManyInput[];
  conversations: Prisma.ConversationCreateManyInput[];
  messages: Prisma.MessageCreateManyInput[];
  conversationTags: Prisma.ConversationTagCreateManyInput[];
};

export function buildStory(input: StoryInput): StoryRows {
  const rng = createRng(STORY_SEED);
  const { workspaceId, now } = input;
  const at = (minutesAgo: number) => new Date(now.getTime() - Math.round(minutesAgo * MINUTE_MS));
  const tagId = (name: string) => {
    const id = input.tagIds.get(name);
    if (!id) throw new Error(`unknown tag ${name}`);
    return id;
  };
  const channel = (kind: "EMAIL" | "WHATSAPP") => {
    const c = input.channels.find((x) => x.kind === kind);
    if (!c) throw new Error(`no ${kind} channel`);
    return c;
  };
  const customerId = rng.uuid();
  const { name, email, phone } = STORY_CUSTOMER;

  const attributeDefinitions = ATTRIBUTE_DEFINITIONS.map((d, position) => ({
    id: rng.uuid(),
    workspaceId,
    entity: "CUSTOMER" as const,
    key: d.key,
    label: d.label,
    type: d.type,
    options: [...d.options],
    position,
  }));
  const customer: Prisma.CustomerCreateManyInput = {
    id: customerId,
    workspaceId,
    name,
    email,
    phone,
    vip: true,
    locale: "en-US",
    timezone: "America/Los_Angeles",
    attributes: { segment: "vip", birthday: "1991-03-14", newsletter: true, store_credit: 15, company: "Fjord Design Studio" },
    lastContactAt: at(4),
    createdAt: at(410 * DAY),
    updatedAt: at(9 * DAY),
  };
  const identities = [
    { kind: "EMAIL" as const, address: email, ago: 410 * DAY },
    { kind: "WHATSAPP" as const, address: phone, ago: 2 * DAY },
  ].map((i) => ({
    id: rng.uuid(),
    workspaceId,
    customerId,
    channelKind: i.kind,
    address: i.address,
    displayName: name,
    verified: true,
    createdAt: at(i.ago),
  }));
  const customerTags = ["vip", "gift"].map((t, i) => ({ customerId, tagId: tagId(t), workspaceId, createdAt: at((200 - i * 100) * DAY) }));
  const notes: Prisma.NoteCreateManyInput[] = [
    {
      id: rng.uuid(),
      workspaceId,
      customerId,
      authorId: input.leadId,
      body: "Prefers WhatsApp over email. Orders gifts for her studio's clients: always check the gift note made it onto the packing slip.",
      pinned: true,
      createdAt: at(60 * DAY),
      updatedAt: at(60 * DAY),
    },
    {
      id: rng.uuid(),
      workspaceId,
      customerId,
      authorId: input.agentId,
      body: "Sent a $15 store credit for the late scarf last winter.",
      pinned: false,
      createdAt: at(300 * DAY),
      updatedAt: at(300 * DAY),
    },
  ];

  const { orders, items, fulfillments, events, delayedNumber } = buildStoryOrders(rng, {
    workspaceId,
    customerId,
    integrationId: input.integrationId,
    at,
    nextOrderNumber: input.nextOrderNumber,
  });

  // conversations: the email last week (resolved), and the WhatsApp one now (open, newest in the inbox)
  const emailId = rng.uuid();
  const waId = rng.uuid();
  const email_ = channel("EMAIL");
  const wa = channel("WHATSAPP");
  type Line = { dir: "IN" | "OUT"; ago: number; text: string };
  const thread = (conversationId: string, ch: DemoChannel, lines: Line[], externalId: (i: number) => string) =>
    lines.map((l, i): Prisma.MessageCreateManyInput & MessageLike => ({
      id: rng.uuid(),
      workspaceId,
      conversationId,
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
      externalId: externalId(i + 1),
      meta: {},
      createdAt: at(l.ago),
    }));
  const emailMessages = thread(
    emailId,
    email_,
    [
      {
        dir: "IN",
        ago: 9 * DAY - 20,
        text: `Hello! I just placed order ${delayedNumber} — the sweater and two gift boxes are presents for clients. Could you add a gift note ("With thanks from Fjord Design Studio") and leave the prices off the packing slip?\n\nThanks,\nEmma`,
      },
      {
        dir: "OUT",
        ago: 9 * DAY - 95,
        text: `Hi Emma, done — the gift note is on ${delayedNumber} and the packing slip won't show prices. It should ship tomorrow; you'll get the tracking link by email. — Ana`,
      },
      { dir: "IN", ago: 9 * DAY - 130, text: "Perfect, thank you Ana!" },
    ],
    (i) => `<story-emma-${i}@demo-store.example>`,
  );
  const waMessages = thread(
    waId,
    wa,
    [
      { dir: "IN", ago: 6, text: `Hi, it's Emma Larsen — I emailed last week about order ${delayedNumber}.` },
      {
        dir: "IN",
        ago: 4,
        text: "The UPS tracking hasn't moved in three days and it was due two days ago. The gifts are for a client meeting on Friday — can you check what's going on?",
      },
    ],
    (i) => `wamid.story.emma.${i}`,
  );
  const conversation = (
    id: string,
    number: number,
    ch: DemoChannel,
    msgs: typeof emailMessages,
    extra: Partial<Prisma.ConversationCreateManyInput>,
  ) => {
    const s = summarizeMessages(msgs);
    return {
      id,
      workspaceId,
      number,
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
    };
  };
  const conversations: Prisma.ConversationCreateManyInput[] = [
    conversation(emailId, input.nextConversationNumber, email_, emailMessages, {
      subject: `Gift note for order ${delayedNumber}`,
      status: "RESOLVED",
      priority: "NORMAL",
      assigneeId: input.agentId,
      resolvedAt: at(9 * DAY - 140),
      waitingSince: null,
      externalThreadId: emailMessages[0]?.externalId ?? null,
    }),
    conversation(waId, input.nextConversationNumber + 1, wa, waMessages, { subject: null, status: "OPEN", priority: "HIGH" }),
  ];
  const conversationTags = [
    { conversationId: emailId, tagId: tagId("gift"), workspaceId, createdAt: at(9 * DAY - 30) },
    { conversationId: waId, tagId: tagId("delayed-order"), workspaceId, createdAt: at(3) },
    { conversationId: waId, tagId: tagId("where-is-my-order"), workspaceId, createdAt: at(3) },
  ];
  return {
    attributeDefinitions,
    customer,
    identities,
    customerTags,
    notes,
    orders,
    items,
    fulfillments,
    events,
    conversations,
    messages: [...emailMessages, ...waMessages],
    conversationTags,
  };
}
