import { describe, expect, it } from "vitest";
import superjson from "superjson";
import { createWorkspaceWithRoles } from "../../prisma/seed/factories";
import { callerAs, testDb } from "../../test/db";
import { openJson } from "../lib/crypto";
import type { EmailChannelConfig } from "./channels.schemas";

const db = testDb();

const IMAP_PASSWORD = "imap-Pa55word-visible-nowhere";
const SMTP_PASSWORD = "smtp-Pa55word-visible-nowhere";

function emailInput(overrides: Record<string, unknown> = {}) {
  return {
    name: "Billing",
    address: `billing-${crypto.randomUUID().slice(0, 8)}@shop.example`,
    displayName: "Shop Billing",
    signature: "— The billing team",
    reopenWindowDays: 14,
    inbound: {
      smtpListener: true,
      imap: { host: "imap.shop.example", port: 993, secure: true, user: "billing", password: IMAP_PASSWORD, mailbox: "INBOX" },
      webhook: true,
    },
    smtp: { host: "smtp.shop.example", port: 587, secure: false, user: "billing", password: SMTP_PASSWORD, requireTLS: true },
    ...overrides,
  };
}

async function storedConfig(id: string) {
  const row = await db.channel.findUniqueOrThrow({ where: { id }, select: { configEncrypted: true, settings: true } });
  return { sealed: row.configEncrypted ?? "", config: openJson<EmailChannelConfig>(row.configEncrypted ?? ""), settings: row.settings };
}

describe("channels: who may do what", () => {
  it("refuses anonymous callers, agents and volunteers on every procedure", async () => {
    const f = await createWorkspaceWithRoles(db);
    const id = f.channel.id;
    for (const [who, code] of [
      [null, "UNAUTHORIZED"],
      [f.members.agent, "FORBIDDEN"],
      [f.members.volunteer, "FORBIDDEN"],
    ] as const) {
      const c = callerAs(who);
      await expect(c.channels.list(), String(code)).rejects.toMatchObject({ code });
      await expect(c.channels.get({ id })).rejects.toMatchObject({ code });
      await expect(c.channels.createEmail(emailInput())).rejects.toMatchObject({ code });
      await expect(c.channels.updateEmail({ id, ...emailInput() })).rejects.toMatchObject({ code });
      await expect(c.channels.setActive({ id, active: false })).rejects.toMatchObject({ code });
      await expect(c.channels.rotateWebhookSecret({ id })).rejects.toMatchObject({ code });
    }
    expect(await db.channel.count({ where: { workspaceId: f.workspace.id } })).toBe(1);
  });

  it("never shows or touches another workspace's channels", async () => {
    const a = await createWorkspaceWithRoles(db);
    const b = await createWorkspaceWithRoles(db);
    const { channel } = await callerAs(a.members.admin).channels.createEmail(emailInput());
    // a member of b claiming a's workspace is not a member there
    const intruder = callerAs({ userId: b.members.admin.user.id, workspaceId: a.workspace.id });
    await expect(intruder.channels.list()).rejects.toMatchObject({ code: "FORBIDDEN" });

    const other = callerAs(b.members.admin);
    const ids = (await other.channels.list()).items.map((c) => c.id);
    expect(ids).toEqual([b.channel.id]);
    const id = channel.id;
    await expect(other.channels.get({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.channels.updateEmail({ id, ...emailInput() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.channels.setActive({ id, active: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.channels.rotateWebhookSecret({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // nor can a channel be given to another workspace's team
    await expect(other.channels.createEmail(emailInput({ ownerTeamId: a.teams.support.id }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "That team is not part of this workspace",
    });
    expect((await callerAs(a.members.admin).channels.get({ id })).active).toBe(true);
  });
});

describe("channels: email channel settings", () => {
  it("creates an email channel: secrets sealed, settings plain, nothing secret in list/get, audited", async () => {
    const f = await createWorkspaceWithRoles(db);
    const lead = callerAs(f.members.lead);
    const input = emailInput({ ownerTeamId: f.teams.returns.id, address: "  Returns@Shop.Example " });
    const created = await lead.channels.createEmail(input);
    expect(created.webhookSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.channel).toMatchObject({
      kind: "EMAIL",
      name: "Billing",
      address: "returns@shop.example",
      active: true,
      ownerTeam: { id: f.teams.returns.id, name: "Returns" },
      email: { inbound: { smtpListener: true, imap: true, webhook: true }, imapError: null, lastPolledAt: null },
      emailSettings: {
        displayName: "Shop Billing",
        signature: "— The billing team",
        reopenWindowDays: 14,
        imap: { host: "imap.shop.example", port: 993, secure: true, user: "billing", mailbox: "INBOX", hasPassword: true },
        smtp: { host: "smtp.shop.example", port: 587, secure: false, user: "billing", requireTLS: true, hasPassword: true },
        webhook: { enabled: true, path: `/api/webhooks/email/${created.channel.id}`, hasSecret: true },
      },
    });

    const { sealed, config, settings } = await storedConfig(created.channel.id);
    for (const secret of [IMAP_PASSWORD, SMTP_PASSWORD, created.webhookSecret!]) expect(sealed).not.toContain(secret);
    expect(JSON.stringify(settings)).not.toContain(IMAP_PASSWORD);
    expect(config).toEqual({
      imap: { host: "imap.shop.example", port: 993, secure: true, user: "billing", password: IMAP_PASSWORD, mailbox: "INBOX" },
      smtp: { host: "smtp.shop.example", port: 587, secure: false, user: "billing", password: SMTP_PASSWORD, requireTLS: true },
      webhook: { secret: created.webhookSecret },
    });
    expect(settings).toMatchObject({ displayName: "Shop Billing", signature: "— The billing team", reopenWindowDays: 14 });

    const list = await lead.channels.list();
    const get = await lead.channels.get({ id: created.channel.id });
    for (const out of [list, get]) {
      const text = superjson.stringify(out);
      for (const secret of [IMAP_PASSWORD, SMTP_PASSWORD, created.webhookSecret!, sealed]) expect(text).not.toContain(secret);
    }
    expect(list.items.map((c) => c.id)).toContain(created.channel.id);

    const audit = await db.auditLog.findMany({ where: { workspaceId: f.workspace.id, targetId: created.channel.id } });
    expect(audit).toMatchObject([{ action: "channel.created", targetType: "Channel", actorId: f.members.lead.user.id }]);
    expect(JSON.stringify(audit)).not.toContain(IMAP_PASSWORD);
  });

  it("keeps stored passwords when the update leaves them empty, replaces them when given, and audits field names only", async () => {
    const f = await createWorkspaceWithRoles(db);
    const admin = callerAs(f.members.admin);
    const { channel } = await admin.channels.createEmail(emailInput());
    const base = emailInput({ address: channel.address });
    const empty = {
      ...base,
      id: channel.id,
      signature: "Thanks!\n— Billing",
      inbound: { ...base.inbound, imap: { ...base.inbound.imap, password: "" } },
      smtp: { ...base.smtp, host: "smtp2.shop.example", password: "" },
    };
    const updated = await admin.channels.updateEmail(empty);
    expect(updated.webhookSecret).toBeNull();
    expect(updated.channel.emailSettings).toMatchObject({
      signature: "Thanks!\n— Billing",
      smtp: { host: "smtp2.shop.example", hasPassword: true },
    });
    let { config } = await storedConfig(channel.id);
    expect(config.imap?.password).toBe(IMAP_PASSWORD);
    expect(config.smtp).toMatchObject({ host: "smtp2.shop.example", password: SMTP_PASSWORD });
    const webhookBefore = config.webhook?.secret;
    expect(webhookBefore).toBeTruthy();

    await admin.channels.updateEmail({ ...empty, smtp: { ...empty.smtp, password: "a-new-one" } });
    ({ config } = await storedConfig(channel.id));
    expect(config.smtp?.password).toBe("a-new-one");
    expect(config.imap?.password).toBe(IMAP_PASSWORD);
    expect(config.webhook?.secret).toBe(webhookBefore);

    const audit = await db.auditLog.findMany({ where: { targetId: channel.id, action: "channel.updated" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => (a.data as { changed: string[] }).changed)).toEqual([["signature", "smtp"], ["smtp.password"]]);
    expect(JSON.stringify(audit)).not.toContain("a-new-one");

    // turning IMAP off removes its credentials; turning it on again needs a password
    await admin.channels.updateEmail({ ...empty, inbound: { ...empty.inbound, imap: null } });
    expect((await storedConfig(channel.id)).config.imap).toBeUndefined();
    await expect(admin.channels.updateEmail(empty)).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Enter the mailbox password" });
  });

  it("keeps what the IMAP poller wrote, and clears its error when the mailbox settings change", async () => {
    const f = await createWorkspaceWithRoles(db);
    const admin = callerAs(f.members.admin);
    const { channel } = await admin.channels.createEmail(emailInput());
    const row = await db.channel.findUniqueOrThrow({ where: { id: channel.id }, select: { settings: true } });
    await db.channel.update({
      where: { id: channel.id },
      data: {
        settings: {
          ...(row.settings as object),
          imapSync: { uidValidity: "7", error: "AUTHENTICATIONFAILED", lastPolledAt: "2026-11-23T10:00:00.000Z" },
        },
      },
    });
    const listed = (await admin.channels.list()).items.find((c) => c.id === channel.id);
    expect(listed?.email).toMatchObject({ imapError: "AUTHENTICATIONFAILED", lastPolledAt: new Date("2026-11-23T10:00:00.000Z") });

    const base = emailInput({ address: channel.address });
    await admin.channels.updateEmail({ ...base, id: channel.id, signature: "new" });
    expect((await admin.channels.get({ id: channel.id })).email?.imapError).toBe("AUTHENTICATIONFAILED");
    await admin.channels.updateEmail({
      ...base,
      id: channel.id,
      inbound: { ...base.inbound, imap: { ...base.inbound.imap, password: "fixed" } },
    });
    const after = await admin.channels.get({ id: channel.id });
    expect(after.email).toMatchObject({ imapError: null, lastPolledAt: new Date("2026-11-23T10:00:00.000Z") });
    // the poller's UID state survives the edit
    const stored = await db.channel.findUniqueOrThrow({ where: { id: channel.id }, select: { settings: true } });
    expect(stored.settings).toMatchObject({ imapSync: { uidValidity: "7", error: null }, signature: base.signature });
  });

  it("validates fields with messages the form can show", async () => {
    const f = await createWorkspaceWithRoles(db);
    const lead = callerAs(f.members.lead);
    const bad = async (input: Record<string, unknown>, path: string) => {
      const err = await lead.channels.createEmail(input as never).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: "BAD_REQUEST" });
      expect(JSON.stringify(err), path).toContain(path);
    };
    await bad(emailInput({ address: "not-an-address" }), "Enter a valid email address");
    await bad(emailInput({ address: "help+vip@shop.example" }), "without a +tag");
    await bad(emailInput({ signature: "x".repeat(2001) }), "at most 2,000 characters");
    await bad(emailInput({ reopenWindowDays: 0 }), "Between 1 and 90 days");
    await bad(emailInput({ reopenWindowDays: 91 }), "Between 1 and 90 days");
    await bad(
      emailInput({ smtp: { host: "smtp.x", port: 70000, secure: false, user: "", password: "", requireTLS: true } }),
      "Ports run from 1 to 65535",
    );
    await bad(
      emailInput({ inbound: { smtpListener: false, imap: { host: "imap.x", user: "u", password: "" }, webhook: false } }),
      "Enter the mailbox password",
    );
    // defaults: 7 days, INBOX, no webhook secret when the webhook is off
    const ok = await lead.channels.createEmail({
      name: "Plain",
      address: "plain@shop.example",
      inbound: { smtpListener: true, imap: null, webhook: false },
      smtp: null,
    });
    expect(ok.webhookSecret).toBeNull();
    expect(ok.channel.emailSettings).toMatchObject({
      reopenWindowDays: 7,
      imap: null,
      smtp: null,
      webhook: { enabled: false, hasSecret: false },
    });
  });

  it("refuses a second active channel for the same address with a clear message", async () => {
    const f = await createWorkspaceWithRoles(db);
    const admin = callerAs(f.members.admin);
    const address = f.channel.address!;
    await expect(admin.channels.createEmail(emailInput({ address: address.toUpperCase() }))).rejects.toMatchObject({
      code: "CONFLICT",
      message: `Another active email channel already receives mail for ${address}`,
    });
    const other = await admin.channels.createEmail(emailInput());
    await expect(admin.channels.updateEmail({ ...emailInput({ address }), id: other.channel.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    // an inactive channel frees its address; reactivating it then conflicts
    await admin.channels.setActive({ id: f.channel.id, active: false });
    const taken = await admin.channels.createEmail(emailInput({ address }));
    expect(taken.channel.address).toBe(address);
    await expect(admin.channels.setActive({ id: f.channel.id, active: true })).rejects.toMatchObject({ code: "CONFLICT" });
    // concurrent creates cannot both win
    const racing = await Promise.allSettled([
      admin.channels.createEmail(emailInput({ address: "race@shop.example" })),
      admin.channels.createEmail(emailInput({ address: "race@shop.example" })),
    ]);
    expect(racing.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    // another workspace may use the same address
    const b = await createWorkspaceWithRoles(db);
    await expect(callerAs(b.members.admin).channels.createEmail(emailInput({ address }))).resolves.toBeTruthy();
  });

  it("rotates the webhook secret: the new one is returned once and stored, the old one is gone", async () => {
    const f = await createWorkspaceWithRoles(db);
    const lead = callerAs(f.members.lead);
    const { channel, webhookSecret } = await lead.channels.createEmail(emailInput());
    const rotated = await lead.channels.rotateWebhookSecret({ id: channel.id });
    expect(rotated.path).toBe(`/api/webhooks/email/${channel.id}`);
    expect(rotated.secret).not.toBe(webhookSecret);
    const { config, sealed } = await storedConfig(channel.id);
    expect(config.webhook?.secret).toBe(rotated.secret);
    expect(sealed).not.toContain(rotated.secret);
    expect(config.imap?.password).toBe(IMAP_PASSWORD);
    expect(superjson.stringify(await lead.channels.get({ id: channel.id }))).not.toContain(rotated.secret);
    expect(await db.auditLog.count({ where: { targetId: channel.id, action: "channel.webhookSecretRotated" } })).toBe(1);

    // without the webhook turned on there is nothing to rotate; non-email channels have none
    const plain = await lead.channels.createEmail(emailInput({ inbound: { smtpListener: true, imap: null, webhook: false } }));
    await expect(lead.channels.rotateWebhookSecret({ id: plain.channel.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // turning it on later generates a secret, returned once
    const on = await lead.channels.updateEmail({
      ...emailInput({ address: plain.channel.address, inbound: { smtpListener: true, imap: null, webhook: true } }),
      id: plain.channel.id,
    });
    expect(on.webhookSecret).toBeTruthy();
    expect((await storedConfig(plain.channel.id)).config.webhook?.secret).toBe(on.webhookSecret);
  });

  it("deactivates and reactivates a channel (audited), and lists it with its status", async () => {
    const f = await createWorkspaceWithRoles(db);
    const lead = callerAs(f.members.lead);
    expect(await lead.channels.setActive({ id: f.channel.id, active: false })).toMatchObject({ id: f.channel.id, active: false });
    expect((await lead.channels.list()).items.find((c) => c.id === f.channel.id)).toMatchObject({
      active: false,
      ownerTeam: { name: "Support" },
    });
    await lead.channels.setActive({ id: f.channel.id, active: true });
    const actions = await db.auditLog.findMany({
      where: { targetId: f.channel.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["channel.deactivated", "channel.activated"]);
  });
});
