import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, openJson, sealJson } from "./crypto";

describe("secrets at rest", () => {
  it("round-trips, never repeats a ciphertext, and refuses tampering", () => {
    const a = encryptSecret("imap-password-ü");
    expect(decryptSecret(a)).toBe("imap-password-ü");
    expect(encryptSecret("imap-password-ü")).not.toBe(a);
    const parts = a.split(".");
    parts[3] = Buffer.from("something else").toString("base64url");
    expect(() => decryptSecret(parts.join("."))).toThrow();
    expect(() => decryptSecret("plain text")).toThrow(/Not an encrypted secret/);
    expect(openJson<{ pass: string }>(sealJson({ pass: "x" }))).toEqual({ pass: "x" });
  });
});
