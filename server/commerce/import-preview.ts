// Upload → preview: the file is streamed to disk, every row checked, and an ImportJob (PREVIEWED) records what the
// person confirms next. Nothing is written to customers or orders here.
import path from "node:path";
import type { Db } from "../db/client";
import type { ImportKind } from "../db/generated/client";
import { assertCan, type Actor } from "../auth/actor";
import { AppError } from "../lib/errors";
import { addMissingOrderErrors, checkCsv, UnknownKindError, type CheckResult } from "./csv/check";
import { CsvFileError } from "./csv/reader";
import { deleteImportFile, importFilePath, importMaxBytes, saveImportFile } from "./import-files";
import { existingOrderNumbers, insertImportJob, type ImportJobRow, type ImportJobSummaryRow } from "./import.repository";
import type { ImportJobDto, ImportJobSummary, ImportKindParam, ImportPreview, ImportRowError } from "./import.schemas";

export const KIND_TO_DB = { customers: "CUSTOMERS", orders: "ORDERS", fulfillments: "FULFILLMENTS" } as const;
export const KIND_FROM_DB = { CUSTOMERS: "customers", ORDERS: "orders", FULFILLMENTS: "fulfillments" } as const satisfies Record<
  ImportKind,
  string
>;

// Browsers label .csv files inconsistently (Windows: application/vnd.ms-excel); anything else is not a CSV.
const CSV_TYPES =
  /^(text\/(csv|plain|comma-separated-values|tab-separated-values|x-csv)|application\/(csv|x-csv|vnd\.ms-excel|octet-stream))?$/;

export function toSummary(row: ImportJobSummaryRow): ImportJobSummary {
  return { ...row, kind: KIND_FROM_DB[row.kind], counts: (row.counts ?? {}) as Record<string, number> };
}

export function toImportDto(row: ImportJobRow): ImportJobDto {
  return { ...toSummary(row), errors: row.errors as ImportRowError[], preview: row.preview as ImportPreview };
}

export type UploadInput = {
  body: ReadableStream<Uint8Array> | null;
  filename: string;
  contentType: string | null;
  contentLength: number | null;
  kind: ImportKindParam;
};

export async function previewImport(db: Db, actor: Actor, input: UploadInput, maxBytes?: number): Promise<ImportJobDto> {
  assertCan(actor, "commerce.import");
  const type = (input.contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!CSV_TYPES.test(type)) throw new AppError("BAD_REQUEST", `Upload a CSV file (got ${type}).`);
  const filename = path.basename(input.filename || "import.csv").slice(0, 200);
  if (type === "application/octet-stream" && !/\.(csv|txt|tsv)$/i.test(filename)) throw new AppError("BAD_REQUEST", "Upload a .csv file.");
  if (!input.body) throw new AppError("BAD_REQUEST", "The upload is empty.");
  const limit = maxBytes ?? importMaxBytes();
  if (input.contentLength !== null && input.contentLength > limit) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${Math.round(limit / 1024 / 1024)} MB. Split it into smaller files.`);
  }
  const saved = await saveImportFile(actor.workspaceId, input.body, limit);
  if (saved.size === 0) {
    await deleteImportFile(saved.key);
    throw new AppError("BAD_REQUEST", "The file is empty.");
  }
  let result: CheckResult;
  try {
    result = await checkCsv(saved.file, { kind: input.kind });
  } catch (err) {
    await deleteImportFile(saved.key);
    if (err instanceof UnknownKindError || err instanceof CsvFileError) throw new AppError("BAD_REQUEST", err.message);
    throw err;
  }
  if (result.kind === "fulfillments" && result.orderLines.size && !result.fileErrors.length) {
    addMissingOrderErrors(result, await existingOrderNumbers(db, actor.workspaceId, [...result.orderLines.keys()]));
  }
  const preview: ImportPreview = {
    detected: result.detected,
    columns: result.columns,
    fileErrors: result.fileErrors,
    sample: result.sample,
    summary: result.summary,
  };
  const row = await insertImportJob(db, {
    workspaceId: actor.workspaceId,
    createdById: actor.userId,
    kind: KIND_TO_DB[result.kind],
    filename,
    storageKey: saved.key,
    sizeBytes: saved.size,
    totalRows: result.totalRows,
    // a file-level problem blocks the import like row errors do
    errorCount: result.errorCount + result.fileErrors.length,
    errors: result.errors,
    preview,
  });
  return toImportDto(row);
}

/** Re-reads a previewed file for the "all errors" download (the stored list keeps the first 200). */
export async function allImportErrors(
  db: Db,
  workspaceId: string,
  job: { kind: ImportKind; storageKey: string },
): Promise<ImportRowError[]> {
  const result = await checkCsv(importFilePath(job.storageKey), { kind: KIND_FROM_DB[job.kind], maxErrors: 1_000_000, sampleSize: 0 });
  if (result.kind === "fulfillments" && result.orderLines.size && !result.fileErrors.length) {
    addMissingOrderErrors(result, await existingOrderNumbers(db, workspaceId, [...result.orderLines.keys()]), 1_000_000);
  }
  return [...result.fileErrors.map((message) => ({ line: null, field: null, message })), ...result.errors];
}
