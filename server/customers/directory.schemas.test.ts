import { describe, expect, it } from "vitest";
import { exportQueryObject, exportQueryString, ZCustomerFilters, ZExportQuery } from "./directory.schemas";
import { decodeDirectoryCursor, encodeDirectoryCursor } from "./list-customers";
import { safeCell } from "./export-customers";

const TAG_A = "0192b3c4-1111-7000-8000-000000000001";
const TAG_B = "0192b3c4-1111-7000-8000-000000000002";

describe("export query string", () => {
  it("round-trips the directory's filters", () => {
    const filters = ZCustomerFilters.parse({
      q: "ana",
      tagIds: [TAG_A, TAG_B],
      vip: true,
      hasDelayedOrder: false,
      lastContact: { from: "2025-12-01T00:00:00.000Z", to: "2025-12-24T00:00:00.000Z" },
      sort: "name",
    });
    const qs = exportQueryString(filters);
    expect(ZExportQuery.parse(exportQueryObject(new URLSearchParams(qs)))).toEqual(filters);
  });

  it("defaults what is missing and refuses what is malformed", () => {
    expect(ZExportQuery.parse(exportQueryObject(new URLSearchParams("")))).toEqual({ sort: "recent" });
    expect(ZExportQuery.safeParse(exportQueryObject(new URLSearchParams("tag=not-a-uuid"))).success).toBe(false);
    expect(ZExportQuery.safeParse(exportQueryObject(new URLSearchParams("sort=random"))).success).toBe(false);
    expect(ZExportQuery.safeParse(exportQueryObject(new URLSearchParams("from=2025-12-24&to=2025-12-01"))).success).toBe(false);
  });
});

describe("directory cursor", () => {
  it("belongs to one sort and carries the segment", () => {
    const id = "0192b3c4-2222-7000-8000-000000000001";
    const c = encodeDirectoryCursor("name", { seg: 1, value: null, id });
    expect(decodeDirectoryCursor("name", c)).toEqual({ seg: 1, value: null, id });
    expect(() => decodeDirectoryCursor("recent", c)).toThrow("Invalid cursor");
    expect(() => decodeDirectoryCursor("recent", encodeDirectoryCursor("recent", { seg: 0, value: "nope", id }))).toThrow("Invalid cursor");
  });
});

describe("safeCell", () => {
  it("defuses spreadsheet formulas but leaves phone numbers alone", () => {
    expect(safeCell("=1+1")).toBe("'=1+1");
    expect(safeCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(safeCell("-2+3")).toBe("'-2+3");
    expect(safeCell("+14155550101")).toBe("+14155550101");
    expect(safeCell("Ana")).toBe("Ana");
  });
});
