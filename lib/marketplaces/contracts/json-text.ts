// Fixture bodies as text. Built fixtures are written as objects; a bigint in them becomes a bare integer
// literal (an id beyond 2^53, as the marketplaces send it). Official examples are read from the files
// they were copied into, unchanged.
import { readFileSync } from "node:fs";

const MARK = "__bigint__:";

export function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${MARK}${v}` : v), 2).replace(
    new RegExp(`"${MARK}(-?\\d+)"`, "g"),
    "$1",
  );
}

/** an official example copied into contracts/<marketplace>/examples/ */
export function exampleText(marketplace: "ozon" | "wb", file: string): string {
  return readFileSync(new URL(`./${marketplace}/examples/${file}`, import.meta.url), "utf8");
}
