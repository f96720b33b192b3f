import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { costPriceImportSchema } from "@/lib/services/cost-prices/cost-price-schemas";
import { MAX_IMPORT_BYTES } from "./upload-limits";

const bytesOf = (limit: string | number | undefined): number => {
  if (typeof limit === "number") return limit;
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(limit ?? "1mb");
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m?.[2] ?? "b").toLowerCase() as "b"];
  return Number(m?.[1]) * unit;
};

describe("upload limits", () => {
  it("the server action body limit lets through the largest file the page and the schema accept", () => {
    const largest = Buffer.alloc(MAX_IMPORT_BYTES, 7).toString("base64");
    expect(costPriceImportSchema.safeParse({ fileName: "costs.xlsx", contentBase64: largest }).success).toBe(true);
    const body = JSON.stringify({ fileName: "x".repeat(255), contentBase64: largest });
    const limit = bytesOf(nextConfig.experimental?.serverActions?.bodySizeLimit as string | number | undefined);
    expect(limit).toBeGreaterThan(body.length);
    // and the schema refuses more than the page allows
    const tooLarge = Buffer.alloc(MAX_IMPORT_BYTES + 4096, 7).toString("base64");
    expect(costPriceImportSchema.safeParse({ fileName: "costs.xlsx", contentBase64: tooLarge }).success).toBe(false);
  });
});
