import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJsonExact, quoteBigIntegers } from "./json";

describe("parseJsonExact", () => {
  it("keeps integers beyond 2^53 exact as strings", () => {
    expect(parseJsonExact('{"accrual_id":9007199254740993,"n":[1, 12345678901234567890 ,3]}')).toEqual({
      accrual_id: "9007199254740993",
      n: [1, "12345678901234567890", 3],
    });
    expect(parseJsonExact("[-9007199254740993, 9007199254740991, -9007199254740991]")).toEqual([
      "-9007199254740993",
      9007199254740991,
      -9007199254740991,
    ]);
  });

  it("leaves strings, decimals and small numbers alone", () => {
    const text = '{"s":"a:12345678901234567,b","d":1234567890123456.5,"e":1e20,"x":-12,"q":"\\"9007199254740993\\""}';
    expect(parseJsonExact(text)).toEqual(JSON.parse(text));
  });

  it("reads a 16+ digit fraction beside a 16+ digit id (Ozon FBO stock: ads 1/28, warehouse id)", () => {
    const text =
      '{"items":[{"sku":1488301234,"warehouse_id":1020001835658000,"ads":0.03571428571428571,' +
      '"idc":28.000000000000004,"accrual_id":9007199254740993,"e":1.2345678901234567e+21,"f":-0.1234567890123456789}]}';
    expect(parseJsonExact(text)).toEqual({
      items: [
        {
          sku: 1488301234,
          warehouse_id: 1020001835658000,
          ads: 0.03571428571428571,
          idc: 28.000000000000004,
          accrual_id: "9007199254740993",
          e: 1.2345678901234567e21,
          f: -0.1234567890123456789,
        },
      ],
    });
  });

  it("rejects what JSON.parse rejects", () => {
    for (const bad of ['{"a":1', "[1,]", '{"a":01}', "12345678901234567890x", '"unterminated']) {
      expect(() => JSON.parse(bad)).toThrow();
      expect(() => parseJsonExact(bad)).toThrow();
    }
  });

  // A JSON text built token by token: numbers keep the literal the server wrote (long fractions,
  // exponents in both cases, negative values, integers past 2^53) and strings carry digits, quotes,
  // backslashes and number-like content. Everything must read as JSON.parse reads it, except that an
  // integer literal outside the safe range comes back as the exact digits it was written with.
  type Node =
    | { kind: "number"; literal: string }
    | { kind: "string"; value: string }
    | { kind: "lit"; value: boolean | null }
    | { kind: "array"; items: Node[] }
    | { kind: "object"; entries: [string, Node][] };

  const digits = (min: number, max: number) =>
    fc.array(fc.constantFrom(..."0123456789"), { minLength: min, maxLength: max }).map((d) => d.join(""));
  const intLiteral = fc
    .tuple(fc.boolean(), fc.constantFrom(..."123456789"), digits(0, 30))
    .map(([neg, first, rest]) => `${neg ? "-" : ""}${first}${rest}`);
  const zero = fc.constantFrom("0", "-0");
  const fraction = fc.tuple(fc.oneof(intLiteral, zero), digits(1, 30)).map(([int, frac]) => `${int}.${frac}`);
  const exponent = fc
    .tuple(fc.oneof(intLiteral, fraction, zero), fc.constantFrom("e", "E"), fc.constantFrom("", "+", "-"), digits(1, 3))
    .map(([base, e, sign, exp]) => `${base}${e}${sign}${exp}`);
  const doubleLiteral = fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d));
  const numberNode = fc
    .oneof(intLiteral, zero, fraction, exponent, doubleLiteral)
    .map((literal): Node => ({ kind: "number", literal }));
  const numberLikeString = fc
    .oneof(intLiteral, fraction, exponent, fc.constant('12345678901234567890"'), fc.constant("\\"))
    .map((s) => s);
  const stringNode = fc
    .oneof(numberLikeString, fc.string(), fc.string({ unit: "binary" }))
    .map((value): Node => ({ kind: "string", value }));
  const litNode = fc.constantFrom<Node>(
    { kind: "lit", value: true },
    { kind: "lit", value: false },
    { kind: "lit", value: null },
  );
  const { node } = fc.letrec<{ node: Node }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      numberNode,
      stringNode,
      litNode,
      fc.array(tie("node"), { maxLength: 6 }).map((items): Node => ({ kind: "array", items })),
      fc
        .array(fc.tuple(fc.oneof(fc.string(), numberLikeString), tie("node")), { maxLength: 6 })
        .map((entries): Node => ({ kind: "object", entries })),
    ),
  }));
  const space = fc.constantFrom("", " ", "\n", "\n  ", "\t", "\r\n");

  function render(n: Node, ws: string): string {
    switch (n.kind) {
      case "number":
        return n.literal;
      case "string":
        return JSON.stringify(n.value);
      case "lit":
        return JSON.stringify(n.value);
      case "array":
        return `[${ws}${n.items.map((i) => render(i, ws)).join(`${ws},${ws}`)}${ws}]`;
      case "object":
        return `{${ws}${n.entries.map(([k, v]) => `${JSON.stringify(k)}${ws}:${ws}${render(v, ws)}`).join(`,${ws}`)}${ws}}`;
    }
  }

  const isUnsafeInteger = (literal: string) =>
    /^-?\d+$/.test(literal) &&
    (BigInt(literal) > BigInt(Number.MAX_SAFE_INTEGER) || BigInt(literal) < -BigInt(Number.MAX_SAFE_INTEGER));

  /** JSON.parse's reading of the same text, with unsafe integer literals as their exact digits */
  function expected(n: Node): unknown {
    switch (n.kind) {
      case "number":
        return isUnsafeInteger(n.literal) ? n.literal : JSON.parse(n.literal);
      case "string":
      case "lit":
        return n.value;
      case "array":
        return n.items.map(expected);
      // an own property per key, as JSON.parse makes it: `out[k] = ...` would set the prototype for "__proto__"
      case "object":
        return Object.fromEntries(n.entries.map(([k, v]) => [k, expected(v)]));
    }
  }

  it("reads random JSON as JSON.parse does, except integers beyond 2^53, which stay exact", () => {
    fc.assert(
      fc.property(node, space, (tree, ws) => {
        const text = render(tree, ws);
        const plain = JSON.parse(text) as unknown;
        const exact = parseJsonExact(text);
        expect(exact).toEqual(expected(tree));
        sameAsJsonParseExceptUnsafeIntegers(exact, plain);
      }),
      { numRuns: 4000 },
    );
  });

  it("keeps a __proto__ key as an own property and never touches a prototype", () => {
    const parsed = parseJsonExact('{"__proto__":{"polluted":1},"a":9007199254740993}') as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(["__proto__", "a"]);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parsed.a).toBe("9007199254740993");
  });

  it("changes nothing in a body without integers beyond 2^53", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        const plain = JSON.parse(text) as unknown;
        if (!/\d{16,}/.test(text)) expect(quoteBigIntegers(text)).toBe(text);
        sameAsJsonParseExceptUnsafeIntegers(parseJsonExact(text), plain);
      }),
      { numRuns: 1000 },
    );
  });
});

/** the only differences from JSON.parse are integers beyond 2^53, kept as their digits (equal as numbers) */
function sameAsJsonParseExceptUnsafeIntegers(exact: unknown, plain: unknown): void {
  if (typeof exact === "string" && typeof plain === "number") {
    expect(exact).toMatch(/^-?\d+$/);
    expect(Number.isSafeInteger(Number(exact))).toBe(false);
    expect(Number(exact)).toBe(plain);
  } else if (exact !== null && typeof exact === "object") {
    expect(Object.keys(exact)).toEqual(Object.keys(plain as object));
    for (const k of Object.keys(exact))
      sameAsJsonParseExceptUnsafeIntegers((exact as Record<string, unknown>)[k], (plain as Record<string, unknown>)[k]);
  } else expect(exact).toEqual(plain);
}
