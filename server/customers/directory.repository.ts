import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { ChannelKind } from "../db/generated/enums";
import type { Actor } from "../auth/actor";
import { conversationScopeSql } from "../inbox/inbox.repository";
import type { CustomerFilters, CustomerSort } from "./directory.schemas";

/**
 * A position in a directory order. Each sort is split into segments so every page is an index range scan:
 * "recent" lists contacted customers (lastContactAt DESC, id DESC) then never-contacted ones (id DESC);
 * "name" lists named customers (name, id) then unnamed ones (id). A btree on `lastContactAt DESC` keeps NULLs
 * FIRST, so one `ORDER BY … NULLS LAST` would be a sort of the whole workspace, not an index walk.
 */
export type DirectoryKeyset = { seg: 0 | 1; value: string | null; id: string };

export type DirectoryRow = {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  vip: boolean;
  lastContactAt: Date | null;
  createdAt: Date;
  channelKinds: ChannelKind[];
  tags: { id: string; name: string; color: string }[];
  orderCount: number;
  openConversationCount: number;
  seg: 0 | 1;
};

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Ids of the customers a search matches, one branch per indexed key: exact lower(email) and order number
 * (btrees), and from 3 characters the trigram GIN indexes — names fuzzily (`q <% name`: a fragment of the name,
 * `q % name`: a typo in the whole name, as in server/search/search.repository.ts), e-mails, channel addresses and
 * phone digits as substrings (`LIKE '%q%'`, which the same indexes serve), order numbers by prefix. Fuzzy matching
 * of addresses would list every customer of a common domain; a directory sorted by date needs precise matches.
 */
export function searchCandidatesSql(workspaceId: string, q: string): Prisma.Sql {
  const ws = Prisma.sql`${workspaceId}::uuid`;
  const lower = q.toLowerCase();
  const orderNo = q.replace(/^#/, "");
  const branches = [
    Prisma.sql`SELECT c.id FROM "Customer" c WHERE c."workspaceId" = ${ws} AND lower(c.email) = ${lower}`,
    Prisma.sql`SELECT o."customerId" FROM "Order" o WHERE o."workspaceId" = ${ws} AND o.number IN (${orderNo}, ${`#${orderNo}`})`,
  ];
  if (q.length >= 3) {
    const contains = `%${escapeLike(lower)}%`;
    branches.push(
      Prisma.sql`SELECT ci."customerId" FROM "CustomerIdentity" ci WHERE ci."workspaceId" = ${ws} AND ci.address LIKE ${contains}`,
      Prisma.sql`SELECT o."customerId" FROM "Order" o WHERE o."workspaceId" = ${ws}
        AND (o.number LIKE ${`${escapeLike(orderNo)}%`} OR o.number LIKE ${`#${escapeLike(orderNo)}%`})`,
      Prisma.sql`SELECT c.id FROM "Customer" c WHERE c."workspaceId" = ${ws} AND lower(c.email) LIKE ${contains}`,
    );
    if (!q.includes("@")) {
      branches.push(
        Prisma.sql`SELECT c.id FROM "Customer" c WHERE c."workspaceId" = ${ws} AND ${q} <% c.name`,
        Prisma.sql`SELECT c.id FROM "Customer" c WHERE c."workspaceId" = ${ws} AND ${q} % c.name`,
      );
    }
  }
  // phones are stored in E.164: compare digits only, so "(415) 555-0101" finds +14155550101; not for "#1042"
  const digits = q.replace(/\D/g, "");
  if (digits.length >= 4 && !q.startsWith("#") && !q.includes("@")) {
    branches.push(
      Prisma.sql`SELECT c.id FROM "Customer" c WHERE c."workspaceId" = ${ws} AND c.phone LIKE ${`%${digits}%`}`,
      Prisma.sql`SELECT ci."customerId" FROM "CustomerIdentity" ci WHERE ci."workspaceId" = ${ws} AND ci.address LIKE ${`%${digits}%`}`,
    );
  }
  return Prisma.join(branches, " UNION ");
}

/**
 * An open (not cancelled) order with an undelivered delayed fulfilment, or on backorder: as a set of customer
 * ids, read from Fulfillment(workspaceId, delayed, eta) and Order(workspaceId, fulfillmentStatus), so the planner
 * can start from the (usually few) delayed customers instead of walking the whole directory.
 */
function delayedCustomersSql(ws: Prisma.Sql): Prisma.Sql {
  // the order as a correlated lookup (Order_pkey per delayed fulfilment), not a join: at 200k orders the planner
  // otherwise prices a hash join over a scan of every order as cheaper than a few thousand index probes
  return Prisma.sql`
    SELECT (SELECT o."customerId" FROM "Order" o WHERE o.id = f."orderId" AND o.status <> 'CANCELLED') AS "customerId"
    FROM "Fulfillment" f
    WHERE f."workspaceId" = ${ws} AND f.delayed AND f."deliveredAt" IS NULL
    UNION
    SELECT o."customerId" FROM "Order" o
    WHERE o."workspaceId" = ${ws} AND o."fulfillmentStatus" = 'BACKORDERED' AND o.status <> 'CANCELLED'`;
}

/**
 * Sets computed once per statement (MATERIALIZED: both segments use them): the search's candidate ids and the
 * delayed-order customers. Each is small next to the directory, so the planner joins from them (by primary key)
 * rather than probing them row by row along a walk of the whole directory.
 */
function setsSql(workspaceId: string, f: CustomerFilters): { ctes: Prisma.Sql[]; where: Prisma.Sql[] } {
  const ws = Prisma.sql`${workspaceId}::uuid`;
  const ctes: Prisma.Sql[] = [];
  const where: Prisma.Sql[] = [];
  const q = f.q?.trim();
  if (q && q.length >= 2) {
    ctes.push(Prisma.sql`hits AS MATERIALIZED (${searchCandidatesSql(workspaceId, q)})`);
    where.push(Prisma.sql`c.id IN (SELECT id FROM hits WHERE id IS NOT NULL)`);
  }
  if (f.hasDelayedOrder !== undefined) {
    ctes.push(Prisma.sql`delayed AS MATERIALIZED (${delayedCustomersSql(ws)})`);
    where.push(
      f.hasDelayedOrder
        ? Prisma.sql`c.id IN (SELECT "customerId" FROM delayed WHERE "customerId" IS NOT NULL)`
        : Prisma.sql`NOT EXISTS (SELECT 1 FROM delayed d WHERE d."customerId" = c.id)`,
    );
  }
  return { ctes, where };
}

function filterSql(workspaceId: string, f: CustomerFilters, sets: Prisma.Sql[]): Prisma.Sql {
  const ws = Prisma.sql`${workspaceId}::uuid`;
  const parts: Prisma.Sql[] = [Prisma.sql`c."workspaceId" = ${ws}`, Prisma.sql`c."mergedIntoId" IS NULL`, ...sets];
  if (f.vip !== undefined) parts.push(Prisma.sql`c.vip = ${f.vip}`);
  if (f.lastContact?.from) parts.push(Prisma.sql`c."lastContactAt" >= ${f.lastContact.from.toISOString()}::timestamp`);
  if (f.lastContact?.to) parts.push(Prisma.sql`c."lastContactAt" <= ${f.lastContact.to.toISOString()}::timestamp`);
  for (const tagId of new Set(f.tagIds ?? [])) {
    parts.push(
      Prisma.sql`c.id IN (SELECT ct."customerId" FROM "CustomerTag" ct WHERE ct."tagId" = ${tagId}::uuid AND ct."workspaceId" = ${ws})`,
    );
  }
  return Prisma.join(parts, " AND ");
}

type Segment = { seg: 0 | 1; where: Prisma.Sql; orderBy: Prisma.Sql };

/** The segments of a sort from a keyset on: each is one range of one (workspaceId, …) index. */
function segments(sort: CustomerSort, after: DirectoryKeyset | null): Segment[] {
  const inSeg0 = !after || after.seg === 0;
  const at = (v: string | null) => Prisma.sql`${v ?? ""}::timestamp`;
  switch (sort) {
    case "recent": {
      const seg1: Segment = {
        seg: 1,
        where: Prisma.sql`c."lastContactAt" IS NULL ${after?.seg === 1 ? Prisma.sql`AND c.id < ${after.id}::uuid` : Prisma.empty}`,
        orderBy: Prisma.sql`c.id DESC`,
      };
      if (!inSeg0) return [seg1];
      const keyset = after ? Prisma.sql`AND (c."lastContactAt", c.id) < (${at(after.value)}, ${after.id}::uuid)` : Prisma.empty;
      return [
        { seg: 0, where: Prisma.sql`c."lastContactAt" IS NOT NULL ${keyset}`, orderBy: Prisma.sql`c."lastContactAt" DESC, c.id DESC` },
        seg1,
      ];
    }
    case "name": {
      const seg1: Segment = {
        seg: 1,
        where: Prisma.sql`c.name IS NULL ${after?.seg === 1 ? Prisma.sql`AND c.id > ${after.id}::uuid` : Prisma.empty}`,
        orderBy: Prisma.sql`c.id ASC`,
      };
      if (!inSeg0) return [seg1];
      const keyset = after ? Prisma.sql`AND (c.name, c.id) > (${after.value ?? ""}, ${after.id}::uuid)` : Prisma.empty;
      return [{ seg: 0, where: Prisma.sql`c.name IS NOT NULL ${keyset}`, orderBy: Prisma.sql`c.name ASC, c.id ASC` }, seg1];
    }
    case "created": {
      const keyset = after ? Prisma.sql`AND (c."createdAt", c.id) < (${at(after.value)}, ${after.id}::uuid)` : Prisma.empty;
      return [{ seg: 0, where: Prisma.sql`true ${keyset}`, orderBy: Prisma.sql`c."createdAt" DESC, c.id DESC` }];
    }
  }
}

const OUTER_ORDER: Record<CustomerSort, Prisma.Sql> = {
  recent: Prisma.sql`p.seg, p."lastContactAt" DESC, p.id DESC`,
  name: Prisma.sql`p.seg, p.name ASC, p.id ASC`,
  created: Prisma.sql`p."createdAt" DESC, p.id DESC`,
};

/**
 * One page of the directory in ONE statement: each segment is a LIMITed index range (the outer sort only
 * orders ≤ 2×take rows), then the page's rows get their channel kinds, tags, order count and open conversation
 * count from correlated subqueries on (customerId …) indexes — a fixed cost per row, no extra round trips.
 */
export function directoryPageSql(
  actor: Actor,
  args: { filters: CustomerFilters; after: DirectoryKeyset | null; take: number },
): Prisma.Sql {
  const sets = setsSql(actor.workspaceId, args.filters);
  const where = filterSql(actor.workspaceId, args.filters, sets.where);
  const parts = segments(args.filters.sort, args.after).map(
    (s) => Prisma.sql`(SELECT ${s.seg}::int AS seg, c.id, c.name, c.email, c.phone, c.vip, c."lastContactAt", c."createdAt"
      FROM "Customer" c WHERE ${where} AND ${s.where} ORDER BY ${s.orderBy} LIMIT ${args.take})`,
  );
  const with_ = sets.ctes.length ? Prisma.sql`WITH ${Prisma.join(sets.ctes, ", ")}` : Prisma.empty;
  return Prisma.sql`
    ${with_}
    SELECT p.seg, p.id, p.name, p.vip, p."lastContactAt", p."createdAt",
      coalesce(p.email, (SELECT ci.address FROM "CustomerIdentity" ci WHERE ci."customerId" = p.id AND ci."channelKind" = 'EMAIL'
        ORDER BY ci."createdAt", ci.id LIMIT 1)) AS email,
      coalesce(p.phone, (SELECT ci.address FROM "CustomerIdentity" ci WHERE ci."customerId" = p.id AND ci."channelKind" IN ('WHATSAPP', 'SMS')
        ORDER BY ci."createdAt", ci.id LIMIT 1)) AS phone,
      coalesce((SELECT array_agg(DISTINCT ci."channelKind"::text) FROM "CustomerIdentity" ci WHERE ci."customerId" = p.id), '{}') AS "channelKinds",
      coalesce((SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color) ORDER BY t.name)
        FROM "CustomerTag" ct JOIN "Tag" t ON t.id = ct."tagId" WHERE ct."customerId" = p.id), '[]'::json) AS tags,
      (SELECT count(*)::int FROM "Order" o WHERE o."customerId" = p.id) AS "orderCount",
      (SELECT count(*)::int FROM "Conversation" cv WHERE cv."customerId" = p.id AND cv.status <> 'RESOLVED'
        AND ${conversationScopeSql(actor, Prisma.raw("cv"))}) AS "openConversationCount"
    FROM (${Prisma.join(parts, " UNION ALL ")}) p
    ORDER BY ${OUTER_ORDER[args.filters.sort]}
    LIMIT ${args.take}`;
}

export function findDirectoryPage(
  db: Db,
  actor: Actor,
  args: { filters: CustomerFilters; after: DirectoryKeyset | null; take: number },
): Promise<DirectoryRow[]> {
  return db.$queryRaw<DirectoryRow[]>(directoryPageSql(actor, args));
}

/** An AuditLog row about customers (exports, merges): permission-sensitive actions leave a trace. */
export async function insertCustomerAudit(
  db: Db | Prisma.TransactionClient,
  row: { workspaceId: string; actorId: string; action: string; targetId?: string | null; data: Prisma.InputJsonObject },
): Promise<void> {
  await db.auditLog.create({ data: { ...row, targetType: "Customer" }, select: { id: true } });
}
