// Brings every shipped supply plan up to date with the stock: units the destination now shows (stock +
// marketplace inbound, plus what was ordered there since shipping, over the baseline) have arrived; the
// rest is still inbound from the plan. A plan whose every line arrived closes itself. Runs before the
// advice, so a unit is counted once: in the plan while on the road, in the marketplace's figures after.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import type { Marketplace } from "@/db/schema";
import { planLineProgress } from "@/lib/domain/restock/supply-plan";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { type LocationKind, warehouseInLocation } from "./restock-locations";

export interface ReconcileSupplyPlansOptions {
  db: Db;
  /** business timezone for the shipping day (default APP_TIMEZONE) */
  timeZone?: string;
}

export interface ReconcileSupplyPlansResult {
  shipped: number;
  closed: number;
}

interface LineRow {
  plan_id: number;
  sku_id: number;
  qty: number;
  baseline_units: number | null;
  arrived_units: number;
  current_units: number;
  ordered_since: number;
}

export async function reconcileSupplyPlans(options: ReconcileSupplyPlansOptions): Promise<ReconcileSupplyPlansResult> {
  const { db } = options;
  const timeZone = options.timeZone ?? getEnv().APP_TIMEZONE;
  const plans = rowsOf<{ id: number; marketplace: Marketplace; location_kind: LocationKind; location_key: string }>(
    await db.execute(
      sql`select id, marketplace, location_kind, location_key from supply_plan where status = 'shipped' order by id`,
    ),
  );
  let closed = 0;
  for (const plan of plans) {
    const inLocation = warehouseInLocation(plan.marketplace, plan.location_kind, plan.location_key);
    const lines = rowsOf<LineRow>(
      await db.execute(sql`
        select l.plan_id, l.sku_id, l.qty, l.baseline_units, l.arrived_units,
          coalesce((select sum(s.on_hand + s.in_transit) from warehouse w
            join lateral (select on_hand, in_transit from daily_stock ds
              where ds.sku_id = l.sku_id and ds.warehouse_id = w.id order by ds.d desc limit 1) s on true
            where ${inLocation}), 0)::int as current_units,
          -- orders after the snapshot the baseline was read from (that snapshot already reflects its day's orders)
          coalesce((select sum(o.ordered_qty - o.cancelled_qty) from daily_orders o join warehouse w on w.id = o.warehouse_id
            where o.sku_id = l.sku_id and ${inLocation}
              and o.d > coalesce((select max(ds.d) from daily_stock ds join warehouse w on w.id = ds.warehouse_id
                where ds.sku_id = l.sku_id and ${inLocation} and ds.d <= (p.shipped_at at time zone ${timeZone})::date),
                (p.shipped_at at time zone ${timeZone})::date - 1)), 0)::int as ordered_since
        from supply_plan_line l join supply_plan p on p.id = l.plan_id
        where l.plan_id = ${plan.id}`),
    );
    let open = 0;
    await db.transaction(async (tx) => {
      for (const l of lines) {
        const progress = planLineProgress(
          {
            qty: Number(l.qty),
            baselineUnits: Number(l.baseline_units ?? 0),
            currentUnits: Number(l.current_units),
            orderedSince: Number(l.ordered_since),
          },
          Number(l.arrived_units),
        );
        if (progress.remaining > 0) open++;
        if (progress.arrived !== Number(l.arrived_units))
          await tx.execute(sql`update supply_plan_line set arrived_units = ${progress.arrived}
            where plan_id = ${plan.id} and sku_id = ${Number(l.sku_id)}`);
      }
      if (open === 0) {
        await tx.execute(sql`update supply_plan set status = 'closed', closed_at = now() where id = ${plan.id}`);
        closed++;
      }
    });
  }
  const result = { shipped: plans.length - closed, closed };
  if (plans.length > 0) logger.info("supply_plans.reconciled", { ...result });
  return result;
}
