// What a contract fixture is and where it came from. A fixture is the raw text a marketplace would send
// (kept as text, so number literals, big ids and string money reach the client exactly as written), with
// its origin: an official example copied from a published spec, a body built strictly from a spec's
// schema where the spec has no example, or a variant the schema allows. See README, "For engineers".
import type { RequestSchema } from "./request-schema";

/** a stored copy of a published spec: repository, file and commit it was read at */
export interface SpecFile {
  repo: string;
  path: string;
  commit: string;
}

/** Ozon Seller API OpenAPI (the 2026-06-11 snapshot) */
export const OZON_SELLER_SPEC: SpecFile = {
  repo: "MissiaL/ozon-api",
  path: "references/ozon-seller-openapi.json",
  commit: "1953152c36955225b459cf55963a2c3a7a234661",
};

/** per-method renderings of the same Ozon spec (request and response schemas with enums) */
export const ozonDocsMirror = (path: string, commit: string): SpecFile => ({
  repo: "Livingbeside/mp-docs-mirror",
  path: `ozon/api/seller/${path}`,
  commit,
});

/**
 * WB OpenAPI files. The repository stores each file at the commits that changed it, so a file is cited at
 * the commit it was read at (the 2026-08-18 snapshot's commit for the files it changed).
 */
export const wbSpec = (file: string, commit = "1a8039fb193b40e79fec3a88aebf7fd05a9f5ab7"): SpecFile => ({
  repo: "eslazarev/wildberries-sdk",
  path: `specs/${file}`,
  commit,
});

export type FixtureOrigin =
  /** copied verbatim from the spec's response example (`at` locates it) */
  | { kind: "official example"; spec: SpecFile; at: string }
  /** the spec has no example: every field the schema names, with its documented type; nullable fields null */
  | { kind: "built from schema"; spec: SpecFile; schema: string }
  /** a shape the schema allows that the example does not show (returns, empty pages, strings for numbers...) */
  | { kind: "variant"; of: string; allowedBy: string };

export interface ResponseFixture {
  name: string;
  origin: FixtureOrigin;
  status: 200 | 204;
  /** the body exactly as served */
  body: string;
}

export interface EndpointContract {
  method: "GET" | "POST" | "PATCH";
  path: string;
  /** the request body's schema from the spec (POST), or the query's (GET) */
  request: RequestSchema;
  requestSource: SpecFile;
  fixtures: ResponseFixture[];
}

/** The named fixture of a contract (throws on a typo, so a test never runs on nothing). */
export function fixture(contract: EndpointContract, name: string): ResponseFixture {
  const f = contract.fixtures.find((x) => x.name === name);
  if (!f) throw new Error(`${contract.method} ${contract.path}: no fixture named ${name}`);
  return f;
}

/** a fixture copied verbatim from the spec's response example (`at` locates it) */
export function official(spec: SpecFile, at: string, body: string, name = "official"): ResponseFixture {
  return { name, status: 200, origin: { kind: "official example", spec, at }, body };
}

/** a fixture built from the response schema, where the spec has no example */
export function built(name: string, spec: SpecFile, schema: string, body: string): ResponseFixture {
  return { name, status: 200, origin: { kind: "built from schema", spec, schema }, body };
}

/** a shape the schema allows that the fixture named `of` does not show */
export function variant(
  name: string,
  of: string,
  allowedBy: string,
  body: string,
  status: ResponseFixture["status"] = 200,
): ResponseFixture {
  return { name, status, origin: { kind: "variant", of, allowedBy }, body };
}
