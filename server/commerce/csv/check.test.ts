import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkCsv, type StagedRow } from "./check";
import { CsvFileError } from "./reader";

const dir = mkdtempSync(path.join(os.tmpdir(), "switchboard-csv-check-"));
let n = 0;
const file = (content: string | Buffer) => {
  const f = path.join(dir, `f${++n}.csv`);
  writeFileSync(f, content);
  return f;
};
const testdata = (name: string) => path.join(import.meta.dirname, "testdata", name);

describe("checkCsv", () => {
  it("reads semicolon files with a BOM and CRLF, and reports lines as a spreadsheet numbers them", async () => {
    const f = file(
      '\uFEFFEmail;Name;Notes\r\nann@example.com;Ann;\r\n\r\nbob@;Bob;\r\n;;\r\n"cy@example.com";"Cy\nSecond line";x\r\ndee@example.com;Dee;\r\n',
    );
    const r = await checkCsv(f, { kind: "auto" });
    expect(r.kind).toBe("customers");
    expect(r.totalRows).toBe(4);
    expect(r.errors).toEqual([{ line: 4, field: "email", message: "Email 'bob@' is not an email address" }]);
    expect(r.sample.rows.map((s) => s.line)).toEqual([2, 4, 6, 8]);
    expect(r.sample.rows[2]?.values.name).toBe("Cy\nSecond line");
  });

  it("flags rows with more values than headers and text that is not UTF-8", async () => {
    const latin1 = Buffer.concat([
      Buffer.from("Email,Name\nann@example.com,"),
      Buffer.from([0x4a, 0xfc, 0x72, 0x67, 0x65, 0x6e]),
      Buffer.from("\nbo@example.com,Bo,extra\n"),
    ]);
    const r = await checkCsv(file(latin1), { kind: "customers" });
    expect(r.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      "2: characters that are not UTF-8 (save the file as CSV UTF-8)",
      "3: 3 values but the header has 2 columns (an unquoted comma?)",
    ]);
  });

  it("an unclosed quote is a file error with its line", async () => {
    const r = await checkCsv(file('Email,Name\nann@example.com,Ann\nbob@example.com,"Bob\n'), { kind: "customers" });
    expect(r.fileErrors).toEqual(["Line 3: a quoted value is never closed"]);
    await expect(checkCsv(file(""), { kind: "auto" })).rejects.toBeInstanceOf(CsvFileError);
    expect((await checkCsv(file("Email,Name\n"), { kind: "customers" })).fileErrors).toEqual(["The file has a header but no rows."]);
  });

  it("stages valid rows in batches with each order's ordinal, and stops staging at the first error", async () => {
    const staged: StagedRow<"orders">[][] = [];
    const r = await checkCsv(testdata("orders-good.csv"), {
      kind: "orders",
      batchSize: 2,
      onBatch: (b) => Promise.resolve(void staged.push(b)),
    });
    expect(r.errorCount).toBe(0);
    expect(staged.map((b) => b.map((s) => [s.line, s.ord, s.row.number]))).toEqual([
      [
        [2, 0, "#5001"],
        [3, 0, "#5001"],
      ],
      [
        [4, 1, "#5002"],
        [5, 2, "#5003"],
      ],
      [[7, 3, "#5004"]],
    ]);
    const none: unknown[] = [];
    const bad = await checkCsv(testdata("orders-bad.csv"), {
      kind: "orders",
      batchSize: 1,
      onBatch: (b) => Promise.resolve(void none.push(b)),
    });
    expect(bad.errorCount).toBe(5);
    // line 2 is valid and staged before line 3's error; nothing after
    expect(none).toHaveLength(1);
  });

  it("an order with no date on any row, and one whose rows disagree", async () => {
    const csv = ["Order,Placed at,Total,Product", "#1,,,Mug", "#1,,,Scarf", "#2,2025-01-01,10.00,Mug", "#2,2025-01-01,12.00,Hat"].join(
      "\n",
    );
    const r = await checkCsv(file(csv), { kind: "orders" });
    expect(r.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      "2: Placed at is empty on every row of order #1",
      "5: Total '12.00' differs from '10.00' on line 4 (same order #2)",
    ]);
  });

  it("the preview of the customers example", async () => {
    const r = await checkCsv(testdata("customers-good.csv"), { kind: "auto" });
    expect(r.sample.fields).toEqual(["name", "email", "phone", "vip", "tags", "locale", "timezone"]);
    expect(r.sample.rows[0]?.values).toEqual({
      name: "Maya Lopez",
      email: "maya.lopez@example.com",
      phone: "+15555550100",
      vip: "yes",
      tags: "wholesale, newsletter",
      locale: "en-US",
      timezone: "America/Chicago",
    });
    expect(readFileSync(testdata("customers-good.csv"), "utf8")).toContain("Notes");
    expect(r.columns.find((c) => c.header === "Notes")).toMatchObject({ field: null, note: "not imported" });
  });
});
