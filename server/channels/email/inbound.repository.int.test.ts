import { describe, expect, it } from "vitest";
import { testDb } from "../../../test/db";
import { createChannel, createWorkspace } from "../../../prisma/seed/factories";
import { findEmailChannelIdByAddress } from "./inbound.repository";

const db = testDb();

describe("which channel the SMTP listener delivers to", () => {
  it("matches the address case-insensitively, and not when the listener is switched off for the channel", async () => {
    const ws = await createWorkspace(db);
    const address = `help.${Date.now()}@shop.example`;
    const channel = await createChannel(db, { workspaceId: ws.id, kind: "EMAIL", address });
    expect(await findEmailChannelIdByAddress(db, address.toUpperCase())).toBe(channel.id);

    await db.channel.update({ where: { id: channel.id }, data: { settings: { inbound: { smtpListener: false } } } });
    expect(await findEmailChannelIdByAddress(db, address)).toBeNull();

    await db.channel.update({ where: { id: channel.id }, data: { settings: { inbound: { smtpListener: true } } } });
    expect(await findEmailChannelIdByAddress(db, address)).toBe(channel.id);
    await db.channel.update({ where: { id: channel.id }, data: { active: false } });
    expect(await findEmailChannelIdByAddress(db, address)).toBeNull();
  });
});
