import { describe, expect, it } from "vitest";
import { parseRestockQuery, parseReviewQuery, parseSkuQuery } from "./page-params";
import { parseTableParams, scopedHref, withParams } from "./table-params";

describe("table params from the URL", () => {
  it("accepts only whitelisted sort keys, known page sizes and sane pages", () => {
    const opts = { sortKeys: ["profit", "units"] as const, defaultSort: "profit" as const };
    expect(parseTableParams({ sort: "units", dir: "asc", size: "25", page: "3" }, opts)).toEqual({
      sort: "units",
      dir: "asc",
      pageSize: 25,
      page: 3,
    });
    expect(parseTableParams({ sort: "s.id; drop table sku", dir: "sideways", size: "7", page: "-1" }, opts)).toEqual({
      sort: "profit",
      dir: "desc",
      pageSize: 50,
      page: 1,
    });
    expect(parseTableParams({ page: "1e9" }, opts).page).toBe(1);
    expect(parseTableParams({ sort: ["units", "profit"] }, opts).sort).toBe("units");
  });

  it("reads each page's filters the same way for the page and its export", () => {
    expect(parseSkuQuery({ q: "  mug ", mp: "OZON", brand: "Acme" }).filters).toEqual({
      q: "mug",
      marketplace: "OZON",
      brand: "Acme",
      category: undefined,
    });
    expect(parseSkuQuery({ mp: "AMAZON" }).filters.marketplace).toBeUndefined();
    expect(parseSkuQuery({ q: "x".repeat(500) }).filters.q).toHaveLength(100);
    expect(
      parseRestockQuery({ need: "1", status: "soon", location: "cluster:154", advice: "12", mp: "OZON" }).filters,
    ).toMatchObject({ isNeedOnly: true, status: "soon", location: "cluster:154", drawer: 12, marketplace: "OZON" });
    expect(parseRestockQuery({ status: "urgent", advice: "0x1" }).filters).toMatchObject({
      isNeedOnly: false,
      status: undefined,
      drawer: undefined,
    });
    expect(parseRestockQuery({}).table).toMatchObject({ sort: "urgency", dir: "asc" });
    expect(parseReviewQuery({ rating: "6", unanswered: "1" }).filters).toEqual({
      rating: undefined,
      isUnansweredOnly: true,
      isWithMediaOnly: false,
      isQueue: false,
    });
    expect(parseReviewQuery({ view: "queue" }).filters.isQueue).toBe(true);
  });

  it("builds links that keep the store and period", () => {
    expect(withParams({ store: "2", from: "2026-11-01", page: "3" }, { page: undefined, sort: "profit" })).toBe(
      "?store=2&from=2026-11-01&sort=profit",
    );
    expect(scopedHref("/costs", { store: "2", to: "2026-11-30", q: "mug" }, { missing: 1 })).toBe(
      "/costs?store=2&to=2026-11-30&missing=1",
    );
    expect(scopedHref("/sync", {})).toBe("/sync");
  });
});
