// Ozon cluster list contract: the fixtures served to the real OzonClient, mapped by warehouse id (an id
// beyond 2^53 kept exact), and written: clusters, and warehouses pointing at their cluster.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { writeClusters } from "@/lib/services/ingestion/ozon-cluster-sources";
import { OzonClient } from "../ozon/client";
import { mapOzonCluster } from "../ozon/cluster-mappers";
import { fixture } from "./fixture";
import { setUpContractServer } from "./contract-server";
import { clusterList } from "./ozon/cluster-fixtures";

const api = setUpContractServer((url) => new OzonClient("1", "key", url, { rateLimits: false, maxAttempts: 1 }));
const serve = (...names: string[]) => api.serve(clusterList, ...names);

describe("POST /v2/cluster/list", () => {
  it("sends {} and maps each cluster with its warehouses by id", async () => {
    serve("schema", "big ids");
    const first = (await api.client.clusters()).map(mapOzonCluster);
    expect(api.server.requests[0].body).toEqual({});
    expect(first).toEqual([
      {
        code: "4",
        name: "Москва, МО и Дальние регионы",
        country: "Россия",
        warehouses: [{ code: "1020001835658000", name: "ХОРУГВИНО_РФЦ" }],
      },
    ]);
    const second = (await api.client.clusters()).map(mapOzonCluster);
    expect(second.map((c) => [c.code, c.warehouses.map((w) => w.code)])).toEqual([
      ["2", ["9007199254740993", "1020000114850000"]],
      ["7", []],
    ]);
  });

  it("quarantines a cluster without a name", () => {
    expect(() => mapOzonCluster({ macrolocal_cluster_id: 1, data: { macrolocal_cluster: {} } })).toThrow(/name/);
  });
});

describe.each(testDatabaseKinds())("clusters into the database on %s", (kind) => {
  const database = useTestDatabase(kind);
  it("points a known warehouse at its cluster by id, whatever its name, and adds the ones not seen yet", async () => {
    await database.db.execute(
      sql`insert into warehouse (marketplace, code, name, kind) values ('OZON', '1020001835658000', 'другое имя', 'FBO')`,
    );
    const stats = { writeMs: 0, statements: 0, byStatement: {} };
    const clusters = [
      mapOzonCluster(JSON.parse(fixture(clusterList, "schema").body).result[0]),
      {
        code: "2",
        name: "Санкт-Петербург и СЗО",
        country: "Россия",
        warehouses: [{ code: "9007199254740993", name: "СПБ_ШУШАРЫ_РФЦ" }],
      },
    ];
    await writeClusters(database.db, stats, clusters);
    await writeClusters(database.db, stats, clusters);
    const rows = rowsOf<{ code: string; name: string; cluster: string }>(
      await database.db.execute(sql`select w.code, w.name, c.code as cluster from warehouse w
        join cluster c on c.id = w.cluster_id order by w.code`),
    );
    expect(rows).toEqual([
      { code: "1020001835658000", name: "другое имя", cluster: "4" },
      { code: "9007199254740993", name: "СПБ_ШУШАРЫ_РФЦ", cluster: "2" },
    ]);
  });
});
