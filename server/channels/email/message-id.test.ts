import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { baseAddress, conversationFromMessageId, conversationFromReplyAddress, outboundMessageId, replyAddress } from "./message-id";

describe("email threading tokens", () => {
  const conversationId = randomUUID();
  const messageId = randomUUID();

  it("round-trips our Message-IDs, with or without angle brackets", () => {
    const id = outboundMessageId({ conversationId, messageId, domain: "mail.example.com" });
    expect(id).toMatch(/^<sb\..+@mail\.example\.com>$/);
    expect(conversationFromMessageId(id)).toBe(conversationId);
    expect(conversationFromMessageId(id.slice(1, -1))).toBe(conversationId);
  });

  it("refuses a tampered or foreign Message-ID", () => {
    const id = outboundMessageId({ conversationId, messageId, domain: "mail.example.com" });
    const other = randomUUID();
    expect(conversationFromMessageId(id.replace(conversationId, other))).toBeNull();
    expect(conversationFromMessageId(id.replace(/\.([A-Za-z0-9_-]{22})@/, ".AAAAAAAAAAAAAAAAAAAAAA@"))).toBeNull();
    expect(conversationFromMessageId("<CAF=abc123@mail.gmail.com>")).toBeNull();
    expect(conversationFromMessageId("")).toBeNull();
  });

  it("round-trips reply addresses and refuses forged ones", () => {
    const address = replyAddress("Support@Shop.example", conversationId);
    expect(address).toMatch(/^Support\+.+@Shop\.example$/);
    expect(conversationFromReplyAddress(address)).toBe(conversationId);
    expect(conversationFromReplyAddress(address.replace(conversationId, randomUUID()))).toBeNull();
    expect(conversationFromReplyAddress("support@shop.example")).toBeNull();
    expect(conversationFromReplyAddress("support+hello@shop.example")).toBeNull();
    expect(baseAddress(address)).toBe("support@shop.example");
  });
});
