// Streams a CSV file from disk: delimiter sniffed from the header line, records with the line they START on.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { parse, type CsvError } from "csv-parse";

export type CsvRecord = { line: number; cells: string[] };

/** A problem with the file as a whole (not one row): the import cannot go on. */
export class CsvFileError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = "CsvFileError";
  }
}

/** Comma, semicolon (European Excel) or tab: whichever occurs most in the first line outside quotes. */
export async function sniffDelimiter(file: string): Promise<string> {
  const fh = await open(file, "r");
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
      throw new CsvFileError("This is an Excel workbook. Save it as CSV (UTF-8) and upload that.");
    }
    if (head.includes(0)) throw new CsvFileError("This is not a text file. Save the sheet as CSV (UTF-8) and upload that.");
    const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
    let quoted = false;
    for (const ch of head.toString("utf8")) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && (ch === "\n" || ch === "\r")) break;
      else if (!quoted && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
    }
    const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
    return best && best[1] > 0 ? best[0] : ",";
  } finally {
    await fh.close();
  }
}

function describe(err: unknown): CsvFileError {
  const e = err as Partial<CsvError> & { lines?: number };
  const line = typeof e.lines === "number" ? e.lines : null;
  const why =
    e.code === "CSV_QUOTE_NOT_CLOSED"
      ? "a quoted value is never closed"
      : e.code === "CSV_INVALID_CLOSING_QUOTE" || e.code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE"
        ? 'a quote (") appears inside a value that is not wrapped in quotes'
        : e.code === "CSV_MAX_RECORD_SIZE"
          ? "a row is longer than 1 MB (a missing closing quote?)"
          : (e.message ?? "unreadable CSV");
  return new CsvFileError(line ? `Line ${line}: ${why}` : `The file cannot be read as CSV: ${why}`, line);
}

/**
 * Every record of the file, header first, in batches (one await per batch, not per row: at 100k rows the per-record
 * promise of an async iterator is a measurable share of the time). Empty lines are skipped but counted, so line
 * numbers match a text editor or spreadsheet; a quoted value spanning lines reports the line it starts on.
 */
export async function* readCsv(file: string, batchSize = 1000): AsyncGenerator<CsvRecord[]> {
  const delimiter = await sniffDelimiter(file);
  const source = createReadStream(file, { highWaterMark: 256 * 1024 });
  const parser = source.pipe(
    parse({ delimiter, bom: true, info: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 1024 * 1024 }),
  );
  let failure: unknown = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const signal = () => {
    wake?.();
    wake = null;
  };
  parser.on("readable", signal);
  parser.on("end", () => {
    ended = true;
    signal();
  });
  parser.on("error", (err) => {
    failure = err;
    signal();
  });
  source.on("error", (err) => {
    failure = err;
    signal();
  });
  let prevEnd = 0;
  let prevEmpty = 0;
  try {
    for (;;) {
      const batch: CsvRecord[] = [];
      let out: { record: string[]; info: { lines: number; empty_lines: number } } | null;
      while (batch.length < batchSize && (out = parser.read() as typeof out) !== null) {
        const start = prevEnd + 1 + (out.info.empty_lines - prevEmpty);
        prevEnd = out.info.lines;
        prevEmpty = out.info.empty_lines;
        batch.push({ line: start, cells: out.record });
      }
      if (batch.length) {
        yield batch;
        continue;
      }
      if (failure) throw failure instanceof CsvFileError ? failure : describe(failure);
      if (ended) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    parser.destroy();
    source.destroy();
  }
}
