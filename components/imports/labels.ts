import type { PillTone } from "@/components/ui/status-pill";
import { FIELDS, type ImportKindKey } from "@/server/commerce/csv/columns";
import type { ImportStatusKey } from "@/server/commerce/import.schemas";

export const KIND_LABEL: Record<ImportKindKey, string> = { customers: "Customers", orders: "Orders", fulfillments: "Fulfilments" };

export const KIND_HINT: Record<ImportKindKey, string> = {
  customers: "People with their email, phone, VIP flag, tags, locale and time zone. Matched by email, then phone.",
  orders: "One row per line item; rows of an order share its number. Customers are found by email or phone, or created.",
  fulfillments: "Shipments of existing orders: carrier, tracking, status, ETA, delays and delivery.",
};

export const STATUS_LABEL: Record<ImportStatusKey, string> = {
  PREVIEWED: "Ready to import",
  QUEUED: "Waiting",
  RUNNING: "Importing",
  SUCCEEDED: "Imported",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};

export const STATUS_TONE: Record<ImportStatusKey, PillTone> = {
  PREVIEWED: "slate",
  QUEUED: "blue",
  RUNNING: "blue",
  SUCCEEDED: "green",
  FAILED: "red",
  CANCELLED: "slate",
};

export function fieldLabel(kind: ImportKindKey, key: string | null): string {
  if (!key) return "";
  return FIELDS[kind].find((f) => f.key === key)?.label ?? key;
}

/** What the job's counts mean, in the order a summary shows them. */
export const COUNT_LABELS: [key: string, label: string][] = [
  ["ordersCreated", "Orders created"],
  ["ordersUpdated", "Orders updated"],
  ["ordersUnchanged", "Orders unchanged"],
  ["lineItemsWritten", "Line items written"],
  ["fulfillmentsCreated", "Shipments added"],
  ["fulfillmentsUpdated", "Shipments updated"],
  ["fulfillmentsUnchanged", "Shipments unchanged"],
  ["customersCreated", "Customers created"],
  ["customersUpdated", "Customers updated"],
  ["customersUnchanged", "Customers unchanged"],
  ["identitiesAdded", "Emails / phones added"],
  ["tagsAdded", "Tags added"],
  ["eventsAdded", "Timeline events"],
];

export const formatNumber = (n: number) => n.toLocaleString("en-US");

/** "1 order", "2,400 orders" */
export const plural = (n: number, one: string, many = `${one}s`) => `${formatNumber(n)} ${n === 1 ? one : many}`;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export const MAX_UPLOAD_MB = 100;
