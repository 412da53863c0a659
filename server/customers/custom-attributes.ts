import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { AttributeType } from "../db/generated/enums";
import type { Actor } from "../auth/actor";
import { withEvents } from "../inbox/conversation-mutation";
import { AppError } from "../lib/errors";
import { assertCustomerReachable, findCustomerAttributeDefinitions } from "./customer-panel.repository";

export type AttributeValue = string | number | boolean | null;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A stored JSON value as the panel shows it; a value that does not fit its (since changed) type reads as text. */
export function attributeValueOf(type: AttributeType, raw: unknown): AttributeValue {
  if (raw === null || raw === undefined) return null;
  if (type === "BOOLEAN" && typeof raw === "boolean") return raw;
  if (type === "NUMBER" && typeof raw === "number") return raw;
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return typeof raw === "string" ? raw : String(raw);
  return JSON.stringify(raw);
}

/**
 * The value to store for this definition, or BAD_REQUEST: NUMBER is a finite number, DATE a real calendar
 * date (YYYY-MM-DD), BOOLEAN true/false, LIST one of the options, TEXT non-empty text. null clears.
 */
export function validateAttributeValue(def: { label: string; type: AttributeType; options: string[] }, value: AttributeValue) {
  if (value === null) return null;
  const fail = (why: string): never => {
    throw new AppError("BAD_REQUEST", `${def.label}: ${why}`);
  };
  switch (def.type) {
    case "TEXT":
      if (typeof value !== "string") return fail("expected text");
      return value.trim() === "" ? null : value.trim();
    case "NUMBER": {
      const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
      if (typeof n !== "number" || !Number.isFinite(n)) return fail("expected a number");
      return n;
    }
    case "DATE":
      if (typeof value !== "string" || !isRealDate(value)) return fail("expected a date (YYYY-MM-DD)");
      return value;
    case "BOOLEAN":
      if (typeof value !== "boolean") return fail("expected yes or no");
      return value;
    case "LIST":
      if (typeof value !== "string" || !def.options.includes(value)) return fail(`choose one of ${def.options.join(", ")}`);
      return value;
  }
}

/** Sets (or clears) one attribute value. The JSON is patched in SQL so two agents editing different keys both win. */
export async function setCustomerAttribute(db: Db, actor: Actor, input: { customerId: string; key: string; value: AttributeValue }) {
  return withEvents(db, actor, async (tx, emit) => {
    await assertCustomerReachable(tx, actor, input.customerId);
    const def = await tx.customAttributeDefinition.findUnique({
      where: { workspaceId_entity_key: { workspaceId: actor.workspaceId, entity: "CUSTOMER", key: input.key } },
      select: { label: true, type: true, options: true },
    });
    if (!def) throw new AppError("BAD_REQUEST", `There is no customer attribute “${input.key}”`);
    const value = validateAttributeValue(def, input.value);
    const patch =
      value === null
        ? Prisma.sql`attributes - ${input.key}::text`
        : Prisma.sql`attributes || ${JSON.stringify({ [input.key]: value })}::jsonb`;
    await tx.$executeRaw`UPDATE "Customer" SET attributes = ${patch}, "updatedAt" = now()
      WHERE id = ${input.customerId}::uuid AND "workspaceId" = ${actor.workspaceId}::uuid`;
    emit({ type: "customer.updated", customerId: input.customerId, conversationId: null, teamId: null, changes: ["attributes"] });
    return { key: input.key, value };
  });
}

// ── definitions (Settings → Customer attributes; permission attributes.manage) ──

export function listAttributeDefinitions(db: Db, actor: Actor) {
  return findCustomerAttributeDefinitions(db, actor.workspaceId);
}

const definitionSelect = { id: true, key: true, label: true, type: true, options: true, position: true } as const;

export async function createAttributeDefinition(
  db: Db,
  actor: Actor,
  input: { key: string; label: string; type: AttributeType; options: string[] },
) {
  return db.$transaction(async (tx) => {
    const last = await tx.customAttributeDefinition.findFirst({
      where: { workspaceId: actor.workspaceId, entity: "CUSTOMER" },
      orderBy: { position: "desc" },
      select: { position: true },
    });
    try {
      const def = await tx.customAttributeDefinition.create({
        data: {
          workspaceId: actor.workspaceId,
          entity: "CUSTOMER",
          key: input.key,
          label: input.label,
          type: input.type,
          options: input.type === "LIST" ? input.options : [],
          position: (last?.position ?? -1) + 1,
        },
        select: definitionSelect,
      });
      await audit(tx, actor, "attribute.created", def.id, { key: def.key, type: def.type });
      return def;
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")
        throw new AppError("CONFLICT", `An attribute with the key “${input.key}” already exists`);
      throw err;
    }
  });
}

export async function updateAttributeDefinition(
  db: Db,
  actor: Actor,
  input: { id: string; label?: string; options?: string[]; position?: number },
) {
  return db.$transaction(async (tx) => {
    const def = await tx.customAttributeDefinition.findFirst({
      where: { id: input.id, workspaceId: actor.workspaceId, entity: "CUSTOMER" },
      select: { id: true, type: true },
    });
    if (!def) throw new AppError("NOT_FOUND", "Attribute not found");
    if (input.options && def.type !== "LIST") throw new AppError("BAD_REQUEST", "Only list attributes have options");
    if (input.options?.length === 0) throw new AppError("BAD_REQUEST", "A list needs at least one option");
    const updated = await tx.customAttributeDefinition.update({
      where: { id: def.id },
      data: { label: input.label, options: input.options, position: input.position },
      select: definitionSelect,
    });
    await audit(tx, actor, "attribute.updated", def.id, { label: input.label, options: input.options, position: input.position });
    return updated;
  });
}

/** Removes the definition; stored values stay in each customer's JSON (harmless, and back if re-created). */
export async function deleteAttributeDefinition(db: Db, actor: Actor, id: string) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.customAttributeDefinition.deleteMany({ where: { id, workspaceId: actor.workspaceId, entity: "CUSTOMER" } });
    if (count === 0) throw new AppError("NOT_FOUND", "Attribute not found");
    await audit(tx, actor, "attribute.deleted", id, {});
    return { ok: true as const };
  });
}

function audit(tx: Prisma.TransactionClient, actor: Actor, action: string, targetId: string, data: Record<string, unknown>) {
  return tx.auditLog.create({
    data: {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action,
      targetType: "CustomAttributeDefinition",
      targetId,
      data: data as Prisma.InputJsonObject,
    },
    select: { id: true },
  });
}
