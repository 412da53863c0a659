import { z } from "zod";

export const ZImportKindParam = z.enum(["auto", "customers", "orders", "fulfillments"]);
export type ImportKindParam = z.infer<typeof ZImportKindParam>;

export const ZImportIdInput = z.object({ id: z.uuid() });
export type ImportIdInput = z.infer<typeof ZImportIdInput>;

export const ZListImportsInput = z.object({
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(50).default(10),
});
export type ListImportsInput = z.input<typeof ZListImportsInput>;

export type ImportKindKey = "customers" | "orders" | "fulfillments";
export type ImportStatusKey = "PREVIEWED" | "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";

export type ImportRowError = { line: number | null; field: string | null; message: string };

/** What the preview stored: how the headers were read and what the first rows become. */
export type ImportPreview = {
  detected: boolean;
  columns: { index: number; header: string; field: string | null; note?: string }[];
  fileErrors: string[];
  sample: { fields: string[]; rows: { line: number; values: Record<string, string | null>; invalid?: true }[] };
  summary: Record<string, number>;
};

export type ImportJobDto = {
  id: string;
  kind: ImportKindKey;
  filename: string;
  sizeBytes: number;
  status: ImportStatusKey;
  totalRows: number;
  checkedRows: number;
  processedRows: number;
  errorCount: number;
  errors: ImportRowError[];
  preview: ImportPreview;
  counts: Record<string, number>;
  failureReason: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdBy: { id: string; name: string } | null;
};

/** A history row: the same without the (large) preview and error list. */
export type ImportJobSummary = Omit<ImportJobDto, "preview" | "errors">;
