// Demo data for an empty database: the "Demo Store" workspace in the middle of the holiday rush.
// Every random choice comes from a fixed-seed PRNG, so each run creates the same names, texts and counts;
// dates are relative to now so the data always looks fresh. Everything is written in one transaction.
import { hashPassword } from "../../server/auth/password";
import { encryptSecret } from "../../server/lib/crypto";
import type { Prisma, PrismaClient } from "../../server/db/generated/client";
import { buildConversations, type DemoMember } from "./demo-conversations";
import { buildCustomers } from "./demo-customers";
import { buildOrders } from "./demo-orders";
import { buildStory } from "./demo-story";
import { buildDuplicates } from "./demo-duplicates";
import { DEMO_PASSWORD, DEMO_SLUG, DEMO_USERS, TEAM_MEMBERS, buildExtras, buildWorkspace, type MemberKey } from "./demo-workspace";
import { createRng } from "./random";

export type SeedDemoResult = { seeded: boolean; reason?: string; counts?: Record<string, number> };

const SEED = 20_251_124;
const CUSTOMER_COUNT = 300;
const CONVERSATION_COUNT = 1_000;
const BATCH_SIZE = 1_000;
export const DEMO_SHOPIFY_NAME = "Demo Store (Shopify)";
/** Signs the demo integration's webhooks (Shopify HMAC) and authorises its JSON API: a demo value, not a real secret. */
export const DEMO_SHOPIFY_SECRET = "sbk_demo_store_shopify_webhook_secret";

/** Null when no app secret is configured yet (a bare `db:seed`): an admin then rotates one in Settings. */
function sealedDemoSecret(): string | null {
  try {
    return encryptSecret(DEMO_SHOPIFY_SECRET);
  } catch {
    return null;
  }
}

async function insertBatched<T>(rows: readonly T[], create: (data: T[]) => Promise<Prisma.BatchPayload>): Promise<number> {
  let count = 0;
  for (let i = 0; i < rows.length; i += BATCH_SIZE) count += (await create(rows.slice(i, i + BATCH_SIZE))).count;
  return count;
}

/**
 * Seeds the demo workspace when the database has no workspace at all. With force it first deletes an
 * existing "demo-store" workspace (everything in it cascades) and seeds again; the demo users are reused.
 */
export async function seedDemo(db: PrismaClient, opts: { force?: boolean } = {}): Promise<SeedDemoResult> {
  const notEmpty = { seeded: false, reason: "the database already has a workspace" } as const;
  if (!opts.force && (await db.workspace.findFirst({ select: { id: true } }))) return notEmpty;

  const passwordHash = await hashPassword(DEMO_PASSWORD); // argon2 is slow: once, before the transaction
  const now = new Date();
  const rng = createRng(SEED);
  const workspaceId = rng.uuid();
  const plannedUserIds = Object.fromEntries(DEMO_USERS.map((u) => [u.key, rng.uuid()])) as Record<MemberKey, string>;

  return db.$transaction(
    async (tx) => {
      if (opts.force) await tx.workspace.deleteMany({ where: { slug: DEMO_SLUG } });
      else if (await tx.workspace.findFirst({ select: { id: true } })) return notEmpty;

      // users are global: reuse (and reset) the demo accounts when they survive from an earlier seed
      const userIds = { ...plannedUserIds };
      for (const u of DEMO_USERS) {
        const user = await tx.user.upsert({
          where: { email: u.email },
          create: { id: plannedUserIds[u.key], email: u.email, name: u.name, passwordHash },
          update: { name: u.name, passwordHash },
          select: { id: true },
        });
        userIds[u.key] = user.id;
      }
      const members: DemoMember[] = DEMO_USERS.map((u) => ({ key: u.key, id: userIds[u.key], name: u.name, role: u.role }));

      const ws = buildWorkspace(rng, workspaceId, userIds, now);
      const hoursId = ws.businessHours[0]?.id ?? "";
      const integrationId = rng.uuid();
      const integration: Prisma.CommerceIntegrationCreateManyInput = {
        id: integrationId,
        workspaceId,
        kind: "SHOPIFY",
        name: DEMO_SHOPIFY_NAME,
        // a fixed, public demo secret (admins reveal it in Settings → Integrations); sealed with this deployment's key
        secretEncrypted: sealedDemoSecret(),
        settings: {},
      };
      const people = buildCustomers(rng, {
        workspaceId,
        count: CUSTOMER_COUNT,
        now,
        tagIds: ws.tagIds,
        noteAuthorIds: members.filter((m) => m.role !== "VOLUNTEER").map((m) => m.id),
      });
      const commerce = buildOrders(rng, { workspaceId, integrationId, customers: people.customers, now });
      const inbox = buildConversations(rng, {
        workspaceId,
        now,
        count: CONVERSATION_COUNT,
        customers: people.customers,
        orders: commerce.orders,
        channels: ws.channels,
        teamIds: ws.teamIds,
        members,
        teamMembers: TEAM_MEMBERS,
        tagIds: ws.tagIds,
      });
      const extras = buildExtras(rng, workspaceId, userIds, ws.teamIds, hoursId, now);
      // Emma Larsen: one named customer across email and WhatsApp with a delayed order (customer panel demo + E2E)
      const story = buildStory({
        workspaceId,
        now,
        channels: ws.channels,
        teamIds: ws.teamIds,
        tagIds: ws.tagIds,
        leadId: userIds.lead,
        agentId: userIds.agent,
        nextOrderNumber: 1001 + commerce.orderRows.length,
        nextConversationNumber: inbox.conversations.length + 1,
        integrationId,
      });
      people.identities.push(...story.identities);
      people.customerTags.push(...story.customerTags);
      people.notes.push(...story.notes);
      commerce.orderRows.push(...story.orders);
      commerce.items.push(...story.items);
      commerce.fulfillments.push(...story.fulfillments);
      commerce.events.push(...story.events);
      inbox.conversations.push(...story.conversations);
      inbox.messages.push(...story.messages);
      inbox.conversationTags.push(...story.conversationTags);
      // two duplicate pairs (same phone across e-mail / WhatsApp, same e-mail from a chat visitor): merge demo + E2E
      const duplicates = buildDuplicates({
        workspaceId,
        now,
        channels: ws.channels,
        teamIds: ws.teamIds,
        agentId: userIds.agent,
        nextConversationNumber: inbox.conversations.length + 1,
      });
      people.identities.push(...duplicates.identities);
      inbox.conversations.push(...duplicates.conversations);
      inbox.messages.push(...duplicates.messages);
      for (const c of people.customers) {
        const last = inbox.lastContact.get(c.id);
        if (last) c.row.lastContactAt = last;
      }

      await tx.workspace.create({ data: { ...ws.workspace, conversationSeq: inbox.conversations.length } });
      const counts: Record<string, number> = { workspaces: 1, users: DEMO_USERS.length };
      counts.memberships = await insertBatched(ws.memberships, (data) => tx.membership.createMany({ data }));
      counts.businessHours = await insertBatched(ws.businessHours, (data) => tx.businessHours.createMany({ data }));
      counts.holidays = await insertBatched(ws.holidays, (data) => tx.holiday.createMany({ data }));
      counts.teams = await insertBatched(ws.teams, (data) => tx.team.createMany({ data }));
      counts.teamMembers = await insertBatched(ws.teamMembers, (data) => tx.teamMember.createMany({ data }));
      counts.channels = await insertBatched(
        ws.channels.map((c) => c.row),
        (data) => tx.channel.createMany({ data }),
      );
      counts.tags = await insertBatched(ws.tags, (data) => tx.tag.createMany({ data }));
      counts.commerceIntegrations = await insertBatched([integration], (data) => tx.commerceIntegration.createMany({ data }));
      counts.customers = await insertBatched(
        people.customers.map((c) => c.row),
        (data) => tx.customer.createMany({ data }),
      );
      counts.storyCustomers = await insertBatched([story.customer], (data) => tx.customer.createMany({ data }));
      counts.duplicateCustomers = await insertBatched(duplicates.customers, (data) => tx.customer.createMany({ data }));
      counts.attributeDefinitions = await insertBatched(story.attributeDefinitions, (data) =>
        tx.customAttributeDefinition.createMany({ data }),
      );
      counts.customerIdentities = await insertBatched(people.identities, (data) => tx.customerIdentity.createMany({ data }));
      counts.customerTags = await insertBatched(people.customerTags, (data) => tx.customerTag.createMany({ data }));
      counts.notes = await insertBatched(people.notes, (data) => tx.note.createMany({ data }));
      counts.orders = await insertBatched(commerce.orderRows, (data) => tx.order.createMany({ data }));
      counts.orderItems = await insertBatched(commerce.items, (data) => tx.orderItem.createMany({ data }));
      counts.fulfillments = await insertBatched(commerce.fulfillments, (data) => tx.fulfillment.createMany({ data }));
      counts.orderEvents = await insertBatched(commerce.events, (data) => tx.orderEvent.createMany({ data }));
      counts.conversations = await insertBatched(inbox.conversations, (data) => tx.conversation.createMany({ data }));
      counts.messages = await insertBatched(inbox.messages, (data) => tx.message.createMany({ data }));
      counts.conversationTags = await insertBatched(inbox.conversationTags, (data) => tx.conversationTag.createMany({ data }));
      counts.savedReplies = await insertBatched(extras.savedReplies, (data) => tx.savedReply.createMany({ data }));
      counts.slaPolicies = await insertBatched(extras.slaPolicies, (data) => tx.slaPolicy.createMany({ data }));
      // reply-time clocks on the waiting conversations (the SLA engine keeps them from then on): VIPs 15 min, others 1 h
      counts.slaClocks = await tx.$executeRaw`
        UPDATE "Conversation" c SET "slaPolicyId" = p.id,
          "slaDueAt" = c."waitingSince" + make_interval(mins => p."firstResponseMinutes"),
          "slaBreachedAt" = CASE WHEN c."waitingSince" + make_interval(mins => p."firstResponseMinutes") < ${now}
            THEN c."waitingSince" + make_interval(mins => p."firstResponseMinutes") END
        FROM "Customer" cu, "SlaPolicy" p
        WHERE c."workspaceId" = ${workspaceId}::uuid AND c.status IN ('OPEN', 'PENDING') AND c."waitingSince" IS NOT NULL
          AND cu.id = c."customerId" AND p."workspaceId" = c."workspaceId" AND p.name = (CASE WHEN cu.vip THEN 'VIP' ELSE 'Standard' END)`;
      counts.surveys = await insertBatched(extras.surveys, (data) => tx.survey.createMany({ data }));
      counts.articleCategories = await insertBatched(extras.articleCategories, (data) => tx.articleCategory.createMany({ data }));
      counts.articles = await insertBatched(extras.articles, (data) => tx.article.createMany({ data }));
      return { seeded: true, counts };
    },
    { timeout: 180_000, maxWait: 30_000 },
  );
}
