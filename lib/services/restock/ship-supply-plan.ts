// Marks a draft supply plan shipped and records, per line, what the destination held then (on hand +
// marketplace inbound): from that baseline reconcileSupplyPlans tells arrived units from remaining ones.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import type { Marketplace } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { type AuditActor, writeAudit } from "@/lib/services/audit/write-audit";
import { type LocationKind, warehouseInLocation } from "./restock-locations";

export interface ShipSupplyPlanOptions {
  db: Db;
  planId: number;
  actor: AuditActor | null;
  correlationId?: string;
}

export async function shipSupplyPlan(options: ShipSupplyPlanOptions): Promise<void> {
  const { db, planId } = options;
  await db.transaction(async (tx) => {
    const [plan] = rowsOf<{
      status: string;
      marketplace: Marketplace;
      location_kind: LocationKind;
      location_key: string;
    }>(
      await tx.execute(
        sql`select status, marketplace, location_kind, location_key from supply_plan where id = ${planId} for update`,
      ),
    );
    if (!plan) throw new AppError("NOT_FOUND", "errors.notFound");
    if (plan.status !== "draft") throw new AppError("CONFLICT", "errors.supplyPlanNotDraft");
    // the latest snapshot per warehouse of the destination
    await tx.execute(sql`
      update supply_plan_line l set baseline_units = coalesce((
        select sum(s.on_hand + s.in_transit)::int
        from warehouse w
        join lateral (
          select on_hand, in_transit from daily_stock ds
          where ds.sku_id = l.sku_id and ds.warehouse_id = w.id order by ds.d desc limit 1
        ) s on true
        where ${warehouseInLocation(plan.marketplace, plan.location_kind, plan.location_key)}
      ), 0)
      where l.plan_id = ${planId}`);
    await tx.execute(sql`update supply_plan set status = 'shipped', shipped_at = now() where id = ${planId}`);
    await writeAudit(tx, {
      actor: options.actor,
      action: "supply_plan.ship",
      entity: "supply_plan",
      entityId: planId,
      correlationId: options.correlationId,
    });
  });
}
