// The shape comparison the emulator checks rely on: what it reports and what it lets through.
import { describe, expect, it } from "vitest";
import { shapeDepartures } from "./shape";

describe("shapeDepartures", () => {
  const example = { result: { items: [{ sku: "1", price: { amount: "2", currency: "RUB" } }], next: null }, count: 1 };

  it("accepts a body with a subset of the example's fields, nulls and an empty array", () => {
    expect(shapeDepartures({ result: { items: [{ sku: "7" }, { price: null }], next: 5 } }, example)).toEqual([]);
    expect(shapeDepartures({ result: { items: [] } }, example)).toEqual([]);
  });

  it("names a field the example lacks, a number for a string and an object for an array", () => {
    expect(
      shapeDepartures(
        { result: { items: [{ sku: 7, price: { amount: "2", extra: true } }] }, count: [1], other: 0 },
        example,
      ),
    ).toEqual([
      "body.result.items[0].sku: number where the example has string",
      "body.result.items[0].price.extra: not in the example",
      "body.count: array where the example has number",
      "body.other: not in the example",
    ]);
    expect(shapeDepartures({ result: { items: { sku: "1" } } }, example)).toEqual([
      "body.result.items: object where the example has array",
    ]);
  });
});
