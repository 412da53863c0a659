import { Prisma } from "../db/generated/client";
import { PREPARED, queryRows, type SqlRunner } from "../db/sql";
import { uuid7 } from "../lib/uuid7";

type Tx = SqlRunner;

/** Only an order this recent says what a new conversation is likely about. */
export const AUTO_TAG_WINDOW_DAYS = 60;
const MAX_PRODUCT_TAGS = 5;
export const DELAYED_TAG = "delayed-order";
export const BACKORDERED_TAG = "backordered";

const COLORS: Record<string, string> = { [DELAYED_TAG]: "#dc2626", [BACKORDERED_TAG]: "#d97706" };
const PALETTE = ["#0ea5e9", "#8b5cf6", "#f59e0b", "#10b981", "#ef4444", "#ec4899", "#14b8a6", "#6366f1", "#84cc16", "#f97316"];

/** "Food & Drink" → "food-drink", "Gift Card" → "gift-card": tag names are lower-kebab like the ones agents type. */
export function productTypeTag(productType: string): string | null {
  const slug = productType
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug || null;
}

function colorFor(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return COLORS[name] ?? PALETTE[h % PALETTE.length] ?? "#64748b";
}

type OrderFacts = { productTypes: string[] | null; delayed: boolean; backordered: boolean };

/**
 * Tags a conversation that was just created from its customer's most recent order (placed within the window): one
 * tag per product type, `delayed-order` when a parcel is delayed or in exception, `backordered` when the order waits
 * for stock. Tags are created on the fly (ON CONFLICT DO NOTHING: two first conversations at once make one tag) and
 * applied without an author (automation). Three statements at most, whatever the order holds; call it inside the
 * transaction that creates the conversation. Returns the tag names applied.
 */
export async function applyOrderAutoTags(
  tx: Tx,
  p: { workspaceId: string; conversationId: string; customerId: string; now?: Date },
): Promise<string[]> {
  const since = new Date((p.now ?? new Date()).getTime() - AUTO_TAG_WINDOW_DAYS * 86_400_000);
  // the index on (customerId, placedAt DESC) finds the order; its items and fulfilments by their orderId indexes
  const [facts] = await queryRows<OrderFacts>(
    tx,
    Prisma.sql`${PREPARED}
    WITH latest AS (
      SELECT id, "fulfillmentStatus" FROM "Order"
      WHERE "customerId" = ${p.customerId}::uuid AND "workspaceId" = ${p.workspaceId}::uuid AND "placedAt" >= ${since}
      ORDER BY "placedAt" DESC, id DESC
      LIMIT 1
    )
    SELECT
      (SELECT array_agg(DISTINCT i."productType") FROM "OrderItem" i
        WHERE i."orderId" = latest.id AND i."productType" IS NOT NULL) AS "productTypes",
      EXISTS (SELECT 1 FROM "Fulfillment" f
        WHERE f."orderId" = latest.id AND (f.delayed OR f.status = 'EXCEPTION')) AS delayed,
      (latest."fulfillmentStatus" = 'BACKORDERED' OR EXISTS (SELECT 1 FROM "Fulfillment" f
        WHERE f."orderId" = latest.id AND f.status = 'BACKORDERED')) AS backordered
    FROM latest`,
  );
  if (!facts) return [];
  const names = [...new Set((facts.productTypes ?? []).map(productTypeTag).filter((n): n is string => n !== null))]
    .sort()
    .slice(0, MAX_PRODUCT_TAGS);
  if (facts.delayed) names.push(DELAYED_TAG);
  if (facts.backordered) names.push(BACKORDERED_TAG);
  if (names.length === 0) return [];
  const now = p.now ?? new Date();
  // the tags, created on first use (a separate statement: the next one must see a tag another transaction just made)
  await queryRows(
    tx,
    Prisma.sql`${PREPARED}
    INSERT INTO "Tag" (id, "workspaceId", name, color, "createdAt")
    SELECT w.id, ${p.workspaceId}::uuid, w.name, w.color, ${now}::timestamp(3)
    FROM unnest(${names.map(() => uuid7(now.getTime()))}::uuid[], ${names}::text[], ${names.map(colorFor)}::text[]) AS w(id, name, color)
    ON CONFLICT ("workspaceId", name) DO NOTHING`,
  );
  const applied = await queryRows<{ name: string }>(
    tx,
    Prisma.sql`${PREPARED}
    WITH added AS (
      INSERT INTO "ConversationTag" ("conversationId", "tagId", "workspaceId", "addedById")
      SELECT ${p.conversationId}::uuid, t.id, t."workspaceId", NULL FROM "Tag" t
      WHERE t."workspaceId" = ${p.workspaceId}::uuid AND t.name = ANY(${names}::text[])
      ON CONFLICT DO NOTHING
      RETURNING "tagId"
    )
    SELECT t.name FROM added JOIN "Tag" t ON t.id = added."tagId" ORDER BY t.name`,
  );
  return applied.map((r) => r.name);
}
