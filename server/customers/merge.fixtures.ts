// A realistic duplicate pair for the merge tests — an e-mail record and a WhatsApp-only record of the same person —
// with a row in EVERY table that references a customer, including the conflicting kinds (a tag both carry, a
// campaign both are recipients of), plus a bystander whose rows must never change. And a dump of every such row.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { createChannel, createConversation, createCustomer, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { addIdentity, addOrder, addTag, minutesAgo } from "./directory.fixtures";

export async function duplicatePair(db: Db) {
  const ws = await createWorkspaceWithRoles(db);
  const workspaceId = ws.workspace.id;
  const whatsapp = await createChannel(db, { workspaceId, kind: "WHATSAPP", name: "WhatsApp", ownerTeamId: ws.teams.returns.id });
  const keep = await createCustomer(db, { workspaceId, name: "Maya Lindqvist", email: "maya@example.se" });
  const merge = await createCustomer(db, { workspaceId, name: "Maya L", email: null, phone: "+46701234567", vip: true });
  const bystander = await createCustomer(db, { workspaceId, name: "Someone Else", phone: "+46709999999" });
  await db.customer.update({ where: { id: keep.id }, data: { attributes: { tier: "gold" }, lastContactAt: minutesAgo(600) } });
  await db.customer.update({
    where: { id: merge.id },
    data: {
      locale: "sv-SE",
      timezone: "Europe/Stockholm",
      attributes: { tier: "silver", source: "whatsapp" },
      lastContactAt: minutesAgo(5),
    },
  });
  await addIdentity(db, { workspaceId, customerId: merge.id }, "WHATSAPP", "+46701234567");

  const keepConv = await createConversation(db, {
    workspaceId,
    channelId: ws.channel.id,
    customerId: keep.id,
    subject: "Sizes?",
    messages: 2,
  });
  const mergeConvs = [
    await createConversation(db, { workspaceId, channelId: whatsapp.id, customerId: merge.id, messages: 3, lastMessageAt: minutesAgo(5) }),
    await createConversation(db, {
      workspaceId,
      channelId: whatsapp.id,
      customerId: merge.id,
      status: "RESOLVED",
      messages: 2,
      lastMessageAt: minutesAgo(900),
    }),
  ];
  await createConversation(db, { workspaceId, channelId: ws.channel.id, customerId: bystander.id, messages: 2 });
  await addOrder(db, { workspaceId, customerId: merge.id, number: `#W${randomUUID().slice(0, 6)}`, delayed: true });
  await addOrder(db, { workspaceId, customerId: bystander.id });

  const note = await db.note.create({ data: { workspaceId, customerId: merge.id, body: "Prefers WhatsApp", pinned: true } });
  await db.noteRevision.create({ data: { workspaceId, noteId: note.id, body: "Prefers Whatsapp" } });
  const gift = await addTag(db, workspaceId, keep.id, "gift");
  await db.customerTag.create({ data: { workspaceId, customerId: merge.id, tagId: gift.id, createdAt: minutesAgo(3000) } });
  const wholesale = await addTag(db, workspaceId, merge.id, "wholesale");
  await addTag(db, workspaceId, bystander.id, "gift");

  const survey = await db.survey.create({ data: { workspaceId, kind: "CSAT", name: "CSAT", question: "How did we do?" } });
  await db.surveyResponse.create({
    data: { workspaceId, surveyId: survey.id, customerId: merge.id, conversationId: mergeConvs[1]?.id, tokenHash: randomUUID(), score: 5 },
  });
  const [both, only] = await Promise.all(
    ["Holiday promo", "Back in stock"].map((name) => db.campaign.create({ data: { workspaceId, name, body: `${name}!` } })),
  );
  if (!both || !only) throw new Error("campaigns");
  await db.campaignRecipient.createMany({
    data: [
      { workspaceId, campaignId: both.id, customerId: keep.id, status: "SENT", sentAt: minutesAgo(60) },
      { workspaceId, campaignId: both.id, customerId: merge.id, status: "FAILED", error: "no opt-in", conversationId: mergeConvs[0]?.id },
      { workspaceId, campaignId: only.id, customerId: merge.id, status: "PENDING" },
      { workspaceId, campaignId: only.id, customerId: bystander.id, status: "PENDING" },
    ],
  });
  return { ...ws, workspaceId, whatsapp, keep, merge, bystander, keepConv, mergeConvs, gift, wholesale, campaigns: { both, only } };
}

/** Tables with a foreign key to "Customer" (besides Customer.mergedIntoId), read from the catalog. */
export async function customerReferencingTables(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ table: string }[]>`
    SELECT DISTINCT conrelid::regclass::text AS table FROM pg_constraint
    WHERE contype = 'f' AND confrelid = '"Customer"'::regclass AND conrelid <> '"Customer"'::regclass`;
  return rows.map((r) => r.table.replace(/"/g, "")).sort();
}

/**
 * Every row touching these customers, as the database stores it (to_jsonb of the whole row): the customers,
 * every row of every table referencing a customer, and the notes' revisions. Sorted, so two dumps deep-equal
 * exactly when the rows are identical.
 */
export async function dumpCustomerRows(db: Db, customerIds: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  const rowsOf = async (sql: string) =>
    (await db.$queryRawUnsafe<{ row: unknown }[]>(sql, customerIds))
      .map((r) => r.row)
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  out.Customer = await rowsOf(`SELECT to_jsonb(t.*) AS row FROM "Customer" t WHERE t.id = ANY($1::uuid[])`);
  for (const table of await customerReferencingTables(db)) {
    out[table] = await rowsOf(`SELECT to_jsonb(t.*) AS row FROM "${table}" t WHERE t."customerId" = ANY($1::uuid[])`);
  }
  out.NoteRevision = await rowsOf(
    `SELECT to_jsonb(r.*) AS row FROM "NoteRevision" r JOIN "Note" n ON n.id = r."noteId" WHERE n."customerId" = ANY($1::uuid[])`,
  );
  return out;
}
