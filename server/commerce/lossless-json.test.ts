import { describe, expect, it } from "vitest";
import { parseJsonLossless } from "./lossless-json";

describe("parseJsonLossless", () => {
  it("keeps ids above 2^53 exactly, as digit strings (JSON.parse rounds them)", () => {
    const text = '{"id":820982911946154508,"order_id":820982911946154509,"n":42,"neg":-9007199254740993}';
    expect((JSON.parse(text) as { id: number }).id).toBe(820982911946154500);
    expect(parseJsonLossless(text)).toEqual({ id: "820982911946154508", order_id: "820982911946154509", n: 42, neg: "-9007199254740993" });
  });

  it("leaves safe integers, decimals, exponents and digits inside strings alone", () => {
    const text = '{"a":9007199254740991,"b":12.5,"c":1e21,"s":"id 820982911946154508 \\" 820982911946154508","arr":[1,820982911946154508]}';
    expect(parseJsonLossless(text)).toEqual({
      a: 9007199254740991,
      b: 12.5,
      c: 1e21,
      s: 'id 820982911946154508 " 820982911946154508',
      arr: [1, "820982911946154508"],
    });
  });

  it("still refuses malformed JSON", () => {
    expect(() => parseJsonLossless('{"id": 820982911946154508')).toThrow();
    expect(() => parseJsonLossless("not json")).toThrow();
  });
});
