import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJsonExact, quoteBigIntegers } from "./json";

describe("parseJsonExact", () => {
  it("keeps integers beyond 2^53 exact as strings", () => {
    expect(parseJsonExact('{"accrual_id":9007199254740993,"n":[1, 12345678901234567890 ,3]}')).toEqual({
      accrual_id: "9007199254740993",
      n: [1, "12345678901234567890", 3],
    });
  });
  it("leaves strings, decimals and small numbers alone", () => {
    const text = '{"s":"a:12345678901234567,b","d":1234567890123456.5,"e":1e20,"x":-12,"q":"\\"9007199254740993\\""}';
    expect(parseJsonExact(text)).toEqual(JSON.parse(text));
  });
  it("matches JSON.parse on any JSON without big integers", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(quoteBigIntegers(text).length).toBeGreaterThanOrEqual(text.length);
        if (!/\d{16,}/.test(text)) expect(parseJsonExact(text)).toEqual(JSON.parse(text));
      }),
    );
  });
});
