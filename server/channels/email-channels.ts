import { randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { openJson, sealJson } from "../lib/crypto";
import { AppError } from "../lib/errors";
import {
  emailSettingsOf,
  toChannelSummary,
  toEmailChannelDetail,
  webhookPath,
  type ChannelSummary,
  type EmailChannelDetail,
} from "./channel-dto";
import {
  ZEmailChannelConfig,
  type CreateEmailChannelInput,
  type EmailChannelConfig,
  type UpdateEmailChannelInput,
} from "./channels.schemas";
import {
  emailAddressTaken,
  findSealedConfig,
  findWorkspaceChannel,
  findWorkspaceChannels,
  insertAuditLog,
  insertChannel,
  lockChannelForUpdate,
  lockWorkspaceEmailAddresses,
  teamInWorkspace,
  updateChannel,
  type Tx,
} from "./channels.repository";

/** The built-in SMTP listener's port when this deployment runs one (SMTP_LISTEN_PORT), for the set-up hint. */
export function smtpListenPort(): number | null {
  const port = Number(process.env.SMTP_LISTEN_PORT);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : null;
}

const newWebhookSecret = () => randomBytes(32).toString("base64url");

export function openEmailConfig(sealed: string | null): EmailChannelConfig {
  if (!sealed) return {};
  try {
    return ZEmailChannelConfig.parse(openJson(sealed));
  } catch (error) {
    throw new AppError("INTERNAL", "This channel's stored secrets cannot be read (was NEXTAUTH_SECRET changed?)", { cause: error });
  }
}

async function assertTeam(db: Db, actor: Actor, teamId: string | null): Promise<void> {
  if (teamId && !(await teamInWorkspace(db, actor.workspaceId, teamId))) {
    throw new AppError("BAD_REQUEST", "That team is not part of this workspace");
  }
}

async function assertAddressFree(tx: Tx, actor: Actor, address: string, exceptId?: string): Promise<void> {
  await lockWorkspaceEmailAddresses(tx, actor.workspaceId);
  if (await emailAddressTaken(tx, actor.workspaceId, address, exceptId)) {
    throw new AppError("CONFLICT", `Another active email channel already receives mail for ${address}`);
  }
}

type Fields = CreateEmailChannelInput;

/** The sealed part: connection details and secrets. `previous` supplies passwords left empty on update. */
function buildConfig(input: Fields, previous: EmailChannelConfig): { config: EmailChannelConfig; webhookSecret: string | null } {
  const config: EmailChannelConfig = {};
  const { imap } = input.inbound;
  if (imap) {
    const password = imap.password || previous.imap?.password || "";
    if (!password) throw new AppError("BAD_REQUEST", "Enter the mailbox password");
    config.imap = { host: imap.host, port: imap.port, secure: imap.secure, user: imap.user, password, mailbox: imap.mailbox };
  }
  if (input.smtp) {
    const s = input.smtp;
    const password = s.password || previous.smtp?.password || "";
    if (s.user && !password) throw new AppError("BAD_REQUEST", "Enter the SMTP password");
    config.smtp = {
      host: s.host,
      port: s.port,
      secure: s.secure,
      user: s.user,
      password: s.user ? password : "",
      requireTLS: s.requireTLS,
    };
  }
  let webhookSecret: string | null = null;
  if (input.inbound.webhook) {
    if (previous.webhook?.secret) config.webhook = previous.webhook;
    else config.webhook = { secret: (webhookSecret = newWebhookSecret()) };
  }
  return { config, webhookSecret };
}

function buildSettings(input: Fields, base: Record<string, unknown>): Prisma.InputJsonObject {
  return {
    ...(base as Prisma.InputJsonObject),
    displayName: input.displayName,
    signature: input.signature,
    reopenWindowDays: input.reopenWindowDays,
    inbound: { smtpListener: input.inbound.smtpListener, imap: input.inbound.imap !== null, webhook: input.inbound.webhook },
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const withoutPassword = <T extends { password: string }>(x: T | undefined) => (x ? { ...x, password: undefined } : null);

export type SavedEmailChannel = {
  channel: EmailChannelDetail;
  /** a newly generated webhook secret, shown once; null when none was generated */
  webhookSecret: string | null;
};

export async function listChannels(db: Db, actor: Actor): Promise<{ items: ChannelSummary[]; smtpListenPort: number | null }> {
  const rows = await findWorkspaceChannels(db, actor.workspaceId);
  return { items: rows.map(toChannelSummary), smtpListenPort: smtpListenPort() };
}

export async function getChannel(db: Db, actor: Actor, id: string): Promise<EmailChannelDetail> {
  const row = await findWorkspaceChannel(db, actor.workspaceId, id);
  if (!row) throw new AppError("NOT_FOUND", "Channel not found");
  const config = row.kind === "EMAIL" ? openEmailConfig(await findSealedConfig(db, actor.workspaceId, id)) : {};
  return toEmailChannelDetail(row, config);
}

export async function createEmailChannel(db: Db, actor: Actor, input: CreateEmailChannelInput): Promise<SavedEmailChannel> {
  await assertTeam(db, actor, input.ownerTeamId);
  const { config, webhookSecret } = buildConfig(input, {});
  const row = await db.$transaction(async (tx) => {
    await assertAddressFree(tx, actor, input.address);
    const created = await insertChannel(tx, {
      workspaceId: actor.workspaceId,
      kind: "EMAIL",
      name: input.name,
      address: input.address,
      ownerTeamId: input.ownerTeamId,
      configEncrypted: sealJson(config),
      settings: buildSettings(input, {}),
    });
    await insertAuditLog(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "channel.created",
      targetId: created.id,
      data: { kind: "EMAIL", name: input.name, address: input.address, inbound: Object.keys(config).sort() },
    });
    return created;
  });
  return { channel: toEmailChannelDetail(row, config), webhookSecret };
}

export async function updateEmailChannel(db: Db, actor: Actor, input: UpdateEmailChannelInput): Promise<SavedEmailChannel> {
  await assertTeam(db, actor, input.ownerTeamId);
  return db.$transaction(async (tx) => {
    const current = await lockChannelForUpdate(tx, actor.workspaceId, input.id);
    if (current?.kind !== "EMAIL") throw new AppError("NOT_FOUND", "Email channel not found");
    if (current.active) await assertAddressFree(tx, actor, input.address, current.id);
    const before = openEmailConfig(current.configEncrypted);
    const { config, webhookSecret } = buildConfig(input, before);
    const oldSettings = emailSettingsOf(current.settings);
    const base = { ...(current.settings as Record<string, unknown>) };
    // a changed mailbox gets a fresh start: the poller records its own error again
    if (!same(before.imap, config.imap)) {
      base.imapError = null;
      if (base.imapSync && typeof base.imapSync === "object") base.imapSync = { ...base.imapSync, error: null, errorAt: null };
    }
    const row = await updateChannel(tx, current.id, {
      name: input.name,
      address: input.address,
      ownerTeamId: input.ownerTeamId,
      configEncrypted: sealJson(config),
      settings: buildSettings(input, base),
    });
    // field names only: the audit log never holds a secret
    const changed = [
      ...(["displayName", "signature", "reopenWindowDays"] as const).filter((k) => !same(oldSettings[k], input[k])),
      ...(!same(oldSettings.inbound.smtpListener, input.inbound.smtpListener) ? ["inbound.smtpListener"] : []),
      ...(!same(oldSettings.inbound.webhook, input.inbound.webhook) ? ["inbound.webhook"] : []),
      ...(!same(withoutPassword(before.imap), withoutPassword(config.imap)) ? ["inbound.imap"] : []),
      ...(before.imap?.password !== config.imap?.password && config.imap ? ["inbound.imap.password"] : []),
      ...(!same(withoutPassword(before.smtp), withoutPassword(config.smtp)) ? ["smtp"] : []),
      ...(before.smtp?.password !== config.smtp?.password && config.smtp ? ["smtp.password"] : []),
    ];
    await insertAuditLog(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "channel.updated",
      targetId: row.id,
      data: { name: input.name, address: input.address, ownerTeamId: input.ownerTeamId, changed },
    });
    return { channel: toEmailChannelDetail(row, config), webhookSecret };
  });
}

export async function setChannelActive(db: Db, actor: Actor, id: string, active: boolean): Promise<ChannelSummary> {
  return db.$transaction(async (tx) => {
    const current = await lockChannelForUpdate(tx, actor.workspaceId, id);
    if (!current) throw new AppError("NOT_FOUND", "Channel not found");
    if (active && current.kind === "EMAIL" && current.address) await assertAddressFree(tx, actor, current.address, current.id);
    const row = await updateChannel(tx, current.id, { active });
    if (current.active !== active) {
      await insertAuditLog(tx, {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: active ? "channel.activated" : "channel.deactivated",
        targetId: row.id,
        data: {},
      });
    }
    return toChannelSummary(row);
  });
}

/** A new webhook secret, returned this once; the old one stops working at once. */
export async function rotateWebhookSecret(db: Db, actor: Actor, id: string): Promise<{ secret: string; path: string }> {
  return db.$transaction(async (tx) => {
    const current = await lockChannelForUpdate(tx, actor.workspaceId, id);
    if (current?.kind !== "EMAIL") throw new AppError("NOT_FOUND", "Email channel not found");
    if (!emailSettingsOf(current.settings).inbound.webhook) {
      throw new AppError("BAD_REQUEST", "Turn on the inbound webhook for this channel first");
    }
    const secret = newWebhookSecret();
    const config = { ...openEmailConfig(current.configEncrypted), webhook: { secret } };
    await updateChannel(tx, current.id, { configEncrypted: sealJson(config) });
    await insertAuditLog(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "channel.webhookSecretRotated",
      targetId: current.id,
      data: {},
    });
    return { secret, path: webhookPath(current.id) };
  });
}
