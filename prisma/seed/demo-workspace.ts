// Demo workspace setup rows: people, teams, hours, channels, tags, saved replies, SLA, survey, help center.
import type { ChannelKind, Prisma, Role } from "../../server/db/generated/client";
import { TAGS } from "./catalog";
import type { Rng } from "./random";

export const DEMO_SLUG = "demo-store";
export const DEMO_PASSWORD = "switchboard";
const DAY_MS = 86_400_000;

export type MemberKey = "admin" | "lead" | "agent" | "agent2" | "volunteer";
export type TeamKey = "support" | "returns" | "social";

export const DEMO_USERS: readonly { key: MemberKey; email: string; name: string; role: Role }[] = [
  { key: "admin", email: "admin@example.com", name: "Ada Admin", role: "ADMIN" },
  { key: "lead", email: "lead@example.com", name: "Lee Lead", role: "LEAD" },
  { key: "agent", email: "agent@example.com", name: "Ana Agent", role: "AGENT" },
  { key: "agent2", email: "agent2@example.com", name: "Sam Agent", role: "AGENT" },
  { key: "volunteer", email: "volunteer@example.com", name: "Val Volunteer", role: "VOLUNTEER" },
];

export const TEAM_MEMBERS: Record<TeamKey, readonly MemberKey[]> = {
  support: ["lead", "agent", "agent2", "admin"],
  returns: ["lead", "agent2", "volunteer"],
  social: ["agent", "agent2"],
};

export type DemoChannel = { id: string; kind: ChannelKind; team: TeamKey; row: Prisma.ChannelCreateManyInput };

export type WorkspaceRows = {
  workspace: Prisma.WorkspaceCreateManyInput;
  memberships: Prisma.MembershipCreateManyInput[];
  businessHours: Prisma.BusinessHoursCreateManyInput[];
  holidays: Prisma.HolidayCreateManyInput[];
  teams: Prisma.TeamCreateManyInput[];
  teamMembers: Prisma.TeamMemberCreateManyInput[];
  channels: DemoChannel[];
  tags: Prisma.TagCreateManyInput[];
  tagIds: Map<string, string>;
  teamIds: Record<TeamKey, string>;
};

function fourthThursdayOfNovember(year: number): Date {
  const nov1 = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  return new Date(Date.UTC(year, 10, 1 + ((4 - nov1 + 7) % 7) + 21));
}

export function buildWorkspace(rng: Rng, workspaceId: string, userIds: Record<MemberKey, string>, now: Date): WorkspaceRows {
  const memberships = DEMO_USERS.map((u) => ({
    id: rng.uuid(),
    workspaceId,
    userId: userIds[u.key],
    role: u.role,
    accessUntil: u.key === "volunteer" ? new Date(now.getTime() + 45 * DAY_MS) : null,
    repliesNeedApproval: false,
    capacity: u.role === "VOLUNTEER" ? 8 : 25,
  }));

  const hoursId = rng.uuid();
  const day = [["09:00", "18:00"]];
  const businessHours = [
    {
      id: hoursId,
      workspaceId,
      name: "Weekdays",
      timezone: "America/New_York",
      schedule: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [["10:00", "14:00"]], sun: [] },
    },
  ];
  const holidays: Prisma.HolidayCreateManyInput[] = [];
  for (const year of [now.getUTCFullYear(), now.getUTCFullYear() + 1]) {
    holidays.push({ id: rng.uuid(), workspaceId, businessHoursId: hoursId, date: fourthThursdayOfNovember(year), name: "Thanksgiving" });
    holidays.push({ id: rng.uuid(), workspaceId, businessHoursId: hoursId, date: new Date(Date.UTC(year, 11, 25)), name: "Christmas Day" });
  }

  const teamIds: Record<TeamKey, string> = { support: rng.uuid(), returns: rng.uuid(), social: rng.uuid() };
  const teams: Prisma.TeamCreateManyInput[] = [
    {
      id: teamIds.support,
      workspaceId,
      name: "Support",
      description: "Email and website chat: orders, shipping, general questions",
      businessHoursId: hoursId,
      assignmentMode: "ROUND_ROBIN",
    },
    {
      id: teamIds.returns,
      workspaceId,
      name: "Returns",
      description: "Returns, exchanges and refunds (SMS line)",
      assignmentMode: "MANUAL",
    },
    {
      id: teamIds.social,
      workspaceId,
      name: "Social",
      description: "Facebook, Instagram, WhatsApp and Telegram",
      assignmentMode: "LEAST_LOADED",
    },
  ];
  const teamMembers = (Object.keys(TEAM_MEMBERS) as TeamKey[]).flatMap((team) =>
    TEAM_MEMBERS[team].map((key) => ({ teamId: teamIds[team], userId: userIds[key], workspaceId })),
  );

  const channel = (
    kind: ChannelKind,
    team: TeamKey,
    name: string,
    address: string | null,
    externalId: string,
    settings: Prisma.InputJsonObject,
  ): DemoChannel => {
    const id = rng.uuid();
    return {
      id,
      kind,
      team,
      row: {
        id,
        workspaceId,
        kind,
        name,
        address,
        externalId,
        settings,
        ownerTeamId: teamIds[team],
        businessHoursId: team === "support" ? hoursId : null,
      },
    };
  };
  const channels = [
    channel("EMAIL", "support", "Support email", "support@demo-store.example", "support@demo-store.example", {
      displayName: "Demo Store Customer Care",
      signature: "Demo Store Customer Care\nhttps://demo-store.example",
    }),
    channel("CHAT", "support", "Website chat", "demo-store.example", "chat_widget_demo_store", {
      color: "#2563eb",
      greeting: "Hi there! Questions about an order? We usually reply in a few minutes.",
    }),
    channel("MESSENGER", "social", "Demo Store on Facebook", "104857392018475", "104857392018475", { pageName: "Demo Store" }),
    channel("INSTAGRAM", "social", "@demostore", "@demostore", "17841405793187218", { username: "demostore" }),
    channel("WHATSAPP", "social", "WhatsApp +1 555 0100", "+15555550100", "109876543210987", {
      displayPhoneNumber: "+1 555-555-0100",
      wabaId: "102938475610293",
    }),
    channel("TELEGRAM", "social", "@DemoStoreBot", "@DemoStoreBot", "7012345678", { botUsername: "DemoStoreBot" }),
    channel("SMS", "returns", "SMS +1 555 0199", "+15555550199", "PN3f2a9c1d7e4b6a8c0d2e4f6a8b0c2d4e", {
      provider: "twilio",
      phoneNumber: "+15555550199",
    }),
  ];

  const tagIds = new Map<string, string>();
  const tags = TAGS.map((t) => {
    const id = rng.uuid();
    tagIds.set(t.name, id);
    return { id, workspaceId, name: t.name, color: t.color };
  });

  return {
    workspace: { id: workspaceId, name: "Demo Store", slug: DEMO_SLUG, timezone: "America/New_York" },
    memberships,
    businessHours,
    holidays,
    teams,
    teamMembers,
    channels,
    tags,
    tagIds,
    teamIds,
  };
}

export type ExtrasRows = {
  savedReplies: Prisma.SavedReplyCreateManyInput[];
  slaPolicies: Prisma.SlaPolicyCreateManyInput[];
  surveys: Prisma.SurveyCreateManyInput[];
  articleCategories: Prisma.ArticleCategoryCreateManyInput[];
  articles: Prisma.ArticleCreateManyInput[];
};

const SAVED_REPLIES: readonly { name: string; shortcut: string; team: TeamKey | null; body: string }[] = [
  {
    name: "Where is my order",
    shortcut: "wismo",
    team: null,
    body: "Hi {{customer.first_name}}, your order {{order.number}} is on its way — track it here: {{order.tracking_url}}. — {{agent.name}}",
  },
  {
    name: "Delay apology",
    shortcut: "delay",
    team: null,
    body: "Hi {{customer.first_name}}, I'm so sorry your order {{order.number}} is running late. {{order.carrier}} has reported a delay, and I've opened a trace with them. You can follow the latest scans here: {{order.tracking_url}}. I'll keep an eye on it and update you. — {{agent.name}}",
  },
  {
    name: "Return instructions",
    shortcut: "return",
    team: "returns",
    body: "Hi {{customer.first_name}}, happy to help with your return for {{order.number}}! Our holiday return window runs through January 31. I've emailed you a prepaid label: pack the item in any sturdy box, drop it at the carrier, and we'll refund you within 3–5 business days of receiving it. — {{agent.name}}",
  },
  {
    name: "Damaged item",
    shortcut: "damaged",
    team: null,
    body: "Hi {{customer.first_name}}, I'm sorry your order {{order.number}} arrived damaged! Could you reply with a photo of the item and the box? As soon as we have it, we'll ship a replacement by express at no cost. — {{agent.name}}",
  },
  {
    name: "Address change",
    shortcut: "address",
    team: null,
    body: "Hi {{customer.first_name}}, I can update the shipping address on {{order.number}} as long as it hasn't shipped yet. Please reply with the full new address, including apartment or unit number. — {{agent.name}}",
  },
  {
    name: "Gift wrap",
    shortcut: "gift",
    team: null,
    body: "Hi {{customer.first_name}}, gift wrap is free all season! I've added it to {{order.number}}, and we never include prices in gift orders. What would you like the gift card to say? — {{agent.name}}",
  },
  {
    name: "Backorder update",
    shortcut: "backorder",
    team: null,
    body: "Hi {{customer.first_name}}, thanks for your patience! An item in {{order.number}} is backordered and we expect new stock in about 10 days. You can wait, swap it for something in stock, or cancel it for a full refund: just let me know. — {{agent.name}}",
  },
];

const ARTICLES: readonly { category: 0 | 1; title: string; slug: string; body: string }[] = [
  {
    category: 0,
    title: "Holiday shipping times and order cut-off dates",
    slug: "holiday-shipping-times",
    body: "Standard shipping takes 3–6 business days and express 1–2 business days. During the holiday peak, carriers may add 1–2 days.\n\nTo receive your order before December 25, order by December 15 for standard shipping or December 20 for express. Gift cards are delivered by email instantly.",
  },
  {
    category: 0,
    title: "How to track your order",
    slug: "track-your-order",
    body: "As soon as your order ships, we email you a tracking number and a link to the carrier's tracking page (UPS, USPS, FedEx or DHL). Tracking can take up to 24 hours to show the first scan.\n\nYou can also reply to your shipping confirmation and our team will check on it for you.",
  },
  {
    category: 0,
    title: "What to do if your package is delayed",
    slug: "delayed-package",
    body: "If tracking hasn't updated for 3 business days or the estimated delivery date has passed, contact us. We'll open a trace with the carrier and, if the parcel is lost, send a replacement by express at no cost.",
  },
  {
    category: 1,
    title: "Returns and refunds (extended for the holidays)",
    slug: "returns-and-refunds",
    body: "Items bought between November 1 and December 31 can be returned until January 31. Items must be unused, with tags attached. We email you a prepaid return label, and refunds go back to the original payment method within 3–5 business days of receiving the return.\n\nGift recipients can return for store credit without the receipt.",
  },
  {
    category: 1,
    title: "Exchanging for a different size",
    slug: "size-exchanges",
    body: "Need a different size? Contact us with your order number and the size you'd like. We can ship the new size right away (advance exchange) and you send the original back with the prepaid label within 30 days.",
  },
];

export function buildExtras(
  rng: Rng,
  workspaceId: string,
  userIds: Record<MemberKey, string>,
  teamIds: Record<TeamKey, string>,
  hoursId: string,
  now: Date,
): ExtrasRows {
  const savedReplies = SAVED_REPLIES.map((r) => ({
    id: rng.uuid(),
    workspaceId,
    teamId: r.team ? teamIds[r.team] : null,
    name: r.name,
    shortcut: r.shortcut,
    body: r.body,
    usageCount: rng.int(3, 240),
    createdById: rng.pick([userIds.lead, userIds.admin]),
  }));
  const slaPolicies: Prisma.SlaPolicyCreateManyInput[] = [
    {
      id: rng.uuid(),
      workspaceId,
      name: "VIP",
      position: 0,
      conditions: [{ field: "customer.vip", op: "is", value: true }],
      firstResponseMinutes: 15,
      resolutionMinutes: 4 * 60,
    },
    {
      id: rng.uuid(),
      workspaceId,
      name: "Standard",
      position: 1,
      conditions: [],
      firstResponseMinutes: 60,
      resolutionMinutes: 24 * 60,
      businessHoursId: hoursId,
    },
  ];
  const surveys: Prisma.SurveyCreateManyInput[] = [
    {
      id: rng.uuid(),
      workspaceId,
      kind: "CSAT",
      name: "Customer satisfaction",
      question: "How would you rate the help you received today?",
      settings: { scale: 5, sendAfterResolvedMinutes: 60, channels: ["EMAIL", "CHAT"] },
    },
  ];
  const categoryIds = [rng.uuid(), rng.uuid()] as const;
  const articleCategories = [
    { id: categoryIds[0], workspaceId, name: "Shipping & delivery", slug: "shipping-delivery", position: 0 },
    { id: categoryIds[1], workspaceId, name: "Returns & exchanges", slug: "returns-exchanges", position: 1 },
  ];
  const articles: Prisma.ArticleCreateManyInput[] = ARTICLES.map((a) => {
    const publishedAt = new Date(now.getTime() - rng.int(20, 90) * DAY_MS);
    return {
      id: rng.uuid(),
      workspaceId,
      categoryId: categoryIds[a.category],
      title: a.title,
      slug: a.slug,
      body: a.body,
      locale: "en",
      status: "PUBLISHED",
      authorId: rng.pick([userIds.lead, userIds.admin]),
      publishedAt,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    };
  });
  return { savedReplies, slaPolicies, surveys, articleCategories, articles };
}
