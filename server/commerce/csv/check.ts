// One pass over a CSV file: map the headers, validate every row, check rows against each other. The preview runs it
// alone; the import job runs it again (the file is re-read, never trusted from the preview) and stages the valid rows.
import { FIELDS, detectKind, mapHeaders, type ColumnMapping, type ImportKindKey } from "./columns";
import { CrossRowChecker } from "./cross-row";
import { CsvFileError, readCsv, type CsvRecord } from "./reader";
import { rowValidator, type RawRow, type RowByKind } from "./rows";
import { displayRow } from "./display";

export type RowError = { line: number; field: string | null; message: string };
export type SampleRow = { line: number; values: Record<string, string | null>; invalid?: true };
export type StagedRow<K extends ImportKindKey> = { line: number; ord: number; row: RowByKind[K] };

export type CheckResult = {
  kind: ImportKindKey;
  detected: boolean;
  columns: ColumnMapping["columns"];
  fileErrors: string[];
  totalRows: number;
  errorCount: number;
  /** the first `maxErrors`, by line */
  errors: RowError[];
  sample: { fields: string[]; rows: SampleRow[] };
  summary: Record<string, number>;
  /** fulfilments: order number → lines naming it, for the caller's existence check */
  orderLines: Map<string, number[]>;
};

export type CheckOptions<K extends ImportKindKey> = {
  kind: K | "auto";
  maxErrors?: number;
  sampleSize?: number;
  batchSize?: number;
  /** valid rows in batches, only while the file has no error (an import with errors writes nothing anyway) */
  onBatch?: (rows: StagedRow<K>[]) => Promise<void>;
  /** rows read so far, after each batch */
  onProgress?: (rows: number) => void;
};

export class UnknownKindError extends CsvFileError {}

// what a person checks first in an orders preview: which order, what was bought, when, by whom
const ORDER_PREVIEW_FIRST = ["order_number", "product", "variant", "sku", "quantity", "price", "placed_at", "email", "customer_name"];

/** The columns of the preview table: the kind's fields that the file maps (first/last name shown as name). */
function sampleFields(kind: ImportKindKey, mapping: ColumnMapping): string[] {
  const mapped = new Set(Object.keys(mapping.fields));
  if (mapped.has("first_name") || mapped.has("last_name")) mapped.add("name");
  const keys = FIELDS[kind].map((d) => d.key).filter((k) => mapped.has(k) && k !== "first_name" && k !== "last_name");
  if (kind !== "orders") return keys;
  const rank = (k: string) => (ORDER_PREVIEW_FIRST.includes(k) ? ORDER_PREVIEW_FIRST.indexOf(k) : ORDER_PREVIEW_FIRST.length);
  return keys.sort((a, b) => rank(a) - rank(b));
}

export async function checkCsv<K extends ImportKindKey>(file: string, opts: CheckOptions<K>): Promise<CheckResult> {
  const maxErrors = opts.maxErrors ?? 200;
  const sampleSize = opts.sampleSize ?? 20;
  const batchSize = opts.batchSize ?? 5000;
  const records = readCsv(file);
  const first = await records.next();
  const headerRecord = first.done ? undefined : first.value[0];
  if (first.done || !headerRecord) throw new CsvFileError("The file is empty.");
  const headers = headerRecord.cells.map((h) => h.trim());
  const kind = (opts.kind === "auto" ? detectKind(headers) : opts.kind) as K | null;
  if (!kind) {
    await records.return(undefined);
    throw new UnknownKindError(
      "Could not tell from the headers whether this file holds customers, orders or fulfilments. Choose the kind, or use a template's headers.",
      1,
    );
  }
  const mapping = mapHeaders(kind, headers);
  const labels: Record<string, string> = {};
  for (const [field, idx] of Object.entries(mapping.fields)) labels[field] = headers[idx[0] ?? 0] ?? field;
  const label = (f: string) => labels[f] ?? FIELDS[kind].find((d) => d.key === f)?.label ?? f;
  const result: CheckResult = {
    kind,
    detected: opts.kind === "auto",
    columns: mapping.columns,
    fileErrors: mapping.missing.map((f) => {
      const def = FIELDS[kind].find((d) => d.key === f);
      return `No ${def?.label ?? f} column (a header like ${(def?.aliases ?? [])
        .slice(0, 3)
        .map((a) => `"${a}"`)
        .join(", ")})`;
    }),
    totalRows: 0,
    errorCount: 0,
    errors: [],
    sample: { fields: sampleFields(kind, mapping), rows: [] },
    summary: {},
    orderLines: new Map(),
  };
  if (result.fileErrors.length) {
    await records.return(undefined);
    return result;
  }

  const validate = rowValidator(kind, labels);
  const cross = new CrossRowChecker(kind, label);
  const fieldCols = Object.entries(mapping.fields);
  const width = headers.length;
  const addError = (e: RowError) => {
    result.errorCount += 1;
    if (result.errors.length < maxErrors) result.errors.push(e);
  };
  let batch: StagedRow<K>[] = [];
  // staging batch N runs in the database while batch N+1 is parsed; its failure surfaces at the next flush
  let staging: Promise<void> = Promise.resolve();
  const flush = async () => {
    await staging;
    if (batch.length && result.errorCount === 0 && opts.onBatch) {
      staging = opts.onBatch(batch);
      staging.catch(() => undefined);
    }
    batch = [];
    opts.onProgress?.(result.totalRows);
  };

  const onRecord = (line: number, cells: string[]) => {
    // a row of empty cells (",,,,") is a blank line to a spreadsheet
    if (isBlank(cells)) return;
    result.totalRows += 1;
    const raw: RawRow = {};
    for (const [field, idx] of fieldCols) {
      for (const i of idx) {
        const c = cells[i];
        if (c !== undefined && c.trim()) {
          raw[field] = c;
          break;
        }
      }
    }
    const errors: RowError[] = [];
    if (cells.length > width && !isBlank(cells.slice(width))) {
      errors.push({ line, field: null, message: `${cells.length} values but the header has ${width} columns (an unquoted comma?)` });
    }
    if (hasReplacementChar(cells)) {
      errors.push({ line, field: null, message: "characters that are not UTF-8 (save the file as CSV UTF-8)" });
    }
    const v = validate(raw);
    if (v.ok && !errors.length) {
      const c = cross.check<K>(line, v.row, raw);
      if ("ord" in c) batch.push({ line, ord: c.ord, row: v.row });
      else for (const e of c.errors) errors.push({ line, ...e });
    } else if (!v.ok) for (const e of v.errors) errors.push({ line, ...e });
    for (const e of errors) addError(e);
    if (result.sample.rows.length < sampleSize) {
      result.sample.rows.push(
        v.ok && !errors.length
          ? { line, values: displayRow(kind, v.row) }
          : { line, values: Object.fromEntries(result.sample.fields.map((f) => [f, raw[f]?.trim() || null])), invalid: true },
      );
    }
  };
  try {
    let records_: CsvRecord[] = first.value.slice(1);
    for (;;) {
      for (const r of records_) {
        onRecord(r.line, r.cells);
        if (batch.length >= batchSize) await flush();
      }
      const next = await records.next();
      if (next.done) break;
      records_ = next.value;
    }
  } catch (err) {
    if (!(err instanceof CsvFileError)) throw err;
    result.fileErrors.push(err.message);
  }
  if (result.totalRows === 0 && !result.fileErrors.length) result.fileErrors.push("The file has a header but no rows.");
  for (const e of cross.finish()) addError(e);
  await flush();
  await staging;
  result.errors.sort((a, b) => a.line - b.line);
  result.summary = { rows: result.totalRows, ...cross.summary() };
  result.orderLines = cross.orderLines;
  return result;
}

function isBlank(cells: string[]): boolean {
  for (const c of cells) if (c.trim()) return false;
  return true;
}

function hasReplacementChar(cells: string[]): boolean {
  for (const c of cells) if (c.includes("\uFFFD")) return true;
  return false;
}

/** Adds "order not found" errors for fulfilment rows whose order number is not in `existing`. */
export function addMissingOrderErrors(result: CheckResult, existing: ReadonlySet<string>, maxErrors = 200): void {
  for (const [number, lines] of result.orderLines) {
    if (existing.has(number)) continue;
    for (const line of lines) {
      result.errorCount += 1;
      result.errors.push({ line, field: "order_number", message: `order ${number} does not exist in this workspace` });
    }
  }
  result.errors.sort((a, b) => a.line - b.line);
  result.errors.length = Math.min(result.errors.length, maxErrors);
}
