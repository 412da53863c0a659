import { describe, expect, it } from "vitest";
import { normalizeEmail, normalizePhone } from "./identity-keys";

describe("identity keys", () => {
  it("lower-cases and trims e-mail, refuses what is not an address", () => {
    expect(normalizeEmail("  Ana.Silva@Example.COM ")).toBe("ana.silva@example.com");
    expect(normalizeEmail("not an address")).toBeNull();
    expect(normalizeEmail("")).toBeNull();
  });
  it("puts phones in E.164, with the default country for national numbers", () => {
    expect(normalizePhone("(415) 555-0132")).toBe("+14155550132");
    expect(normalizePhone("+44 20 7946 0958")).toBe("+442079460958");
    expect(normalizePhone("020 7946 0958", "GB")).toBe("+442079460958");
    expect(normalizePhone("12")).toBeNull();
  });
});
