// Demo conversations with messages, internal notes and events, written from the customer's real orders.
import type { ChannelKind, ConversationStatus, DeliveryStatus, Prisma, Priority, Role } from "../../server/db/generated/client";
import {
  AGENT_CLOSINGS,
  CUSTOMER_EXTRA_QUESTIONS,
  CUSTOMER_NUDGES,
  CUSTOMER_SIGNOFFS,
  CUSTOMER_THANKS,
  EMAIL_SIGNOFFS,
  HANDOFF_NOTES,
  formatAgentEmail,
  formatCustomerEmail,
  renderTemplate,
  templateFits,
} from "./content";
import type { DemoCustomer } from "./demo-customers";
import type { DemoOrder } from "./demo-orders";
import { chooseTopic, pickFitting, pickThread, scriptFor, templateVars, type TopicChoice } from "./demo-topics";
import type { DemoChannel, MemberKey, TeamKey } from "./demo-workspace";
import type { Rng } from "./random";
import { summarizeMessages, type MessageLike } from "./summary";

const MINUTE_MS = 60_000;
const HOUR = 60;
const DAY = 24 * HOUR;
const MAX_ROWS = 8;

export type DemoMember = { key: MemberKey; id: string; name: string; role: Role };

export type ConversationInputs = {
  workspaceId: string;
  now: Date;
  count: number;
  customers: readonly DemoCustomer[];
  orders: readonly DemoOrder[];
  channels: readonly DemoChannel[];
  teamIds: Record<TeamKey, string>;
  members: readonly DemoMember[];
  teamMembers: Record<TeamKey, readonly MemberKey[]>;
  tagIds: Map<string, string>;
};

export type ConversationRows = {
  conversations: Prisma.ConversationCreateManyInput[];
  messages: Prisma.MessageCreateManyInput[];
  conversationTags: Prisma.ConversationTagCreateManyInput[];
  /** customer id → latest lastMessageAt */
  lastContact: Map<string, Date>;
};

const STATUS_WEIGHTS: readonly (readonly [ConversationStatus, number])[] = [
  ["OPEN", 35],
  ["PENDING", 15],
  ["SNOOZED", 5],
  ["RESOLVED", 45],
];
const KIND_WEIGHTS: readonly (readonly [ChannelKind, number])[] = [
  ["EMAIL", 40],
  ["CHAT", 15],
  ["WHATSAPP", 13],
  ["SMS", 10],
  ["MESSENGER", 10],
  ["INSTAGRAM", 8],
  ["TELEGRAM", 4],
];
const ASSIGNED_CHANCE: Record<ConversationStatus, number> = { OPEN: 0.38, PENDING: 0.6, SNOOZED: 0.8, RESOLVED: 0.52 };
const ROLE_WEIGHT: Record<Role, number> = { AGENT: 4, VOLUNTEER: 2, LEAD: 1, ADMIN: 0.5 };
/** How many customer/agent messages, by status (open conversations may end with the customer). */
const MESSAGE_COUNTS: Record<ConversationStatus, readonly (readonly [number, number])[]> = {
  OPEN: [
    [1, 35],
    [2, 15],
    [3, 40],
    [5, 10],
  ],
  PENDING: [
    [2, 60],
    [4, 40],
  ],
  SNOOZED: [
    [2, 50],
    [4, 50],
  ],
  RESOLVED: [
    [2, 35],
    [4, 45],
    [6, 20],
  ],
};
const DELIVERY: Record<ChannelKind, readonly (readonly [DeliveryStatus, number])[]> = {
  EMAIL: [
    ["SENT", 60],
    ["DELIVERED", 40],
  ],
  CHAT: [
    ["READ", 70],
    ["DELIVERED", 30],
  ],
  MESSENGER: [
    ["READ", 60],
    ["DELIVERED", 35],
    ["SENT", 5],
  ],
  INSTAGRAM: [
    ["READ", 60],
    ["DELIVERED", 35],
    ["SENT", 5],
  ],
  WHATSAPP: [
    ["READ", 65],
    ["DELIVERED", 30],
    ["SENT", 5],
  ],
  TELEGRAM: [
    ["SENT", 60],
    ["DELIVERED", 40],
  ],
  SMS: [
    ["DELIVERED", 85],
    ["SENT", 15],
  ],
};
const FAILURES: Partial<Record<ChannelKind, string>> = {
  EMAIL: "550 5.1.1 <recipient>: Recipient address rejected: mailbox unavailable",
  WHATSAPP: "(#131047) Re-engagement message: more than 24 hours have passed since the customer last replied",
  SMS: "Twilio 30006: Landline or unreachable carrier",
  MESSENGER: "(#10) This message is sent outside of the allowed window",
  INSTAGRAM: "(#10) This message is sent outside of the allowed window",
  TELEGRAM: "Forbidden: bot was blocked by the user",
};

type Turn = { dir: "IN" | "OUT"; text: string };
type Planned = {
  ago: number;
  kind: "MESSAGE" | "NOTE" | "EVENT";
  dir: "IN" | "OUT";
  text: string;
  authorUserId: string | null;
  meta: Prisma.InputJsonObject;
};

function firstName(name: string): string {
  return name.split(" ")[0] ?? name;
}

export function buildConversations(rng: Rng, input: ConversationInputs): ConversationRows {
  const { workspaceId, now } = input;
  const at = (minutesAgo: number) => new Date(now.getTime() - Math.round(minutesAgo * MINUTE_MS));
  const tagId = (name: string) => {
    const id = input.tagIds.get(name);
    if (!id) throw new Error(`unknown tag ${name}`);
    return id;
  };
  const memberByKey = new Map(input.members.map((m) => [m.key, m]));
  const teamOf = (team: TeamKey) => input.teamMembers[team].map((k) => memberByKey.get(k)).filter((m): m is DemoMember => m !== undefined);
  const pickMember = (team: TeamKey) => rng.weighted(teamOf(team).map((m) => [m, ROLE_WEIGHT[m.role]] as const));
  const ordersOf = new Map<string, DemoOrder[]>();
  for (const o of input.orders) ordersOf.set(o.customer.id, [...(ordersOf.get(o.customer.id) ?? []), o]);
  const pools = new Map<ChannelKind, DemoCustomer[]>();
  for (const c of input.customers) for (const k of c.kinds) pools.set(k, [...(pools.get(k) ?? []), c]);

  type Draft = { startAgo: number; row: Prisma.ConversationCreateManyInput; messages: (Prisma.MessageCreateManyInput & MessageLike)[] };
  const drafts: Draft[] = [];
  const conversationTags: Prisma.ConversationTagCreateManyInput[] = [];

  for (let i = 0; i < input.count; i++) {
    const status = rng.weighted(STATUS_WEIGHTS);
    const kind = rng.weighted(KIND_WEIGHTS);
    const channel = input.channels.find((c) => c.kind === kind);
    const pool = pools.get(kind);
    if (!channel || !pool || pool.length === 0) throw new Error(`no channel or customers for ${kind}`);
    let customer = rng.pick(pool);
    let choice: TopicChoice | null = null;
    for (let attempt = 0; attempt < 4 && !choice; attempt++) {
      customer = attempt === 0 ? customer : rng.pick(pool);
      choice = chooseTopic(rng, ordersOf.get(customer.id) ?? [], status, attempt === 3);
    }
    if (!choice) throw new Error("no topic fits"); // unreachable: presale topics always fit

    const assignee = rng.chance(ASSIGNED_CHANCE[status]) ? pickMember(channel.team) : null;
    const author = assignee ?? pickMember(channel.team);
    const vars = templateVars(rng, choice, customer, firstName(author.name));
    const script = scriptFor(choice);
    const thread = pickThread(rng, script.threads, vars);

    // the customer/agent exchange
    const lines: Turn[] = [
      { dir: "IN", text: renderTemplate(pickFitting(rng, script.openings, vars), vars) },
      { dir: "OUT", text: renderTemplate(thread.reply, vars) },
      { dir: "IN", text: renderTemplate(thread.followUp, vars) },
      { dir: "OUT", text: renderTemplate(thread.resolution, vars) },
      { dir: "IN", text: status === "OPEN" ? rng.pick(CUSTOMER_EXTRA_QUESTIONS) : rng.pick(CUSTOMER_THANKS) },
      { dir: "OUT", text: rng.pick(AGENT_CLOSINGS) },
    ];
    const turns = lines.slice(0, rng.weighted(MESSAGE_COUNTS[status]));
    if (turns[turns.length - 1]?.dir === "IN" && rng.chance(turns.length === 1 ? 0.5 : 0.15))
      turns.push({ dir: "IN", text: rng.pick(CUSTOMER_NUDGES) });

    const isEmail = kind === "EMAIL";
    const isChat = kind === "CHAT";
    const signoff = rng.pick(EMAIL_SIGNOFFS);
    const customerSignoff = rng.pick(CUSTOMER_SIGNOFFS);
    const greet = rng.chance(0.5);
    const greetSocial = rng.chance(0.7);
    let firstOut = true;
    const texts = turns.map((t, idx) => {
      if (t.dir === "IN")
        return isEmail ? formatCustomerEmail(t.text, vars, { first: idx === 0, greet, signoff: customerSignoff }) : t.text;
      const body = t.text;
      const wasFirst = firstOut;
      firstOut = false;
      if (isEmail) return formatAgentEmail(body, vars, signoff);
      return wasFirst && greetSocial ? `Hi ${vars.first}! ${body}` : body;
    });

    // timing: gaps after the start, squeezed so the last message is before now
    const offsets = [0];
    for (let k = 1; k < turns.length; k++) {
      const prev = turns[k - 1];
      const cur = turns[k];
      let gap: number;
      if (isChat) gap = rng.float(0.5, cur?.dir === "IN" && prev?.dir === "IN" ? 8 : 4);
      else if (cur?.dir === "OUT") gap = isEmail ? rng.int(15, 20 * HOUR) : rng.int(4, 8 * HOUR);
      else if (prev?.dir === "IN") gap = rng.int(2 * HOUR, 20 * HOUR);
      else
        gap = rng.weighted([
          [rng.int(10, 2 * HOUR), 50],
          [rng.int(2 * HOUR, 10 * HOUR), 30],
          [rng.int(10 * HOUR, DAY), 20],
        ] as const);
      offsets.push((offsets[k - 1] ?? 0) + gap);
    }
    const startAgo = choice.startAgo;
    const span = offsets[offsets.length - 1] ?? 0;
    const scale = span > startAgo - 2 ? (startAgo - 2) / span : 1;
    const planned: Planned[] = turns.map((t, k) => ({
      ago: startAgo - (offsets[k] ?? 0) * scale,
      kind: "MESSAGE",
      dir: t.dir,
      text: texts[k] ?? "",
      authorUserId: t.dir === "OUT" ? author.id : null,
      meta: {},
    }));
    const firstAgo = planned[0]?.ago ?? startAgo;
    const lastAgo = planned[planned.length - 1]?.ago ?? startAgo;
    const between = (fromAgo: number, toAgo: number) => fromAgo - (fromAgo - toAgo) * rng.float(0.2, 0.8);

    if (assignee && rng.chance(0.7)) {
      planned.push({
        ago: between(firstAgo, planned[1]?.ago ?? Math.max(0.2, firstAgo - 5)),
        kind: "EVENT",
        dir: "OUT",
        text: `Assigned to ${assignee.name}`,
        authorUserId: null,
        meta: { type: "assigned", assigneeId: assignee.id, assigneeName: assignee.name },
      });
    }
    if (planned.length < MAX_ROWS && (planned.length < 2 || rng.chance(0.28))) {
      const outIdx = turns.findIndex((t) => t.dir === "OUT");
      const afterIdx = outIdx >= 0 ? outIdx : 0;
      const fromAgo = planned[afterIdx]?.ago ?? firstAgo;
      const toAgo = turns[afterIdx + 1] ? (planned[afterIdx + 1]?.ago ?? 0.2) : Math.max(0.2, fromAgo - 30);
      const others = input.members.filter((m) => m.id !== author.id && m.role !== "VOLUNTEER");
      const topicNotes = script.notes.filter((n) => templateFits(n, vars));
      const mention = rng.pick(others.length > 0 ? others : input.members);
      const useTopic = topicNotes.length > 0 && rng.chance(0.7);
      planned.push({
        ago: between(fromAgo, toAgo),
        kind: "NOTE",
        dir: "OUT",
        text: useTopic
          ? renderTemplate(rng.pick(topicNotes), vars)
          : renderTemplate(rng.pick(HANDOFF_NOTES), { ...vars, mention: firstName(mention.name) }),
        authorUserId: author.id,
        meta: useTopic ? {} : { mentions: [mention.id] },
      });
    }
    const resolvedAgo = status === "RESOLVED" ? lastAgo - Math.min(rng.int(1, 3 * HOUR), lastAgo * 0.5) : null;
    const resolver = assignee ?? author;
    if (resolvedAgo !== null && planned.length < MAX_ROWS && rng.chance(0.5)) {
      planned.push({
        ago: resolvedAgo,
        kind: "EVENT",
        dir: "OUT",
        text: `Resolved by ${resolver.name}`,
        authorUserId: null,
        meta: { type: "status_changed", status: "RESOLVED", actorId: resolver.id, actorName: resolver.name },
      });
    }
    const snoozedUntilAgo = status === "SNOOZED" ? -rng.int(2 * HOUR, 3 * DAY) : null;
    if (snoozedUntilAgo !== null && planned.length < MAX_ROWS) {
      planned.push({
        ago: between(lastAgo, Math.max(0.1, lastAgo - 10)),
        kind: "EVENT",
        dir: "OUT",
        text: `Snoozed by ${author.name}`,
        authorUserId: null,
        meta: { type: "snoozed", actorId: author.id, actorName: author.name, until: at(snoozedUntilAgo).toISOString() },
      });
    }
    planned.sort((a, b) => b.ago - a.ago);

    const conversationId = rng.uuid();
    const messages = planned.map((p): Prisma.MessageCreateManyInput & MessageLike => {
      const outbound = p.kind === "MESSAGE" && p.dir === "OUT";
      const failure = FAILURES[kind];
      const failed = outbound && failure !== undefined && rng.chance(0.012);
      const delivery: DeliveryStatus | null = !outbound ? null : failed ? "FAILED" : rng.weighted(DELIVERY[kind]);
      const deliveredAgo = delivery === "DELIVERED" || delivery === "READ" ? p.ago - Math.min(rng.float(0.02, 1.5), p.ago * 0.5) : null;
      const readAgo =
        delivery === "READ" && deliveredAgo !== null ? deliveredAgo - Math.min(rng.float(0.5, 4 * HOUR), deliveredAgo * 0.9) : null;
      return {
        id: rng.uuid(),
        workspaceId,
        conversationId,
        channelId: channel.id,
        direction: p.dir,
        kind: p.kind,
        authorType: p.kind === "EVENT" ? "SYSTEM" : p.dir === "IN" ? "CUSTOMER" : "AGENT",
        authorUserId: p.authorUserId,
        customerId: p.dir === "IN" ? customer.id : null,
        text: p.text,
        deliveryStatus: delivery,
        deliveryError: failed ? (failure ?? null) : null,
        attempts: outbound ? (failed ? 3 : 1) : 0,
        sentAt: outbound && !failed ? at(p.ago) : null,
        deliveredAt: deliveredAgo !== null ? at(deliveredAgo) : null,
        readAt: readAgo !== null ? at(readAgo) : null,
        meta: p.meta,
        createdAt: at(p.ago),
      };
    });

    const summary = summarizeMessages(messages);
    const lastMessageAt = summary.lastMessageAt ?? at(lastAgo);
    const priority: Priority = customer.vip
      ? rng.weighted([
          ["NORMAL", 20],
          ["HIGH", 50],
          ["URGENT", 30],
        ] as const)
      : choice.topic === "delayed" || choice.topic === "damaged"
        ? rng.weighted([
            ["NONE", 20],
            ["NORMAL", 45],
            ["HIGH", 28],
            ["URGENT", 7],
          ] as const)
        : rng.weighted([
            ["NONE", 50],
            ["LOW", 6],
            ["NORMAL", 36],
            ["HIGH", 6],
            ["URGENT", 2],
          ] as const);
    const lastRow = planned[planned.length - 1];
    drafts.push({
      startAgo: firstAgo,
      messages,
      row: {
        id: conversationId,
        workspaceId,
        number: 0, // numbered below, in order of creation
        channelId: channel.id,
        customerId: customer.id,
        subject: isEmail ? renderTemplate(pickFitting(rng, script.subjects, vars), vars) : null,
        status,
        priority,
        assigneeId: assignee?.id ?? null,
        teamId: input.teamIds[channel.team],
        lastMessageAt,
        lastInboundAt: summary.lastInboundAt,
        lastOutboundAt: summary.lastOutboundAt,
        waitingSince: summary.waitingSince,
        firstResponseAt: summary.firstResponseAt,
        resolvedAt: resolvedAgo !== null ? at(resolvedAgo) : null,
        snoozedUntil: snoozedUntilAgo !== null ? at(snoozedUntilAgo) : null,
        preview: summary.preview,
        messageCount: summary.messageCount,
        externalThreadId: null,
        createdAt: at(firstAgo),
        updatedAt: at(Math.min(lastRow?.ago ?? lastAgo, resolvedAgo ?? lastAgo)),
      },
    });

    const tags = new Set(script.tags);
    if (choice.order?.state === "DELAYED") tags.add("delayed-order");
    if (customer.vip) tags.add("vip");
    if (customer.wholesale) tags.add("wholesale");
    for (const name of tags) {
      conversationTags.push({
        conversationId,
        tagId: tagId(name),
        workspaceId,
        addedById: assignee?.id ?? null,
        createdAt: at(Math.max(0.1, firstAgo - 1)),
      });
    }
  }

  // numbers and provider ids follow creation order
  drafts.sort((a, b) => b.startAgo - a.startAgo);
  const lastContact = new Map<string, Date>();
  const messages: Prisma.MessageCreateManyInput[] = [];
  let seq = 0;
  drafts.forEach((d, idx) => {
    d.row.number = idx + 1;
    const channel = input.channels.find((c) => c.id === d.row.channelId);
    const emailIds: string[] = [];
    for (const m of d.messages) {
      if (m.kind === "MESSAGE") {
        seq += 1;
        if (channel?.kind === "EMAIL") {
          m.externalId = `<seed-${seq}@demo-store.example>`;
          const prev = emailIds[emailIds.length - 1];
          if (prev) m.meta = { ...(m.meta as Prisma.InputJsonObject), inReplyTo: prev, references: emailIds.slice(-5) };
          emailIds.push(m.externalId);
        } else {
          m.externalId = `m_seed_${seq}`;
        }
      }
      messages.push(m);
    }
    if (channel?.kind === "EMAIL") d.row.externalThreadId = emailIds[0] ?? null;
    if (channel?.kind === "CHAT") d.row.externalThreadId = `chat_session_seed_${idx + 1}`;
    const last = d.row.lastMessageAt instanceof Date ? d.row.lastMessageAt : null;
    const prev = lastContact.get(d.row.customerId);
    if (last && (!prev || prev < last)) lastContact.set(d.row.customerId, last);
  });
  return { conversations: drafts.map((d) => d.row), messages, conversationTags, lastContact };
}
