// Saves the advice rows a seller selected as a draft supply plan for one destination.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { AppError } from "@/lib/errors";
import { type AuditActor, writeAudit } from "@/lib/services/audit/write-audit";
import type { CreateSupplyPlanInput } from "./supply-plan-schemas";

export interface CreateSupplyPlanOptions {
  db: Db;
  input: CreateSupplyPlanInput;
  actor: AuditActor | null;
  correlationId?: string;
}

export async function createSupplyPlan(options: CreateSupplyPlanOptions): Promise<{ planId: number }> {
  const { db, input } = options;
  const skuIds = [...new Set(input.lines.map((l) => l.skuId))];
  if (skuIds.length !== input.lines.length)
    throw new AppError("VALIDATION", "errors.supplyPlanDuplicateSku", { lines: "errors.supplyPlanDuplicateSku" });
  return db.transaction(async (tx) => {
    const found = rowsOf<{ id: number; marketplace: string }>(
      await tx.execute(
        sql`select id, marketplace from sku where id in (${sql.join(
          skuIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      ),
    );
    if (found.length !== skuIds.length || found.some((s) => s.marketplace !== input.marketplace))
      throw new AppError("VALIDATION", "errors.supplyPlanSku", { lines: "errors.supplyPlanSku" });
    const [plan] = rowsOf<{ id: number }>(
      await tx.execute(sql`insert into supply_plan (account_id, marketplace, location_kind, location_key, location_name)
        values (${input.accountId ?? null}, ${input.marketplace}, ${input.locationKind}, ${input.locationKey}, ${input.locationName ?? null})
        returning id`),
    );
    const planId = Number(plan.id);
    await tx.execute(
      sql`insert into supply_plan_line (plan_id, sku_id, qty) values ${sql.join(
        input.lines.map((l) => sql`(${planId}, ${l.skuId}, ${l.qty})`),
        sql`, `,
      )}`,
    );
    await writeAudit(tx, {
      actor: options.actor,
      action: "supply_plan.create",
      entity: "supply_plan",
      entityId: planId,
      after: input,
      correlationId: options.correlationId,
    });
    return { planId };
  });
}
