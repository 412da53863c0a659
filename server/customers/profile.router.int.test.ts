import { describe, expect, it } from "vitest";
import { createConversation, createCustomer, createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";

const db = testDb();

async function fixture() {
  const ws = await createWorkspaceWithRoles(db);
  const customer = await createCustomer(db, { workspaceId: ws.workspace.id, name: "Rosa Diaz" });
  // in Returns: the volunteer's queue, so the volunteer can see (but not change) this customer
  await createConversation(db, {
    workspaceId: ws.workspace.id,
    channelId: ws.channel.id,
    customerId: customer.id,
    teamId: ws.teams.returns.id,
  });
  return { ...ws, workspaceId: ws.workspace.id, customer };
}

async function customerEvents(workspaceId: string, customerId: string) {
  const rows = await db.domainEvent.findMany({
    where: { workspaceId, type: "customer.updated" },
    orderBy: { id: "asc" },
    select: { payload: true },
  });
  return rows.map((r) => r.payload as { customerId: string; changes: string[] }).filter((p) => p.customerId === customerId);
}

type Caller = ReturnType<typeof callerAs>;
const ID = "01a20000-0000-7000-8000-000000000000";
/** Every customer mutation of the panel, on a given customer. */
const MUTATIONS: Record<string, (c: Caller, customerId: string) => Promise<unknown>> = {
  updateProfile: (c, customerId) => c.customers.updateProfile({ customerId, vip: true }),
  setAttribute: (c, customerId) => c.customers.setAttribute({ customerId, key: "tier", value: "gold" }),
  addTag: (c, customerId) => c.customers.addTag({ customerId, name: "vip" }),
  removeTag: (c, customerId) => c.customers.removeTag({ customerId, tagId: ID }),
  createNote: (c, customerId) => c.customers.createNote({ customerId, body: "Hello" }),
};

describe("customer mutations: who is refused", () => {
  for (const [name, call] of Object.entries(MUTATIONS)) {
    it(`${name}: volunteer FORBIDDEN, other workspace NOT_FOUND, anonymous UNAUTHORIZED`, async () => {
      const f = await fixture();
      const other = await fixture();
      await expect(call(callerAs(f.members.volunteer), f.customer.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(call(callerAs(other.members.admin), f.customer.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(call(callerAs(null), f.customer.id)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    });
  }

  it("note edits/pins/deletes: volunteer FORBIDDEN, another workspace's note NOT_FOUND", async () => {
    const f = await fixture();
    const other = await fixture();
    const note = await callerAs(f.members.agent).customers.createNote({ customerId: f.customer.id, body: "Mine" });
    for (const c of [callerAs(f.members.volunteer)])
      for (const call of [
        () => c.customers.editNote({ noteId: note.id, body: "x" }),
        () => c.customers.pinNote({ noteId: note.id, pinned: true }),
        () => c.customers.deleteNote({ noteId: note.id }),
      ])
        await expect(call()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const o = callerAs(other.members.admin);
    await expect(o.customers.editNote({ noteId: note.id, body: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(o.customers.pinNote({ noteId: note.id, pinned: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(o.customers.deleteNote({ noteId: note.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(o.customers.noteHistory({ noteId: note.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.note.findUniqueOrThrow({ where: { id: note.id }, select: { body: true, pinned: true } })).toEqual({
      body: "Mine",
      pinned: false,
    });
  });
});

describe("customers.updateProfile", () => {
  it("changes only the given fields and tells open panels", async () => {
    const f = await fixture();
    const c = callerAs(f.members.agent);
    await c.customers.updateProfile({ customerId: f.customer.id, vip: true, timezone: "Europe/Madrid", locale: "es-ES" });
    const updated = await c.customers.updateProfile({ customerId: f.customer.id, name: "Rosa M. Diaz" });
    expect(updated).toMatchObject({ name: "Rosa M. Diaz", vip: true, timezone: "Europe/Madrid", locale: "es-ES" });
    expect((await customerEvents(f.workspaceId, f.customer.id)).map((e) => e.changes)).toEqual([["vip", "locale", "timezone"], ["name"]]);
    await expect(c.customers.updateProfile({ customerId: f.customer.id, timezone: "Mars/Olympus" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(c.customers.updateProfile({ customerId: f.customer.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("customers.setAttribute", () => {
  it("validates values against the definition's type and keeps other keys", async () => {
    const f = await fixture();
    await db.customAttributeDefinition.createMany({
      data: [
        { workspaceId: f.workspaceId, entity: "CUSTOMER", key: "tier", label: "Tier", type: "LIST", options: ["gold", "silver"] },
        { workspaceId: f.workspaceId, entity: "CUSTOMER", key: "points", label: "Points", type: "NUMBER" },
        { workspaceId: f.workspaceId, entity: "CUSTOMER", key: "birthday", label: "Birthday", type: "DATE" },
        { workspaceId: f.workspaceId, entity: "CUSTOMER", key: "newsletter", label: "Newsletter", type: "BOOLEAN" },
        { workspaceId: f.workspaceId, entity: "CUSTOMER", key: "nickname", label: "Nickname", type: "TEXT" },
      ],
    });
    const c = callerAs(f.members.agent);
    const set = (key: string, value: string | number | boolean | null) =>
      c.customers.setAttribute({ customerId: f.customer.id, key, value });
    await set("tier", "gold");
    await set("points", "1200");
    await set("birthday", "1990-02-28");
    await set("newsletter", true);
    await set("nickname", "  Ro  ");
    for (const [key, value] of [
      ["tier", "platinum"],
      ["points", "lots"],
      ["birthday", "1990-02-30"],
      ["birthday", "yesterday"],
      ["newsletter", "yes"],
      ["nickname", 3],
      ["unknown", "x"],
    ] as const)
      await expect(set(key, value), `${key}=${String(value)}`).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await set("points", null);
    const row = await db.customer.findUniqueOrThrow({ where: { id: f.customer.id }, select: { attributes: true } });
    expect(row.attributes).toEqual({ tier: "gold", birthday: "1990-02-28", newsletter: true, nickname: "Ro" });
    const panel = await c.customers.panel({ customerId: f.customer.id });
    expect(Object.fromEntries(panel.attributes.map((a) => [a.key, a.value]))).toMatchObject({
      tier: "gold",
      points: null,
      newsletter: true,
    });
  });

  it("two agents setting different keys at once both win", async () => {
    const f = await fixture();
    await db.customAttributeDefinition.createMany({
      data: ["a", "b", "c", "d"].map((key) => ({
        workspaceId: f.workspaceId,
        entity: "CUSTOMER" as const,
        key,
        label: key,
        type: "TEXT" as const,
      })),
    });
    await Promise.all(
      ["a", "b", "c", "d"].map((key) => callerAs(f.members.agent).customers.setAttribute({ customerId: f.customer.id, key, value: key })),
    );
    const row = await db.customer.findUniqueOrThrow({ where: { id: f.customer.id }, select: { attributes: true } });
    expect(row.attributes).toEqual({ a: "a", b: "b", c: "c", d: "d" });
  });
});

describe("customers tags", () => {
  it("adds (creating the tag on the fly, race-safe) and removes", async () => {
    const f = await fixture();
    const name = `New Tag ${f.customer.id.slice(0, 4)}`;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => callerAs(f.members.agent).customers.addTag({ customerId: f.customer.id, name })),
    );
    expect(results.filter((r) => r.added)).toHaveLength(1);
    const tags = await db.tag.findMany({ where: { workspaceId: f.workspaceId, name: name.toLowerCase().replace(/ /g, "-") } });
    expect(tags).toHaveLength(1);
    expect(await db.customerTag.count({ where: { customerId: f.customer.id } })).toBe(1);
    const c = callerAs(f.members.lead);
    expect((await c.customers.panel({ customerId: f.customer.id })).tags.map((t) => t.id)).toEqual([tags[0]?.id]);
    expect(await c.customers.removeTag({ customerId: f.customer.id, tagId: tags[0]!.id })).toEqual({ removed: true });
    expect(await c.customers.removeTag({ customerId: f.customer.id, tagId: tags[0]!.id })).toEqual({ removed: false });
    expect((await customerEvents(f.workspaceId, f.customer.id)).map((e) => e.changes)).toEqual([["tags"], ["tags"]]);
  });

  it("cannot remove another workspace's tag link", async () => {
    const f = await fixture();
    const other = await fixture();
    const { tag } = await callerAs(other.members.agent).customers.addTag({ customerId: other.customer.id, name: "loyal" });
    await expect(callerAs(f.members.admin).customers.removeTag({ customerId: other.customer.id, tagId: tag.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.customerTag.count({ where: { customerId: other.customer.id } })).toBe(1);
  });
});

describe("customer notes", () => {
  it("create, edit with history, pin first, delete", async () => {
    const f = await fixture();
    const agent = callerAs(f.members.agent);
    const a = await agent.customers.createNote({ customerId: f.customer.id, body: "Ships to her office" });
    const b = await agent.customers.createNote({ customerId: f.customer.id, body: "Call before 5pm" });
    await agent.customers.editNote({ noteId: a.id, body: "Ships to her office (weekdays)" });
    const edited = await agent.customers.editNote({ noteId: a.id, body: "Ships to her office on weekdays" });
    expect(edited).toMatchObject({ edited: true, body: "Ships to her office on weekdays" });
    const history = await agent.customers.noteHistory({ noteId: a.id });
    expect([history.current.body, ...history.revisions.map((r) => r.body)]).toEqual([
      "Ships to her office on weekdays",
      "Ships to her office (weekdays)",
      "Ships to her office",
    ]);
    expect(history.revisions[0]?.replacedBy).toBe(f.members.agent.user.name);
    // the volunteer may read the history of a customer in their queue
    expect((await callerAs(f.members.volunteer).customers.noteHistory({ noteId: a.id })).revisions).toHaveLength(2);

    await agent.customers.pinNote({ noteId: a.id, pinned: true });
    const panel = await agent.customers.panel({ customerId: f.customer.id });
    expect(panel.notes.map((n) => [n.id, n.pinned, n.edited])).toEqual([
      [a.id, true, true],
      [b.id, false, false],
    ]);
    await agent.customers.deleteNote({ noteId: b.id });
    expect(await db.note.count({ where: { customerId: f.customer.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { workspaceId: f.workspaceId, action: "customer.note_deleted", targetId: b.id } })).toBe(1);
    expect((await customerEvents(f.workspaceId, f.customer.id)).length).toBe(6);
  });

  it("only the author, a lead or an admin may edit or delete a note", async () => {
    const f = await fixture();
    const admin = await db.membership.findFirstOrThrow({ where: { workspaceId: f.workspaceId, role: "ADMIN" } });
    const note = await callerAs(f.members.lead).customers.createNote({ customerId: f.customer.id, body: "Lead's note" });
    const agent = callerAs(f.members.agent);
    await expect(agent.customers.editNote({ noteId: note.id, body: "changed" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(agent.customers.deleteNote({ noteId: note.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // pinning is for anyone who may update the customer
    await expect(agent.customers.pinNote({ noteId: note.id, pinned: true })).resolves.toMatchObject({ pinned: true });
    const mine = await agent.customers.createNote({ customerId: f.customer.id, body: "Agent's note" });
    await expect(callerAs(f.members.lead).customers.editNote({ noteId: mine.id, body: "Lead fixed it" })).resolves.toMatchObject({
      edited: true,
    });
    await expect(callerAs({ userId: admin.userId, workspaceId: f.workspaceId }).customers.deleteNote({ noteId: mine.id })).resolves.toEqual(
      { ok: true },
    );
  });
});

describe("customer attribute definitions (settings)", () => {
  it("leads and admins manage them; agents and volunteers are refused", async () => {
    const f = await fixture();
    for (const who of [f.members.agent, f.members.volunteer]) {
      const c = callerAs(who);
      await expect(c.customers.attributeDefinitions()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(c.customers.createAttributeDefinition({ key: "tier", label: "Tier", type: "TEXT" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(c.customers.updateAttributeDefinition({ id: ID, label: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(c.customers.deleteAttributeDefinition({ id: ID })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const lead = callerAs(f.members.lead);
    const tier = await lead.customers.createAttributeDefinition({ key: "tier", label: "Tier", type: "LIST", options: ["gold", "silver"] });
    const since = await lead.customers.createAttributeDefinition({ key: "member_since", label: "Member since", type: "DATE" });
    expect([tier.position, since.position]).toEqual([0, 1]);
    await expect(lead.customers.createAttributeDefinition({ key: "tier", label: "Again", type: "TEXT" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(lead.customers.createAttributeDefinition({ key: "Bad Key", label: "x", type: "TEXT" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(lead.customers.createAttributeDefinition({ key: "empty_list", label: "x", type: "LIST" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(lead.customers.updateAttributeDefinition({ id: since.id, options: ["a"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await lead.customers.updateAttributeDefinition({ id: tier.id, label: "Loyalty tier", options: ["gold", "silver", "bronze"] });
    expect((await callerAs(f.members.admin).customers.attributeDefinitions()).map((d) => [d.key, d.label, d.options])).toEqual([
      ["tier", "Loyalty tier", ["gold", "silver", "bronze"]],
      ["member_since", "Member since", []],
    ]);
    const other = await fixture();
    await expect(callerAs(other.members.admin).customers.deleteAttributeDefinition({ id: tier.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callerAs(other.members.admin).customers.updateAttributeDefinition({ id: tier.id, label: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await lead.customers.deleteAttributeDefinition({ id: since.id });
    expect((await lead.customers.attributeDefinitions()).map((d) => d.key)).toEqual(["tier"]);
    expect(await db.auditLog.count({ where: { workspaceId: f.workspaceId, targetType: "CustomAttributeDefinition" } })).toBe(4);
  });
});
