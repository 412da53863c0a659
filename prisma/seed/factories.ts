// Factories for tests: each call creates unique rows in a real database and returns them (with ids).
import { randomUUID } from "node:crypto";
import { hashPassword } from "../../server/auth/password";
import type {
  Channel,
  ChannelKind,
  ConversationStatus,
  Customer,
  Membership,
  Prisma,
  Priority,
  PrismaClient,
  Team,
  User,
  Workspace,
  Conversation,
} from "../../server/db/generated/client";
import { summarizeMessages, type MessageLike } from "./summary";

export const DEFAULT_PASSWORD = "switchboard";

let defaultHash: Promise<string> | undefined;
/** argon2 is slow on purpose: hash the shared default password once per process. */
function defaultPasswordHash(): Promise<string> {
  defaultHash ??= hashPassword(DEFAULT_PASSWORD);
  return defaultHash;
}

let counter = 0;
/** Unique across calls and across parallel test processes. */
function uniq(): string {
  counter += 1;
  return `${randomUUID().slice(0, 8)}${counter.toString(36)}`;
}

export async function createWorkspace(
  db: PrismaClient,
  opts: { name?: string; slug?: string; timezone?: string } = {},
): Promise<Workspace> {
  const id = uniq();
  return db.workspace.create({
    data: { name: opts.name ?? `Workspace ${id}`, slug: opts.slug ?? `ws-${id}`, timezone: opts.timezone ?? "UTC" },
  });
}

export async function createUser(db: PrismaClient, opts: { email?: string; name?: string; password?: string } = {}): Promise<User> {
  const id = uniq();
  const passwordHash = opts.password === undefined ? await defaultPasswordHash() : await hashPassword(opts.password);
  return db.user.create({
    data: { email: (opts.email ?? `user-${id}@example.com`).trim().toLowerCase(), name: opts.name ?? `User ${id}`, passwordHash },
  });
}

export type MemberFixture = { user: User; membership: Membership };

/** A user with a membership of the workspace (and TeamMember rows for teamIds). Password: "switchboard" unless given. */
export async function createMember(
  db: PrismaClient,
  opts: {
    workspaceId: string;
    role: Membership["role"];
    teamIds?: string[];
    accessUntil?: Date | null;
    email?: string;
    name?: string;
    password?: string;
    repliesNeedApproval?: boolean;
    capacity?: number;
    active?: boolean;
  },
): Promise<MemberFixture> {
  const id = uniq();
  const passwordHash = opts.password === undefined ? await defaultPasswordHash() : await hashPassword(opts.password);
  const { memberships, ...user } = await db.user.create({
    data: {
      email: (opts.email ?? `${opts.role.toLowerCase()}-${id}@example.com`).trim().toLowerCase(),
      name: opts.name ?? `${opts.role.charAt(0)}${opts.role.slice(1).toLowerCase()} ${id}`,
      passwordHash,
      memberships: {
        create: {
          workspaceId: opts.workspaceId,
          role: opts.role,
          accessUntil: opts.accessUntil ?? null,
          repliesNeedApproval: opts.repliesNeedApproval ?? false,
          capacity: opts.capacity ?? 20,
          active: opts.active ?? true,
        },
      },
      teamMembers: { create: (opts.teamIds ?? []).map((teamId) => ({ teamId, workspaceId: opts.workspaceId })) },
    },
    include: { memberships: true },
  });
  const membership = memberships[0];
  if (!membership) throw new Error("membership was not created");
  return { user, membership };
}

export async function createTeam(
  db: PrismaClient,
  opts: { workspaceId: string; name?: string; businessHoursId?: string | null; assignmentMode?: string },
): Promise<Team> {
  return db.team.create({
    data: {
      workspaceId: opts.workspaceId,
      name: opts.name ?? `Team ${uniq()}`,
      businessHoursId: opts.businessHoursId ?? null,
      assignmentMode: opts.assignmentMode ?? "MANUAL",
    },
  });
}

export async function createChannel(
  db: PrismaClient,
  opts: {
    workspaceId: string;
    kind: ChannelKind;
    name?: string;
    ownerTeamId?: string | null;
    address?: string | null;
    externalId?: string | null;
  },
): Promise<Channel> {
  const id = uniq();
  const kind = opts.kind.toLowerCase();
  return db.channel.create({
    data: {
      workspaceId: opts.workspaceId,
      kind: opts.kind,
      name: opts.name ?? `${opts.kind.charAt(0)}${kind.slice(1)} ${id}`,
      address: opts.address !== undefined ? opts.address : opts.kind === "EMAIL" ? `support-${id}@example.com` : null,
      externalId: opts.externalId !== undefined ? opts.externalId : `${kind}-${id}`,
      ownerTeamId: opts.ownerTeamId ?? null,
    },
  });
}

/** A customer; with an email (generated unless email is null) it also gets an EMAIL identity. */
export async function createCustomer(
  db: PrismaClient,
  opts: { workspaceId: string; name?: string | null; email?: string | null; phone?: string | null; vip?: boolean },
): Promise<Customer> {
  const id = uniq();
  const email = opts.email === undefined ? `customer-${id}@example.com` : opts.email === null ? null : opts.email.trim().toLowerCase();
  const name = opts.name === undefined ? `Customer ${id}` : opts.name;
  return db.customer.create({
    data: {
      workspaceId: opts.workspaceId,
      name,
      email,
      phone: opts.phone ?? null,
      vip: opts.vip ?? false,
      identities: email
        ? { create: { workspaceId: opts.workspaceId, channelKind: "EMAIL", address: email, displayName: name } }
        : undefined,
    },
  });
}

export type CreateConversationInput = {
  workspaceId: string;
  channelId: string;
  customerId: string;
  status?: ConversationStatus;
  assigneeId?: string | null;
  /** defaults to the channel's owner team; pass null for none */
  teamId?: string | null;
  priority?: Priority;
  subject?: string | null;
  /** when the last message was (default: now); messages are spaced 5 minutes apart up to it */
  lastMessageAt?: Date;
  /** how many messages to insert, alternating inbound customer / outbound agent, starting inbound */
  messages?: number;
};

const MESSAGE_SPACING_MS = 5 * 60_000;

/**
 * A conversation numbered from the workspace's sequence (bumped atomically in the same transaction), with
 * `messages` messages and the denormalised fields (preview, counts, waitingSince…) consistent with them.
 */
export async function createConversation(db: PrismaClient, input: CreateConversationInput): Promise<Conversation> {
  const lastAt = input.lastMessageAt ?? new Date();
  const count = input.messages ?? 0;
  const status = input.status ?? "OPEN";
  const assigneeId = input.assigneeId ?? null;

  return db.$transaction(async (tx) => {
    const channel = await tx.channel.findUniqueOrThrow({ where: { id: input.channelId }, select: { ownerTeamId: true } });
    const rows = await tx.$queryRaw<{ conversationSeq: number }[]>`
      UPDATE "Workspace" SET "conversationSeq" = "conversationSeq" + 1 WHERE id = ${input.workspaceId}::uuid RETURNING "conversationSeq"`;
    const number = rows[0]?.conversationSeq;
    if (number === undefined) throw new Error(`workspace ${input.workspaceId} not found`);

    const messages: (MessageLike & Prisma.MessageCreateManyInput)[] = [];
    for (let i = 0; i < count; i++) {
      const inbound = i % 2 === 0;
      messages.push({
        workspaceId: input.workspaceId,
        conversationId: "", // filled below
        channelId: input.channelId,
        direction: inbound ? "IN" : "OUT",
        kind: "MESSAGE",
        authorType: inbound ? "CUSTOMER" : "AGENT",
        customerId: inbound ? input.customerId : null,
        authorUserId: inbound ? null : assigneeId,
        text: inbound ? `Customer message ${i + 1} in conversation #${number}` : `Agent reply ${i + 1} in conversation #${number}`,
        deliveryStatus: inbound ? null : "SENT",
        sentAt: inbound ? null : new Date(lastAt.getTime() - (count - 1 - i) * MESSAGE_SPACING_MS),
        createdAt: new Date(lastAt.getTime() - (count - 1 - i) * MESSAGE_SPACING_MS),
      });
    }
    const summary = summarizeMessages(messages);
    const first = messages[0];
    const conversation = await tx.conversation.create({
      data: {
        workspaceId: input.workspaceId,
        number,
        channelId: input.channelId,
        customerId: input.customerId,
        subject: input.subject ?? null,
        status,
        priority: input.priority ?? "NONE",
        assigneeId,
        teamId: input.teamId === undefined ? channel.ownerTeamId : input.teamId,
        lastMessageAt: summary.lastMessageAt ?? lastAt,
        lastInboundAt: summary.lastInboundAt,
        lastOutboundAt: summary.lastOutboundAt,
        waitingSince: status === "RESOLVED" ? null : summary.waitingSince,
        firstResponseAt: summary.firstResponseAt,
        resolvedAt: status === "RESOLVED" ? lastAt : null,
        snoozedUntil: status === "SNOOZED" ? new Date(Date.now() + 86_400_000) : null,
        preview: summary.preview,
        messageCount: summary.messageCount,
        createdAt: first ? first.createdAt : lastAt,
      },
    });
    if (messages.length > 0) {
      await tx.message.createMany({ data: messages.map((m) => ({ ...m, conversationId: conversation.id })) });
    }
    await tx.customer.updateMany({
      where: { id: input.customerId, OR: [{ lastContactAt: null }, { lastContactAt: { lt: conversation.lastMessageAt } }] },
      data: { lastContactAt: conversation.lastMessageAt },
    });
    return conversation;
  });
}

export type WorkspaceWithRoles = {
  workspace: Workspace;
  teams: { support: Team; returns: Team };
  /** an EMAIL channel owned by Support */
  channel: Channel;
  /** admin, lead, agent: Support (lead also Returns); volunteer: Returns only, access for 30 more days */
  members: { admin: MemberFixture; lead: MemberFixture; agent: MemberFixture; volunteer: MemberFixture };
};

export async function createWorkspaceWithRoles(db: PrismaClient): Promise<WorkspaceWithRoles> {
  const workspace = await createWorkspace(db);
  const workspaceId = workspace.id;
  const [support, returns] = await Promise.all([
    createTeam(db, { workspaceId, name: "Support" }),
    createTeam(db, { workspaceId, name: "Returns" }),
  ]);
  const [channel, admin, lead, agent, volunteer] = await Promise.all([
    createChannel(db, { workspaceId, kind: "EMAIL", name: "Support email", ownerTeamId: support.id }),
    createMember(db, { workspaceId, role: "ADMIN", teamIds: [support.id] }),
    createMember(db, { workspaceId, role: "LEAD", teamIds: [support.id, returns.id] }),
    createMember(db, { workspaceId, role: "AGENT", teamIds: [support.id] }),
    createMember(db, { workspaceId, role: "VOLUNTEER", teamIds: [returns.id], accessUntil: new Date(Date.now() + 30 * 86_400_000) }),
  ]);
  return { workspace, teams: { support, returns }, channel, members: { admin, lead, agent, volunteer } };
}
