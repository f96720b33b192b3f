// Restock advice per SKU and warehouse for day d, windows 14 and 28. The numbers come from
// lib/domain/inventory (recommendSupply, rollingVelocity, demandStdDev) so the UI's explanation and
// the stored row can never disagree; SQL only gathers each pair's daily units and stock.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Db, rowsOf, schema } from "@/db";
import { addDays, isIsoDay } from "@/lib/domain/dates";
import { demandStdDev, recommendSupply, rollingVelocity, stockCoverDays } from "@/lib/domain/inventory";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export const ADVICE_WINDOWS = [14, 28] as const;
const LONGEST = 28;

export interface GenerateSupplyAdviceOptions {
  db: Db;
  /** business day the advice is for (the freshest stock snapshot of d or d+1, sales of the window ending on d) */
  d: string;
  /** default SAFETY_COEFF (1.5) */
  safetyCoeff?: number;
}

export interface GenerateSupplyAdviceResult {
  d: string;
  /** advice rows written (pairs x windows) */
  rows: number;
  /** SKU-warehouse pairs with stock or sales */
  pairs: number;
  /** rows recommending a shipment (recommended_qty > 0) */
  toShip: number;
  ms: number;
}

export interface AdviceRationale {
  d: string;
  skuId: number;
  warehouseId: number | null;
  windowDays: number;
  /** units sold per day over the window, oldest first */
  dailyUnits: number[];
  velocity: number;
  demandStd: number;
  onHand: number;
  inTransit: number;
  safetyCoeff: number;
  recommendedQty: number;
}

/** Stable hash of everything that produced a number, so the UI can tell which advice changed and why. */
export function rationaleHash(r: AdviceRationale): string {
  return createHash("sha256")
    .update(
      JSON.stringify([
        "advice/v1",
        r.d,
        r.skuId,
        r.warehouseId,
        r.windowDays,
        r.dailyUnits,
        r.onHand,
        r.inTransit,
        r.safetyCoeff,
      ]),
    )
    .digest("hex");
}

interface PairRow {
  sku_id: number;
  warehouse_id: number | null;
  on_hand: number | null;
  in_transit: number | null;
  offsets: number[] | string | null;
  qtys: number[] | string | null;
}

function intArray(value: number[] | string | null): number[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value.map(Number);
  // a driver that returns the PostgreSQL text form: {1,2,3}
  const inner = value.replace(/^\{|\}$/g, "");
  return inner === "" ? [] : inner.split(",").map(Number);
}

/** Rebuilds advice_supply for day d for every SKU and warehouse with stock (on d or the morning after) or sales in the last 28 days. */
export async function generateSupplyAdvice(options: GenerateSupplyAdviceOptions): Promise<GenerateSupplyAdviceResult> {
  const { d } = options;
  if (!isIsoDay(d))
    throw new AppError("VALIDATION", `"${d}" is not a date in YYYY-MM-DD form`, { d: "expected YYYY-MM-DD" });
  const safetyCoeff = options.safetyCoeff ?? getEnv().SAFETY_COEFF;
  if (!Number.isFinite(safetyCoeff) || safetyCoeff < 0 || safetyCoeff > 100) {
    throw new AppError("VALIDATION", `the safety coefficient must be between 0 and 100, got ${safetyCoeff}`);
  }
  const db = options.db;
  const started = performance.now();
  const start = addDays(d, -(LONGEST - 1));

  const result = await db.execute(sql`
    WITH sold AS (
      SELECT sku_id, warehouse_id,
             array_agg((d - ${start}::date) ORDER BY d) AS offsets,
             array_agg(qty ORDER BY d) AS qtys
      FROM daily_sales
      WHERE d BETWEEN ${start}::date AND ${d}::date AND qty > 0
      GROUP BY sku_id, warehouse_id
    ),
    -- the freshest snapshot taken on d or the day after: the nightly sync (02:00 UTC) collects d
    -- the next morning and stores the stock it sees under that business day
    latest_stock AS (
      SELECT DISTINCT ON (sku_id, warehouse_id) sku_id, warehouse_id, on_hand, in_transit
      FROM daily_stock
      WHERE d BETWEEN ${d}::date AND ${d}::date + 1
      ORDER BY sku_id, warehouse_id, d DESC
    ),
    stock AS (
      SELECT sku_id, warehouse_id, on_hand, in_transit FROM latest_stock WHERE on_hand > 0 OR in_transit > 0
    )
    SELECT coalesce(s.sku_id, st.sku_id) AS sku_id,
           CASE WHEN s.sku_id IS NOT NULL THEN s.warehouse_id ELSE st.warehouse_id END AS warehouse_id,
           st.on_hand, st.in_transit, s.offsets, s.qtys
    FROM sold s
    FULL JOIN stock st ON st.sku_id = s.sku_id AND st.warehouse_id IS NOT DISTINCT FROM s.warehouse_id`);
  const pairs = rowsOf<PairRow>(result);

  const rows: (typeof schema.adviceSupply.$inferInsert)[] = [];
  for (const pair of pairs) {
    const units = new Array<number>(LONGEST).fill(0);
    const offsets = intArray(pair.offsets);
    const qtys = intArray(pair.qtys);
    offsets.forEach((offset, i) => (units[offset] += qtys[i]));
    const onHand = Number(pair.on_hand ?? 0);
    const inTransit = Number(pair.in_transit ?? 0);
    for (const windowDays of ADVICE_WINDOWS) {
      const dailyUnits = units.slice(-windowDays);
      const velocity = rollingVelocity(dailyUnits, windowDays);
      const demandStd = demandStdDev(dailyUnits);
      const recommendedQty = recommendSupply({ sv: velocity, windowDays, onHand, inTransit, safetyCoeff, demandStd });
      const cover = stockCoverDays(onHand, inTransit, velocity);
      const skuId = Number(pair.sku_id);
      const warehouseId = pair.warehouse_id === null ? null : Number(pair.warehouse_id);
      rows.push({
        d,
        skuId,
        warehouseId,
        windowDays,
        recommendedQty,
        velocity: velocity.toFixed(4),
        demandStd: demandStd.toFixed(4),
        onHand,
        inTransit,
        safetyCoeff: safetyCoeff.toFixed(3),
        stockCoverDays: cover === null ? null : cover.toFixed(2),
        rationaleHash: rationaleHash({
          d,
          skuId,
          warehouseId,
          windowDays,
          dailyUnits,
          velocity,
          demandStd,
          onHand,
          inTransit,
          safetyCoeff,
          recommendedQty,
        }),
      });
    }
  }

  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('sovani.generate-supply-advice'))`);
    await tx.execute(sql`DELETE FROM advice_supply WHERE d = ${d}::date`);
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(schema.adviceSupply).values(rows.slice(i, i + 1000));
  });

  const summary: GenerateSupplyAdviceResult = {
    d,
    rows: rows.length,
    pairs: pairs.length,
    toShip: rows.filter((r) => r.recommendedQty > 0).length,
    ms: Math.round(performance.now() - started),
  };
  logger.info("advice.generated", { ...summary });
  return summary;
}
