import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../test/db";
import { createCustomer, createWorkspace } from "../../prisma/seed/factories";
import { resolveCustomerByContact } from "./resolve-customer";

const db = testDb();
let workspaceId: string;
const unique = () => randomUUID().slice(0, 8);
const identities = async (customerId: string) =>
  (await db.customerIdentity.findMany({ where: { customerId }, select: { channelKind: true, address: true } }))
    .map((i) => `${i.channelKind}:${i.address}`)
    .sort();

beforeAll(async () => {
  workspaceId = (await createWorkspace(db)).id;
});

describe("resolveCustomerByContact", () => {
  it("creates a customer with EMAIL and SMS identities when nobody matches (normalised keys)", async () => {
    const u = unique();
    const r = await resolveCustomerByContact(db, workspaceId, {
      email: ` New.${u}@Example.COM `,
      phone: "(415) 555-0142",
      name: " Ana New ",
    });
    expect(r?.created).toBe(true);
    const c = await db.customer.findUniqueOrThrow({ where: { id: r?.id ?? "" } });
    expect(c).toMatchObject({ workspaceId, name: "Ana New", email: `new.${u}@example.com`, phone: "+14155550142" });
    expect(await identities(c.id)).toEqual([`EMAIL:new.${u}@example.com`, "SMS:+14155550142"]);
  });

  it("matches by email first, then by phone; adds what the match did not know; never overwrites a name", async () => {
    const u = unique();
    const known = await createCustomer(db, { workspaceId, email: `known.${u}@example.com`, name: "Typed By Agent" });
    const r = await resolveCustomerByContact(db, workspaceId, {
      email: `KNOWN.${u}@example.com`,
      phone: "+1 212 555 0175",
      name: "Other Name",
    });
    expect(r).toEqual({ id: known.id, created: false });
    expect(await identities(known.id)).toEqual([`EMAIL:known.${u}@example.com`, "SMS:+12125550175"]);
    expect(await db.customer.findUniqueOrThrow({ where: { id: known.id } })).toMatchObject({
      name: "Typed By Agent",
      phone: "+12125550175",
    });

    // phone only: found through the identity just added
    expect(await resolveCustomerByContact(db, workspaceId, { phone: "212-555-0175" })).toEqual({ id: known.id, created: false });
    // email beats phone when they point at two people; the phone stays its owner's
    const other = await createCustomer(db, { workspaceId, email: `other.${u}@example.com` });
    expect(await resolveCustomerByContact(db, workspaceId, { email: `other.${u}@example.com`, phone: "+12125550175" })).toEqual({
      id: other.id,
      created: false,
    });
    expect(await identities(other.id)).toEqual([`EMAIL:other.${u}@example.com`]);
  });

  it("finds a phone through a WhatsApp identity and follows a merge to the kept customer", async () => {
    const kept = await createCustomer(db, { workspaceId, email: null, name: "Kept" });
    const merged = await createCustomer(db, { workspaceId, email: null, name: "Merged" });
    await db.customer.update({ where: { id: merged.id }, data: { mergedIntoId: kept.id } });
    await db.customerIdentity.create({ data: { workspaceId, customerId: merged.id, channelKind: "WHATSAPP", address: "+447700900777" } });
    expect(await resolveCustomerByContact(db, workspaceId, { phone: "+44 7700 900777" })).toEqual({ id: kept.id, created: false });
  });

  it("returns null without a usable email or phone", async () => {
    expect(await resolveCustomerByContact(db, workspaceId, { email: "not an address", phone: "12", name: "X" })).toBeNull();
    expect(await resolveCustomerByContact(db, workspaceId, {})).toBeNull();
  });

  it("makes one customer when the same new person arrives many times at once, inside transactions too", async () => {
    const email = `race.${unique()}@example.com`;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        i % 2 === 0
          ? resolveCustomerByContact(db, workspaceId, { email, name: "Racer" })
          : db.$transaction((tx) => resolveCustomerByContact(tx, workspaceId, { email, phone: "+14155550999", name: "Racer" })),
      ),
    );
    const ids = new Set(results.map((r) => r?.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r?.created)).toHaveLength(1);
    expect(await db.customer.count({ where: { workspaceId, email } })).toBe(1);
    expect(await db.customerIdentity.count({ where: { workspaceId, address: email } })).toBe(1);
  });
});
