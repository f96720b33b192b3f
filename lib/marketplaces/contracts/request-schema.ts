// A small JSON-schema check for request bodies and queries: required fields, known properties, types,
// enums and bounds, plus "one of these arrays non-empty" where a spec says so in words. Enough to catch a
// request the marketplace would refuse, without a full JSON-schema engine.

export type RequestSchema =
  | {
      type: "object";
      properties: Record<string, RequestSchema>;
      required?: string[];
      /** at least one of these array properties must be non-empty */
      oneNonEmpty?: string[];
    }
  | { type: "array"; items: RequestSchema; minItems?: number; maxItems?: number }
  | { type: "string"; enum?: string[]; format?: "date" | "date-time" | "int64" }
  | { type: "integer"; minimum?: number; maximum?: number }
  | { type: "boolean" };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** Every way `value` breaks `schema`, as "path: problem" lines; empty when it conforms. */
export function checkRequest(schema: RequestSchema, value: unknown, path = "body"): string[] {
  switch (schema.type) {
    case "object": {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return [`${path}: expected an object`];
      const record = value as Record<string, unknown>;
      const problems: string[] = [];
      for (const key of schema.required ?? []) if (record[key] === undefined) problems.push(`${path}.${key}: required`);
      for (const [key, v] of Object.entries(record)) {
        const property = schema.properties[key];
        if (!property) problems.push(`${path}.${key}: not in the spec's schema`);
        else if (v !== undefined) problems.push(...checkRequest(property, v, `${path}.${key}`));
      }
      if (schema.oneNonEmpty && !schema.oneNonEmpty.some((k) => Array.isArray(record[k]) && record[k].length > 0))
        problems.push(`${path}: one of ${schema.oneNonEmpty.join(", ")} must be non-empty`);
      return problems;
    }
    case "array": {
      if (!Array.isArray(value)) return [`${path}: expected an array`];
      const problems = value.flatMap((v, i) => checkRequest(schema.items, v, `${path}[${i}]`));
      if (schema.minItems !== undefined && value.length < schema.minItems)
        problems.push(`${path}: at least ${schema.minItems} items`);
      if (schema.maxItems !== undefined && value.length > schema.maxItems)
        problems.push(`${path}: at most ${schema.maxItems} items`);
      return problems;
    }
    case "string": {
      if (typeof value !== "string") return [`${path}: expected a string`];
      if (schema.enum && !schema.enum.includes(value))
        return [`${path}: ${value} is not one of ${schema.enum.join("|")}`];
      if (schema.format === "date" && !DATE.test(value)) return [`${path}: not a date`];
      if (schema.format === "date-time" && !DATE_TIME.test(value)) return [`${path}: not a date-time`];
      if (schema.format === "int64" && !/^-?\d+$/.test(value)) return [`${path}: not an int64`];
      return [];
    }
    case "integer": {
      if (typeof value !== "number" || !Number.isInteger(value)) return [`${path}: expected an integer`];
      if (schema.minimum !== undefined && value < schema.minimum) return [`${path}: below ${schema.minimum}`];
      if (schema.maximum !== undefined && value > schema.maximum) return [`${path}: above ${schema.maximum}`];
      return [];
    }
    case "boolean":
      return typeof value === "boolean" ? [] : [`${path}: expected a boolean`];
  }
}

/** GET queries arrive as text: an integer or boolean field is checked after reading it back */
export function queryValues(query: URLSearchParams, schema: RequestSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const properties = schema.type === "object" ? schema.properties : {};
  for (const [key, raw] of query) {
    const type = properties[key]?.type;
    out[key] =
      type === "integer" && /^-?\d+$/.test(raw)
        ? Number(raw)
        : type === "boolean" && (raw === "true" || raw === "false")
          ? raw === "true"
          : raw;
  }
  return out;
}
