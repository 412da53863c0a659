import { describe, expect, it } from "vitest";
import { AppError } from "../lib/errors";
import { decodeCursor, encodeCursor } from "./cursor";

describe("keyset cursor", () => {
  it("round-trips timestamp and id", () => {
    const k = { at: new Date("2026-11-23T10:11:12.345Z"), id: "0196b1f2-7c3a-7def-8abc-0123456789ab" };
    expect(decodeCursor(encodeCursor(k))).toEqual(k);
  });

  it("rejects garbage with a BAD_REQUEST", () => {
    for (const bad of [
      "",
      "abc",
      Buffer.from("not-a-date|x").toString("base64url"),
      Buffer.from("2026-01-01T00:00:00Z|'; drop").toString("base64url"),
    ]) {
      expect(() => decodeCursor(bad)).toThrow(AppError);
    }
  });
});
