import { describe, expect, it } from "vitest";
import { createCustomer, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";
import { MOVED_TABLES } from "./merge.schemas";
import { customerReferencingTables, dumpCustomerRows, duplicatePair } from "./merge.fixtures";

const db = testDb();

describe("customers.merge / unmerge", () => {
  it("covers every table that references a customer", async () => {
    // a new table with a customerId must be taught to merge (and unmerge) before this passes again
    expect(await customerReferencingTables(db)).toEqual([...MOVED_TABLES].sort());
  });

  it("moves every row to the kept record, resolves conflicts, and unmerge restores every row exactly", async () => {
    const f = await duplicatePair(db);
    const ids = [f.keep.id, f.merge.id, f.bystander.id];
    const before = await dumpCustomerRows(db, ids);
    const lastContacts = (await db.customer.findMany({ where: { id: { in: [f.keep.id, f.merge.id] } } })).map(
      (c) => c.lastContactAt?.getTime() ?? 0,
    );
    const lead = callerAs(f.members.lead);

    const result = await lead.customers.merge({ keepId: f.keep.id, mergeId: f.merge.id });
    expect(result.counts).toMatchObject({
      Conversation: 2,
      Order: 1,
      Note: 1,
      CustomerIdentity: 1,
      SurveyResponse: 1,
      CustomerTag: 1,
      CampaignRecipient: 1,
    });
    expect(result.counts.Message).toBeGreaterThanOrEqual(3); // the customer's own (inbound) messages
    expect(result.counts).toMatchObject({ droppedTags: 1, droppedCampaignRecipients: 1 });

    // nothing references the merged record any more; it points at the kept one
    const mid = await dumpCustomerRows(db, [f.merge.id]);
    for (const table of MOVED_TABLES) expect(mid[table]).toEqual([]);
    const merged = await db.customer.findUniqueOrThrow({ where: { id: f.merge.id } });
    expect(merged.mergedIntoId).toBe(f.keep.id);
    const kept = await db.customer.findUniqueOrThrow({ where: { id: f.keep.id }, include: { tags: { include: { tag: true } } } });
    // kept values win; empty ones are filled; VIP if either; attributes united (kept wins per key)
    expect(kept).toMatchObject({ name: "Maya Lindqvist", email: "maya@example.se", phone: "+46701234567", locale: "sv-SE", vip: true });
    expect(kept.attributes).toEqual({ tier: "gold", source: "whatsapp" });
    expect(kept.lastContactAt?.getTime()).toBe(Math.max(...lastContacts));
    expect(kept.tags.map((t) => t.tag.name).sort()).toEqual(["gift", "wholesale"]);
    const recipients = await db.campaignRecipient.findMany({ where: { customerId: f.keep.id }, orderBy: { status: "asc" } });
    expect(recipients.map((r) => [r.campaignId, r.status])).toEqual([
      [f.campaigns.only.id, "PENDING"],
      [f.campaigns.both.id, "SENT"], // the kept record's own row wins the shared campaign
    ]);
    // the directory no longer lists the merged record, its page says where it went
    expect((await lead.customers.list({ q: "Maya" })).items.map((c) => c.id)).toEqual([f.keep.id]);
    expect(await lead.customers.summary({ customerId: f.merge.id })).toMatchObject({ mergedInto: { id: f.keep.id } });
    const timeline = await lead.customers.timeline({ customerId: f.keep.id });
    expect(timeline.items.filter((e) => e.type === "conversation")).toHaveLength(3);

    const audit = await db.auditLog.findFirstOrThrow({ where: { workspaceId: f.workspaceId, action: "customers.merge" } });
    expect(audit).toMatchObject({ targetId: f.keep.id, actorId: f.members.lead.user.id });
    const events = await db.domainEvent.findMany({ where: { workspaceId: f.workspaceId }, orderBy: { id: "asc" } });
    const payloads = events.map((e) => e.payload as { type: string; conversationId?: string | null; customerId?: string });
    expect(
      payloads
        .filter((p) => p.type === "conversation.updated")
        .map((p) => p.conversationId)
        .sort(),
    ).toEqual(f.mergeConvs.map((c) => c.id).sort());
    expect(payloads.filter((p) => p.type === "customer.updated").map((p) => p.customerId)).toEqual([f.keep.id, f.merge.id]);

    const history = await lead.customers.mergeHistory({ customerId: f.keep.id });
    expect(history).toMatchObject([
      { id: result.mergeRecordId, keptName: "Maya Lindqvist", mergedName: "Maya L", canUndo: true, undoneAt: null },
    ]);

    await lead.customers.unmerge({ mergeRecordId: result.mergeRecordId });
    const after = await dumpCustomerRows(db, ids);
    expect(after).toEqual(before);
    expect(await db.auditLog.count({ where: { workspaceId: f.workspaceId, action: "customers.unmerge" } })).toBe(1);

    // an undone merge cannot be undone twice; the pair can be merged again
    await expect(lead.customers.unmerge({ mergeRecordId: result.mergeRecordId })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await lead.customers.mergeHistory({ customerId: f.keep.id })).toMatchObject([{ canUndo: false }]);
    await lead.customers.merge({ keepId: f.merge.id, mergeId: f.keep.id });
  });

  it("keeps an edit made after the merge when undoing it", async () => {
    const f = await duplicatePair(db);
    const lead = callerAs(f.members.lead);
    const { mergeRecordId } = await lead.customers.merge({ keepId: f.keep.id, mergeId: f.merge.id });
    await db.customer.update({ where: { id: f.keep.id }, data: { phone: "+46700000001" } });
    await lead.customers.unmerge({ mergeRecordId });
    const kept = await db.customer.findUniqueOrThrow({ where: { id: f.keep.id } });
    expect(kept.phone).toBe("+46700000001"); // changed since: left alone
    expect(kept.locale).toBeNull(); // filled by the merge: restored
    expect(kept.vip).toBe(false);
  });

  it("refuses to undo a merge a later merge depends on, until that one is undone", async () => {
    const f = await duplicatePair(db);
    const lead = callerAs(f.members.lead);
    const first = await lead.customers.merge({ keepId: f.keep.id, mergeId: f.merge.id });
    const third = await createCustomer(db, { workspaceId: f.workspaceId, name: "Maya (chat)" });
    const second = await lead.customers.merge({ keepId: third.id, mergeId: f.keep.id });
    await expect(lead.customers.unmerge({ mergeRecordId: first.mergeRecordId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("undo it first"),
    });
    expect(await lead.customers.mergeHistory({ customerId: f.keep.id })).toMatchObject([
      { id: second.mergeRecordId, canUndo: true },
      { id: first.mergeRecordId, canUndo: false, blockedById: second.mergeRecordId },
    ]);
    // merging a merged-away record is refused too
    await expect(lead.customers.merge({ keepId: third.id, mergeId: f.merge.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await lead.customers.unmerge({ mergeRecordId: second.mergeRecordId });
    await lead.customers.unmerge({ mergeRecordId: first.mergeRecordId });
    expect(await db.customer.findUniqueOrThrow({ where: { id: f.merge.id } })).toMatchObject({ mergedIntoId: null });
  });

  it("refuses agents and volunteers, and anonymous callers", async () => {
    const f = await duplicatePair(db);
    const pair = { keepId: f.keep.id, mergeId: f.merge.id };
    for (const m of [f.members.agent, f.members.volunteer]) {
      const c = callerAs(m);
      await expect(c.customers.merge(pair)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(c.customers.mergePreview(pair)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(c.customers.mergeSuggestions({ customerId: f.keep.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(c.customers.mergeHistory({ customerId: f.keep.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const { mergeRecordId } = await callerAs(f.members.admin).customers.merge(pair);
    await expect(callerAs(f.members.agent).customers.unmerge({ mergeRecordId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(null).customers.unmerge({ mergeRecordId })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerAs(f.members.lead).customers.merge({ keepId: f.keep.id, mergeId: f.keep.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("cannot merge, preview or undo across workspaces (NOT_FOUND), and changes nothing there", async () => {
    const f = await duplicatePair(db);
    const other = await createWorkspaceWithRoles(db);
    const theirs = await createCustomer(db, { workspaceId: other.workspace.id, name: "Maya Lindqvist", email: "maya@example.se" });
    const before = await dumpCustomerRows(db, [f.keep.id, f.merge.id, theirs.id]);
    const lead = callerAs(f.members.lead);
    await expect(lead.customers.merge({ keepId: f.keep.id, mergeId: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(lead.customers.mergePreview({ keepId: theirs.id, mergeId: f.merge.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerAs(other.members.admin).customers.mergeSuggestions({ customerId: f.keep.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // the other workspace's same-address customer is never suggested
    expect((await lead.customers.mergeSuggestions({ customerId: f.keep.id })).map((s) => s.id)).not.toContain(theirs.id);
    const { mergeRecordId } = await lead.customers.merge({ keepId: f.keep.id, mergeId: f.merge.id });
    await expect(callerAs(other.members.admin).customers.unmerge({ mergeRecordId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await lead.customers.unmerge({ mergeRecordId });
    expect(await dumpCustomerRows(db, [f.keep.id, f.merge.id, theirs.id])).toEqual(before);
  });
});

describe("customers.mergeSuggestions / mergePreview", () => {
  it("suggests customers sharing a phone or e-mail, and previews what moves and which values win", async () => {
    const f = await duplicatePair(db);
    const lead = callerAs(f.members.lead);
    // the kept record had no phone: share it through the e-mail record's WhatsApp twin via an SMS identity
    await db.customerIdentity.create({
      data: { workspaceId: f.workspaceId, customerId: f.keep.id, channelKind: "SMS", address: "+46701234567" },
    });
    // the same address on the record only (as typed into an order form), in other letter case
    const twinByEmail = await db.customer.create({ data: { workspaceId: f.workspaceId, name: "M. Lindqvist", email: "Maya@Example.se" } });
    const suggestions = await lead.customers.mergeSuggestions({ customerId: f.keep.id });
    expect(suggestions.map((s) => s.id).sort()).toEqual([f.merge.id, twinByEmail.id].sort());
    const viaPhone = suggestions.find((s) => s.id === f.merge.id);
    expect(viaPhone?.reasons).toEqual([{ kind: "phone", value: "+46701234567" }]);
    expect(viaPhone).toMatchObject({ conversationCount: 2, orderCount: 1, channelKinds: ["WHATSAPP"] });
    expect(suggestions.find((s) => s.id === twinByEmail.id)?.reasons).toEqual([{ kind: "email", value: "maya@example.se" }]);
    expect(suggestions.map((s) => s.id)).not.toContain(f.bystander.id);

    const preview = await lead.customers.mergePreview({ keepId: f.keep.id, mergeId: f.merge.id });
    expect(preview.moves).toMatchObject({
      identities: 1,
      conversations: 2,
      orders: 1,
      notes: 1,
      tags: 1,
      surveyResponses: 1,
      campaignRecipients: 1,
    });
    expect(preview.duplicates).toEqual({ tags: 1, campaigns: 1 });
    expect(preview.vip).toBe(true);
    expect(preview.fields.find((x) => x.field === "name")).toMatchObject({
      keep: "Maya Lindqvist",
      merge: "Maya L",
      result: "Maya Lindqvist",
      conflict: true,
    });
    expect(preview.fields.find((x) => x.field === "phone")).toMatchObject({ keep: null, result: "+46701234567", filled: true });
    // a merged-away customer has no suggestions of its own
    await lead.customers.merge({ keepId: f.keep.id, mergeId: f.merge.id });
    expect(await lead.customers.mergeSuggestions({ customerId: f.merge.id })).toEqual([]);
    expect((await lead.customers.mergeSuggestions({ customerId: f.keep.id })).map((s) => s.id)).toEqual([twinByEmail.id]);
  });
});
